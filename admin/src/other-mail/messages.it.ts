import type { otherMailEnglish } from './messages.en';

export const otherMailItalian: typeof otherMailEnglish = {
  app: { menu: { other_mail: 'Altra posta' } },
  resources: {
    'other-mail': {
      name: 'Altra posta |||| Altra posta',
      empty: 'Nessun’altra posta: ogni messaggio di privacy@ era una richiesta o una risposta.',
      no_deadline:
        'Messaggi di privacy@ che nessuna persona ha scritto (risposte automatiche, avvisi di mancata consegna, posta di liste), che non è stato possibile leggere, o in cui chi scrive non chiede alcun diritto (un reclamo all’autorità di controllo, una domanda). Non hanno una scadenza di legge; trasformatene uno in richiesta se chiede un diritto.',
      fields: {
        fromAddress: 'Mittente',
        subject: 'Oggetto',
        receivedAt: 'Ricevuto',
        kind: 'Tipo',
        reason: 'Perché non è una richiesta',
        requestId: 'Richiesta',
        madeRequestBy: 'Resa richiesta da',
        q: 'Cerca',
      },
      kinds: {
        auto_reply: 'Risposta automatica',
        delivery_report: 'Avviso di mancata consegna',
        list_mail: 'Posta di una lista',
        unreadable: 'Illeggibile',
        no_request: 'Non chiede alcun diritto',
      },
      reasons: {
        no_right: 'Nelle parole di chi scrive non è chiesto alcun diritto.',
        complaint: 'Un reclamo a un’autorità di controllo: «%{words}»',
      },
      made_request: 'Resa richiesta',
      make_request: 'Rendila una richiesta',
      make_request_title: 'Rendere questo messaggio una richiesta?',
      make_request_content:
        'È comunque una richiesta: diventa una richiesta dell’interessato, e la scadenza di legge decorre dal giorno in cui il messaggio è stato ricevuto.',
      made: 'La richiesta è stata creata',
      download: 'Scarica il messaggio (.eml)',
      download_help: 'Il messaggio esattamente come è arrivato; lo scaricamento è registrato nel log di audit.',
      text_in_raw:
        'Il testo del messaggio è conservato solo nell’originale sigillato: scaricatelo per leggerlo in un programma di posta. Ogni scaricamento è registrato nel log di audit.',
      status: {
        not_configured: 'La console non legge la casella privacy@ (IMAP_URL non è impostato).',
        never_read: 'Casella %{host} / %{folder}: non ancora letta.',
        last_read:
          'Casella %{host} / %{folder}: letta l’ultima volta %{when} (nuove richieste: %{requests}, risposte: %{replies}, altra posta: %{other}).',
        read_now: 'Leggi ora',
        read_done: 'Casella letta. Nuove richieste: %{requests}, risposte: %{replies}, altra posta: %{other}.',
        skipped: 'Un’altra console sta leggendo la casella in questo momento.',
      },
    },
  },
};
