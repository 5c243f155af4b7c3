import type { RightsMessages } from './messages.en';

/** Italian messages of the erasure, rectification, restriction, objection and withdrawal screens. */
export const rightsItalian: RightsMessages = {
  app: {
    requests: {
      rights: {
        verify_first:
          'Verifica prima l’identità dell’interessato: fino ad allora i suoi dati non si possono modificare.',
        error: 'Non è stato possibile caricare lo stato.',
        ips: 'Indirizzi IP indicati dall’interessato (facoltativo)',
        ips_help:
          'Le righe dei log di accesso sono collegate a una persona solo tramite l’indirizzo IP. Separa gli indirizzi con virgole o spazi.',
        records: '1 record |||| %{smart_count} record',
        sources_count: '1 fonte |||| %{smart_count} fonti',
        show_all: 'Mostra tutti (%{smart_count})',
        show_less: 'Mostra meno',
        more: 'e altri %{count}, non elencati',
        per_source: '%{source}: %{count}',
        erasure: {
          title: 'Cancellazione',
          subtitle: 'Art. 17 GDPR: ogni fonte, record per record',
          not_started:
            'Non è stato ancora cancellato nulla. Guarda l’anteprima di ciò che la cancellazione cambierebbe in ogni fonte, poi eseguila. La richiesta si potrà chiudere a cancellazione completata.',
          not_started_readonly: 'La cancellazione non è stata eseguita.',
          preview: 'Anteprima della cancellazione',
          run_again: 'Esegui di nuovo',
          waive: 'Registra il motivo',
          started: 'Avviata il %{date}',
          complete: 'Cancellazione completata il %{date}.',
          complete_open: 'Cancellazione completata il %{date}: la richiesta si può chiudere.',
          incomplete:
            'Non completata: 1 fonte non è riuscita. Esegui di nuovo la cancellazione (si ripete solo ciò che manca), oppure registra perché non si può fare. Fino ad allora la richiesta non si può chiudere. |||| Non completata: %{smart_count} fonti non sono riuscite. Esegui di nuovo la cancellazione (si ripete solo ciò che manca), oppure registra perché non si può fare. Fino ad allora la richiesta non si può chiudere.',
          close_blocked:
            'Esegui prima la cancellazione: una richiesta di cancellazione si chiude a cancellazione completata.',
          ran_complete: 'Cancellazione di %{reference} completata',
          ran_incomplete: 'Cancellazione di %{reference} non completata: una fonte non è riuscita',
          attempts: '1 tentativo |||| %{smart_count} tentativi',
          affected: '1 record modificato |||| %{smart_count} record modificati',
          waived_because: 'Non cancellata: %{reason}',
          status: {
            done: 'Fatto',
            failed: 'Non riuscita',
            waived: 'Rinunciata',
            pending: 'Non eseguita',
          },
          dialog: {
            title: 'Cancella i dati di %{reference}',
            result_title: 'Cancellazione di %{reference}',
            intro: 'Ciò che la cancellazione cambierebbe, fonte per fonte. Non è ancora cambiato nulla.',
            intro_resumed: 'Ciò che resta da cancellare, fonte per fonte.',
            found_through:
              'Trovati tramite %{emails} e %{phones}, che entrano nella lista di soppressione: il sito non potrà reinviare i dati della persona.',
            found_through_one:
              'Trovati tramite %{identifiers}, che entra nella lista di soppressione: il sito non potrà reinviare i dati della persona.',
            emails: '1 email |||| %{smart_count} email',
            phones: '1 numero di telefono |||| %{smart_count} numeri di telefono',
            ips_fixed: 'Gli indirizzi IP sono stati fissati alla prima esecuzione e non si possono cambiare.',
            update_preview: 'Aggiorna l’anteprima',
            update_first: 'Aggiorna l’anteprima per includere gli indirizzi IP prima di cancellare.',
            nothing: 'Nulla conservato',
            no_ips: 'Nulla, perché non è stato indicato alcun indirizzo IP',
            total: '%{records} in %{sources}',
            nothing_at_all:
              'La console non conserva nulla sulla persona. Esegui comunque la cancellazione: registra che non c’era nulla e mette email e telefono della persona nella lista di soppressione.',
            erase_now: 'Cancella ora',
            confirm_title: 'Cancellare ora i dati di %{reference}?',
            confirm_content:
              '%{records} in %{sources} saranno cancellati, mascherati o scollegati come elencato, e le email e i telefoni della persona aggiunti alla lista di soppressione. L’operazione è irreversibile.',
            confirm: 'Cancella ora',
            result_complete: 'Cancellazione completata: tutte le fonti sono state trattate.',
            result_incomplete:
              'Non completata: una fonte non è riuscita. Chiudi questa finestra, poi esegui di nuovo la cancellazione oppure registra perché non si può fare.',
          },
          strategies: {
            'calendar-events':
              'Gli eventi del calendario della persona sono cancellati; negli eventi di un collega la persona è tolta da partecipanti, titolo e descrizione.',
            'calendar-connections':
              'L’accesso è revocato presso Google, poi il collegamento, i suoi token cifrati e i suoi eventi sono cancellati.',
            'chat-conversations':
              'Conservate a fini statistici, con email, numeri di telefono e nomi della persona mascherati («[…]») in ogni messaggio.',
            consents: 'Conservati come prova del consenso (art. 7, par. 1), senza l’email.',
            'access-logs': 'Le righe degli indirizzi IP indicati sono cancellate.',
            leads: 'Cancellati: non resta nulla da conservare.',
          },
          actions: {
            delete: 'Cancella',
            mask: 'Maschera',
            unlink: 'Togli l’email',
            revoke_and_delete: 'Revoca e cancella',
            remove_attendee: 'Togli la persona',
            mask_mention: 'Maschera solo la persona (dati di altri)',
          },
          waive_dialog: {
            title: 'Registra perché %{source} non si può cancellare',
            description:
              'Il motivo resta nella cronologia e nel registro di audit, e la richiesta si potrà chiudere. Indica cosa è stato tentato e cosa è stato detto alla persona.',
            error: 'Ultimo errore: %{error}',
            reason: 'Motivo',
            reason_help: 'Almeno 10 caratteri.',
            confirm: 'Registra il motivo',
            done: 'Motivo registrato: rinuncia per %{source}',
          },
        },
        review: {
          title: 'Registrazioni che menzionano la persona',
          subtitle:
            'Art. 15, par. 4, GDPR: le registrazioni di altre persone che la nominano, e quelle condivise, non sono mai esportate automaticamente',
          none: 'Nessuna registrazione di altre persone menziona l’interessato, e non ne condivide alcuna.',
          explain:
            'Includi un estratto solo di ciò che riguarda l’interessato: email e numeri di telefono delle altre persone, e le frasi che le riguardano, sono tolti dalla console. La decisione va nella cronologia; gli estratti inclusi vanno nel pacchetto di accesso (excerpts.txt).',
          relations: { own: 'Dati propri', shared: 'Condivisa con altri', mention: 'Menziona la persona' },
          relations_help: {
            own: 'Una registrazione dell’interessato',
            shared:
              'L’interessato e un’altra persona sono entrambi titolari di questa registrazione (più partecipanti, un telefono condiviso): non esportata automaticamente',
            mention: 'Una registrazione di un’altra persona che nomina l’interessato: non esportata automaticamente',
          },
          other_participants: '1 altro partecipante |||| %{smart_count} altri partecipanti',
          no_passage: 'Nessuna frase nomina l’interessato: scrivi tu l’estratto se qualcosa lo riguarda.',
          excerpt: 'Estratto da includere',
          excerpt_help:
            'Gli identificativi delle altre persone e le frasi che le riguardano sono tolti al salvataggio.',
          include: 'Includi l’estratto',
          exclude: 'Escludi',
          included: 'Incluso il %{date} da %{by}',
          excluded: 'Escluso il %{date} da %{by}',
          saved: 'Decisione registrata nella cronologia',
        },
        recipients: {
          title: 'Destinatari da informare (art. 19)',
          subtitle:
            'I responsabili che ricevono i dati modificati da questa richiesta, ognuno con una comunicazione pronta da inviare',
          none: 'Nessun responsabile riceve i dati modificati da questa richiesta.',
          activities: 'Trattamenti',
          categories: 'Dati',
          contact: 'Contatto',
          show_notice: 'Mostra la comunicazione',
          hide_notice: 'Nascondi la comunicazione',
          copy: 'Copia la comunicazione',
          copied: 'Comunicazione per %{name} copiata negli appunti',
          copy_failed: 'Non è stato possibile copiare la comunicazione: selezionala e copiala a mano.',
          send_notice: 'Anteprima e invio',
          send_again: 'Invia di nuovo',
          not_sent: 'Non ancora inviata',
          no_address: 'Nessun indirizzo e-mail nel registro dei responsabili',
          letter_state: '%{state} a %{to}, %{date}',
          send_list: 'Invia l’elenco all’interessato',
          send_list_help:
            'Art. 19, ultima frase: su richiesta, l’interessato viene informato di chi sono questi destinatari, nella sua lingua.',
          changes: {
            erasure: 'Cancellazione',
            rectification: 'Rettifica',
            restriction: 'Limitazione',
          },
          transfers: {
            none: 'Nessun trasferimento fuori dall’UE',
            scc: 'Clausole contrattuali tipo',
            dpf: 'EU-US Data Privacy Framework',
            scc_dpf: 'Clausole tipo + EU-US Data Privacy Framework',
            other: 'Altra garanzia (vedi il registro)',
          },
        },
        rectification: {
          title: 'Rettifica',
          subtitle: 'Art. 16 GDPR: i record del modulo di contatto sono corretti sul posto',
          button: 'Rettifica',
          none_yet: 'Non è stato ancora corretto nulla.',
          last: 'Corretti il %{date}',
          dialog: {
            title: 'Rettifica i dati di %{reference}',
            description:
              'Compila solo ciò che cambia e lascia vuoto il resto. Ogni record del modulo di contatto della persona viene corretto, una nuova email anche nei suoi consensi cookie, e la ricerca si aggiorna. Prima e dopo restano nella cronologia e nel registro di audit.',
            confirm: 'Rettifica',
            at_least_one: 'Indica almeno un valore corretto.',
            result: '1 record corretto. |||| %{smart_count} record corretti.',
            unchanged: 'Nulla da cambiare: i record contengono già questi valori.',
          },
          table: {
            source: 'Fonte',
            field: 'Campo',
            before: 'Prima',
            after: 'Dopo',
          },
          done: '%{reference}: 1 record corretto |||| %{reference}: %{smart_count} record corretti',
        },
        restriction: {
          title: 'Limitazione del trattamento',
          subtitle: 'Art. 18 GDPR: i record sono conservati ma non usati, e mai eliminati dalla pulizia',
          in_force: 'Limitato dal %{date}.',
          not_in_force: 'Il trattamento non è limitato.',
          lifted: 'Limitazione revocata il %{date}.',
          restrict: 'Limita il trattamento',
          lift: 'Revoca la limitazione',
          restrict_dialog: {
            title: 'Limita il trattamento per %{reference}',
            description:
              'Ogni record della persona viene contrassegnato: conservato, mostrato come limitato in ogni schermata, escluso dalla pulizia per conservazione. I nuovi dati inviati per le sue email, i suoi telefoni o indirizzi IP arrivano già contrassegnati.',
            confirm: 'Limita il trattamento',
          },
          lift_dialog: {
            title: 'Revoca la limitazione di %{reference}',
            description:
              'I contrassegni messi da questa richiesta vengono tolti. Art. 18, par. 3, GDPR: informa la persona prima di revocare la limitazione, e scrivilo nel motivo.',
            reason: 'Motivo',
            reason_help:
              'Almeno 10 caratteri, per esempio «Esattezza verificata; interessato informato il 23 novembre».',
            confirm: 'Revoca la limitazione',
            subject_told_at: 'Interessato informato il',
            subject_told_at_help:
              "Quando l'interessato è stato informato che la limitazione sarà revocata (art. 18, par. 3, GDPR): obbligatorio, non nel futuro.",
          },
          done: '%{reference}: 1 record limitato |||| %{reference}: %{smart_count} record limitati',
          lifted_done: '%{reference}: limitazione revocata',
        },
        withdrawal: {
          title_consent_withdrawal: 'Revoca del consenso',
          title_objection: 'Opposizione',
          subtitle_consent_withdrawal: 'Art. 7, par. 3, GDPR: cessano i trattamenti basati sul consenso',
          subtitle_objection: 'Art. 21 GDPR: cessano i trattamenti basati sul legittimo interesse',
          button: 'Interrompi il trattamento',
          none_yet: 'Non è stato ancora registrato nulla.',
          last: 'Registrata il %{date} · ID consenso %{consentId}',
          dialog: {
            title: 'Interrompi il trattamento per %{reference}',
            description_consent_withdrawal:
              'Scegli i trattamenti da interrompere; sono selezionati quelli basati sul consenso. La revoca viene registrata nei consensi cookie, con le categorie scelte rifiutate: il banner e il revisore la leggono come prova.',
            description_objection:
              'Scegli i trattamenti da interrompere; sono selezionati quelli basati sul legittimo interesse. L’opposizione viene registrata nei consensi cookie, con le categorie scelte rifiutate: il banner e il revisore la leggono come prova.',
            activities: 'Trattamenti',
            no_activities: 'Il registro non elenca alcun trattamento.',
            at_least_one: 'Scegli almeno un trattamento.',
            confirm: 'Interrompi il trattamento',
            result: 'Registrata come revoca nei consensi cookie (ID consenso %{consentId}).',
          },
          table: {
            activity: 'Trattamento',
            legal_basis: 'Base giuridica',
            banner: 'Ora il banner rifiuta',
            held: 'Record conservati',
          },
          no_banner_category: '—',
          held_help: 'Record nella fonte del trattamento: cancellali o limitali come passo successivo.',
          done: '%{reference}: 1 trattamento interrotto |||| %{reference}: %{smart_count} trattamenti interrotti',
        },
        holds: {
          title: 'Vincoli di conservazione',
          subtitle: 'Art. 17, par. 3, GDPR: cosa la cancellazione conserva, perché e fino a quando',
          none: 'Nessun vincolo di conservazione: la cancellazione riguarda tutti i record della persona.',
          place: 'Applica un vincolo',
          lift: 'Revoca il vincolo',
          what_source: '%{source}: 1 record conservato |||| %{source}: %{smart_count} record conservati',
          what_record: '%{source}: record %{id}',
          reference: 'norma: %{reference}',
          until: 'Fino al %{date}, quando cessa da sé',
          review_by: 'Termine non noto: da verificare entro il %{date}',
          review_overdue: 'Verifica scaduta dal %{date}: il vincolo resta in vigore finché non viene revocato',
          why: 'Motivo: %{reason}',
          placed: 'Applicato da %{by} il %{date}',
          lifted: 'Revocato da %{by} il %{date}: %{reason}',
          freed:
            '1 record non più vincolato e non ancora cancellato: esegui di nuovo la cancellazione per cancellarlo. |||| %{smart_count} record non più vincolati e non ancora cancellati: esegui di nuovo la cancellazione per cancellarli.',
          article: 'art. 17, par. 3, lett. %{letter})',
          ground_with_article: '%{ground} (%{article})',
          states: {
            in_force: 'In vigore',
            review_due: 'Da verificare',
            ended: 'Cessato',
            lifted: 'Revocato',
          },
          grounds: {
            freedom_of_expression: 'Libertà di espressione e di informazione',
            legal_obligation: 'Obbligo di legge',
            archiving: 'Archiviazione nel pubblico interesse, ricerca o statistica',
            legal_claims: 'Accertamento, esercizio o difesa di un diritto in sede giudiziaria',
          },
          dialog: {
            title: 'Applica un vincolo di conservazione a %{reference}',
            description:
              'Finché il vincolo è in vigore, i record conservati non vengono né cancellati né mascherati dalla cancellazione, né eliminati dalla conservazione periodica. La lettera di chiusura e il pacchetto di accesso dicono all’interessato cosa conserviamo, perché e fino a quando.',
            source: 'Fonte',
            record: 'Un solo record (facoltativo)',
            record_help:
              'Il suo identificativo, come lo mostra la schermata della fonte. Vuoto: tutti i record della persona nella fonte.',
            ground: 'Motivo (art. 17, par. 3, GDPR)',
            legal_reference: 'Norma',
            legal_reference_help:
              'Obbligatoria per un obbligo di legge: la norma che lo impone, ad es. “art. 2220 c.c.”.',
            reason: 'Motivazione (per il fascicolo)',
            reason_help: 'Almeno 10 caratteri, ad es. la contestazione e la data della diffida.',
            until: 'Fino a quando',
            until_end: 'Fino a una data nota: poi il vincolo cessa da sé',
            until_review: 'Termine non noto: una data entro cui verificarlo',
            ends_at: 'Cessa il',
            ends_at_help: 'Dopo questo giorno la successiva esecuzione della cancellazione cancella quanto conservato.',
            review_at: 'Da verificare entro il',
            review_at_help: 'Una data di verifica passata non fa cessare il vincolo: solo la revoca lo fa.',
            confirm: 'Applica il vincolo',
          },
          lift_dialog: {
            title: 'Revoca il vincolo di conservazione su %{source}',
            description:
              'Il motivo non sussiste più. Il record conservato viene cancellato alla successiva esecuzione della cancellazione, anche se la richiesta è chiusa. |||| Il motivo non sussiste più. I %{smart_count} record conservati vengono cancellati alla successiva esecuzione della cancellazione, anche se la richiesta è chiusa.',
            reason: 'Motivo della revoca',
            reason_help: 'Almeno 10 caratteri, ad es. “La controversia si è chiusa con transazione il 3 marzo 2027”.',
            confirm: 'Revoca il vincolo',
          },
          placed_done:
            '%{reference}: vincolo applicato a 1 record |||| %{reference}: vincolo applicato a %{smart_count} record',
          lifted_done: '%{reference}: vincolo revocato',
          errors: {
            erasure_complete: 'La cancellazione è completata: non resta nulla da conservare.',
            already_erased: 'La cancellazione ha già cancellato questa fonte: non resta nulla da conservare.',
            nothing_to_keep: 'La persona non ha record in questa fonte.',
            not_their_record:
              'Non è un record che la cancellazione riguarda: verifica l’identificativo nella schermata della fonte.',
            legal_reference: 'Indica la norma che impone l’obbligo, ad es. “art. 2220 c.c.”.',
            date: 'Deve essere un giorno successivo a oggi.',
            incomplete: 'Il vincolo è incompleto: vedi i campi.',
            already_lifted: 'Il vincolo era già stato revocato.',
            closed: 'La richiesta è chiusa: non si può fare altro.',
          },
        },
        objection: {
          title: 'Opposizione',
          subtitle: 'Art. 21 GDPR: la decisione e i trattamenti che interrompe',
          none_yet: 'Nessuna decisione registrata.',
          decide: 'Decidi sull’opposizione',
          decide_again: 'Decidi di nuovo',
          decided: {
            stopped: 'Deciso il %{date} da %{by}: nessun motivo legittimo cogente, il trattamento cessa.',
            direct_marketing:
              'Deciso il %{date} da %{by}: opposizione al marketing diretto, che è assoluta (art. 21, par. 3): il trattamento a fini di marketing cessa.',
            refused:
              'Deciso il %{date} da %{by}: motivi legittimi cogenti prevalgono sull’opposizione; il trattamento prosegue.',
          },
          activities_line: 'Trattamenti: %{activities}',
          grounds_line: 'Motivi legittimi cogenti: %{grounds}',
          statement: 'Cosa viene comunicato all’interessato (art. 21, par. 1, e art. 12, par. 4), nella sua lingua',
          stops_title: 'Trattamenti interrotti da questa richiesta',
          no_stops: 'Nessuna interruzione di questa richiesta è in vigore.',
          assessments: {
            none: 'Nessun motivo legittimo cogente: il trattamento cessa',
            compelling_grounds: 'Motivi legittimi cogenti prevalgono sull’opposizione: il trattamento prosegue',
          },
          dialog: {
            title: 'Decidi sull’opposizione di %{reference}',
            description:
              'Registra a cosa si oppone la persona e la tua valutazione. Se il trattamento cessa, gli indirizzi e-mail e i numeri di telefono della persona vengono conservati come hash con chiave per ciascun trattamento: l’acquisizione segnala poi i suoi nuovi record, e la ricerca dell’interessato mostra l’interruzione.',
            what: 'La persona si oppone a',
            legitimate_interests: 'Trattamenti basati sul legittimo interesse (art. 21, par. 1): il titolare valuta',
            direct_marketing: 'Marketing diretto (art. 21, par. 2): assoluta, senza valutazione',
            activities: 'Trattamenti del registro basati sul legittimo interesse',
            activities_marketing:
              'Il trattamento di marketing (facoltativo: se non ne scegli nessuno, cessa tutto il marketing diretto)',
            no_activities: 'Il registro non elenca trattamenti basati sul legittimo interesse.',
            marketing_absolute:
              'L’opposizione al marketing diretto non ammette valutazione: il trattamento a fini di marketing cessa (art. 21, par. 3).',
            assessment: 'Valutazione (art. 21, par. 1)',
            grounds: 'I motivi legittimi cogenti',
            grounds_help:
              '%{count} di almeno %{min} caratteri. L’interessato li legge nella risposta, con il diritto di proporre reclamo al Garante (art. 12, par. 4).',
            confirm: 'Registra la decisione',
            result_stopped:
              'Trattamento interrotto: 1 identificativo della persona è segnalato. |||| Trattamento interrotto: %{smart_count} identificativi della persona sono segnalati.',
            result_refused: 'L’opposizione non è accolta: il trattamento prosegue. La comunicazione per l’interessato:',
          },
          done: {
            processing_stopped: '%{reference}: trattamento interrotto',
            objection_refused: '%{reference}: opposizione non accolta',
          },
          errors: {
            no_identifier:
              'La richiesta non indica né un’e-mail né un telefono della persona: aggiungine uno, altrimenti l’acquisizione non potrebbe riconoscerla.',
            activities:
              'Un trattamento scelto non è basato sul legittimo interesse nel registro: ricarica la pagina e scegli di nuovo.',
            grounds: 'Indica i motivi legittimi cogenti, in almeno 20 caratteri.',
          },
        },
        legal_bases: {
          consent: 'Consenso',
          contract: 'Contratto',
          legal_obligation: 'Obbligo legale',
          vital_interests: 'Interessi vitali',
          public_task: 'Compito di interesse pubblico',
          legitimate_interests: 'Legittimo interesse',
        },
        consent_categories: {
          contact_form: 'Modulo di contatto',
        },
      },
      timeline: {
        erasure_plan: 'Da modificare: %{sources}',
        erasure_nothing: 'Nessuna fonte conserva dati',
        suppressed:
          '1 email o telefono aggiunto alla lista di soppressione |||| %{smart_count} email e telefoni aggiunti alla lista di soppressione',
        source_done: '%{source}: 1 record modificato |||| %{source}: %{smart_count} record modificati',
        source_failed: '%{source}: non riuscita (tentativo %{attempt})',
        source_waived: '%{source}: non cancellata',
        late: 'Arrivato durante la cancellazione',
        completed_total: '1 record modificato in tutto |||| %{smart_count} record modificati in tutto',
        waived_sources: 'Rinuncia: %{sources}',
        rectified_change: '%{source} · %{field}: %{before} → %{after}',
        restricted_sources: 'Limitati: %{sources}',
        restricted_nothing: 'Nessun record trovato da limitare',
        lifted_sources: 'Contrassegno tolto: %{sources}',
        effect: '%{activity} (%{basis})',
        effect_banner: 'il banner rifiuta %{category}',
        effect_held: '1 record conservato |||| %{smart_count} record conservati',
        consent_id: 'ID consenso %{consentId}',
      },
    },
  },
  resources: {
    requests: {
      events: {
        erasure_started: 'Cancellazione avviata',
        erasure_resumed: 'Cancellazione eseguita di nuovo',
        erasure_source_done: 'Fonte cancellata',
        erasure_source_failed: 'Fonte non riuscita',
        erasure_waived: 'Rinuncia per una fonte',
        erasure_completed: 'Cancellazione completata',
        rectified: 'Dati rettificati',
        restricted: 'Trattamento limitato',
        restriction_lifted: 'Limitazione revocata',
        consent_withdrawn: 'Consenso revocato',
        objection_recorded: 'Opposizione registrata',
        legal_hold_placed: 'Vincolo di conservazione applicato',
        legal_hold_lifted: 'Vincolo di conservazione revocato',
        held_records_erased: 'Cancellati i record non più vincolati',
        objection_decided: 'Decisione sull’opposizione',
      },
    },
    'audit-events': {
      actions: {
        erasure: {
          previewed: 'Anteprima della cancellazione',
          started: 'Cancellazione avviata',
          source_erased: 'Fonte cancellata',
          source_failed: 'Cancellazione di una fonte non riuscita',
          calendar_revoked: 'Accesso al calendario revocato',
          waived: 'Rinuncia alla cancellazione di una fonte',
          completed: 'Cancellazione completata',
        },
        legal_hold: {
          placed: 'Vincolo di conservazione applicato',
          lifted: 'Vincolo di conservazione revocato',
        },
        subject: {
          rectified: 'Dati rettificati',
          restricted: 'Trattamento limitato',
          restriction_lifted: 'Limitazione revocata',
          consent_withdrawn: 'Consenso revocato',
          objection_recorded: 'Opposizione registrata',
          objection_decided: 'Decisione sull’opposizione',
        },
      },
    },
  },
};
