import type { RetentionMessages } from './messages.en';

/** Italian messages of the retention screen, deep-merged into `i18n/it.ts`. */
export const retentionItalian: RetentionMessages = {
  app: {
    menu: {
      retention: 'Pulizia dei dati',
    },
    retention: {
      title: 'Pulizia dei dati',
      intro:
        'I dati conservati oltre i termini delle politiche di conservazione, contati per politica, dai più vecchi. Una pulizia li cancella o li anonimizza come dice ciascuna politica. I dati soggetti a limitazione (art. 18) non vengono mai toccati; i consensi cookie scadono e restano come prova del consenso.',
      refreshed: 'Conteggio del %{date}',
      refresh: 'Ricalcola',
      error: 'Non è stato possibile caricare il resoconto. Riprova.',
      schedule: {
        on: 'Si avvia da sola %{when}; prossima esecuzione %{date}.',
        off: 'La pulizia giornaliera è disattivata: avviala da qui.',
      },
      last_sweep: {
        none: 'Nessuna pulizia eseguita finora.',
        completed:
          'Ultima pulizia %{date}: %{count} dato modificato. |||| Ultima pulizia %{date}: %{count} dati modificati.',
        failed: 'Ultima pulizia %{date} non riuscita: %{error}',
        running: 'È in corso una pulizia avviata %{date}.',
      },
      summary: {
        due: 'Oltre i termini',
        due_help: 'da cancellare o anonimizzare',
        restricted: 'Conservati: limitati',
        restricted_help: 'mai cancellati (art. 18)',
        lapsed: 'Consensi scaduti',
        lapsed_help: 'conservati come prova',
      },
      buttons: {
        dry_run: 'Prova',
        sweep: 'Pulisci ora',
      },
      confirm: {
        title: 'Eliminare i dati oltre i termini di conservazione?',
        body: 'Verrà cancellato o anonimizzato ora %{count} dato, come dicono le politiche di conservazione. L’operazione non si può annullare. I dati limitati e i consensi cookie restano. |||| Verranno cancellati o anonimizzati ora %{count} dati, come dicono le politiche di conservazione. L’operazione non si può annullare. I dati limitati e i consensi cookie restano.',
        nothing: 'Il resoconto non conta dati oltre i termini: con ogni probabilità la pulizia non cambierà nulla.',
        confirm: 'Pulisci ora',
      },
      report: {
        policy: 'Politica',
        source: 'Fonte',
        cutoff: 'Anteriori al',
        past: 'Oltre i termini',
        oldest: 'Il più vecchio',
        restricted: 'Limitati, conservati',
        outcome: 'Cosa fa la pulizia',
        not_applicable: '—',
        date_fields: {
          submittedAt: 'inviati prima del',
          lastActivity: 'ultimo messaggio prima del',
          revokedAt: 'scollegati prima del',
          endsAt: 'conclusi prima del',
          validUntil: 'validità scaduta prima del',
          at: 'registrati prima del',
        },
        states: {
          no_period: 'Nessun termine: la politica non ne indica.',
          not_held: 'Dati non presenti nella console.',
          unknown_source: 'Fonte sconosciuta «%{source}»: nulla viene cancellato.',
          console_rule: 'Applicato dalla console stessa, non dalla pulizia periodica.',
          unsupported_action: 'L’azione non si applica a questa fonte: nulla viene cancellato.',
        },
        effects: {
          delete: 'Li cancella',
          anonymise: 'Li anonimizza',
          keep: 'Nulla: i consensi scadono e restano come prova',
          none_due: 'nulla oltre i termini, ora',
        },
      },
      actions: {
        delete: 'Cancellazione',
        anonymise: 'Anonimizzazione',
        expire: 'Scadenza',
        aggregate_only: 'Solo dati aggregati',
      },
      sources: {
        leads: 'Contatti dal modulo',
        'chat-conversations': 'Conversazioni con la chat IA',
        'calendar-connections': 'Calendari collegati',
        'calendar-events': 'Eventi di calendario',
        consents: 'Consensi cookie',
        'access-logs': 'Log di accesso',
        mailbox: 'Altra posta',
        requests: 'Richieste',
        'suppressed-identifiers': 'Elenco di esclusione',
      },
      result: {
        dry_title: 'Prova: nessun dato è stato modificato',
        dry_body:
          'Una pulizia ora cancellerebbe o anonimizzerebbe 1 dato. |||| Una pulizia ora cancellerebbe o anonimizzerebbe %{count} dati.',
        done_title: 'Pulizia completata',
        done_body:
          '1 dato cancellato o anonimizzato in %{duration}. |||| %{count} dati cancellati o anonimizzati in %{duration}.',
        failed_title: 'La pulizia non è riuscita',
        failed_body:
          '%{error} Quanto modificato dai blocchi conclusi resta fatto: avvia di nuovo la pulizia per completarla.',
        close: 'Chiudi',
        policy: 'Politica',
        status: 'Esito',
        due: 'Oltre i termini',
        changed: 'Modificati',
        restricted: 'Limitati, conservati',
        index_rows: 'Voci d’indice rimosse',
        batches: 'Blocchi',
        revoked_tokens:
          'Cancellati i token di 1 collegamento al calendario revocato |||| Cancellati i token di %{smart_count} collegamenti al calendario revocati',
        revoked_tokens_dry:
          'Una pulizia ora cancellerebbe i token di 1 collegamento al calendario revocato |||| Una pulizia ora cancellerebbe i token di %{smart_count} collegamenti al calendario revocati',
      },
      statuses: {
        done: 'Fatto',
        previewed: 'Da modificare',
        kept: 'Conservati',
        skipped: 'Non applicabile',
        failed: 'Non riuscito',
        not_reached: 'Non raggiunto',
      },
      history: {
        title: 'Pulizie',
        subtitle: 'Ogni pulizia e prova, dalla più recente. Aprine una per vedere cosa ha fatto per ciascuna politica.',
        started: 'Avviata',
        kind: 'Tipo',
        trigger: 'Avviata da',
        status: 'Stato',
        records: 'Dati',
        duration: 'Durata',
        dry_run: 'Prova',
        sweep: 'Pulizia',
        schedule: 'Pianificazione',
        empty: 'Nessuna pulizia né prova finora.',
        sweep_status: {
          running: 'In corso',
          completed: 'Completata',
          failed: 'Non riuscita',
        },
      },
      conflict: 'È già in corso un’altra pulizia: attendi che finisca.',
    },
  },
  resources: {
    'audit-events': {
      actions: {
        'retention.sweep_previewed': 'Prova di pulizia',
        'retention.sweep_started': 'Pulizia avviata',
        'retention.swept': 'Pulizia completata',
        'retention.sweep_failed': 'Pulizia non riuscita',
        'retention.revoked_tokens_deleted': 'Token dei collegamenti al calendario revocati cancellati',
      },
      entities: {
        retention_sweep: 'Pulizia dei dati',
      },
    },
  },
};
