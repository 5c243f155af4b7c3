import type { LettersMessages } from './messages.en';

/** Italian messages of the letters card, merged into the request screens' messages. */
export const lettersItalian: LettersMessages = {
  title: 'Lettere',
  subtitle: 'All’interessato, per e-mail, nella lingua della richiesta',
  none: 'Nessuna lettera ancora scritta.',
  due: 'Da inviare in questo stato: %{letter}.',
  none_due: 'In questo stato non è dovuta alcuna lettera.',
  preview_due: 'Anteprima e invio',
  write: 'Scrivi una lettera',
  retry: 'Riprova ora',
  to: 'A %{to}',
  by: 'da %{by}',
  sent_on: 'Inviata il %{date}',
  written_on: 'Scritta il %{date}',
  attempts: '1 tentativo |||| %{smart_count} tentativi',
  edited: 'testo modificato dal titolare',
  message_id: 'Message-ID %{id}',
  not_sent: 'Non inviata: %{error}.',
  next_try: 'Prossimo tentativo automatico: %{date}.',
  no_more_tries: 'Nessun altro tentativo automatico: riprova manualmente.',
  sent_done: 'Lettera inviata a %{to}',
  failed_first: 'Il server di posta ha rifiutato la lettera (%{error}): resta in coda e sarà ritentata.',
  failed_again: 'Il server di posta ha rifiutato di nuovo la lettera (%{error}).',
  languages: {
    it: 'italiano',
    en: 'inglese',
  },
  states: {
    queued: 'In coda',
    sent: 'Inviata',
    failed: 'Non inviata',
  },
  dialog: {
    title: 'Una lettera per %{reference}',
    kind: 'Lettera',
    to: 'A %{to}, in %{language}, come verrà inviata. Puoi modificare oggetto e testo prima dell’invio.',
    subject: 'Oggetto',
    text: 'Testo',
    edit_help:
      'Scritta dal modello in vigore (versione %{version}). Un testo modificato viene registrato come tale; il modello resta invariato.',
    send: 'Invia',
  },
  missing: {
    deadline: 'La richiesta non ha una scadenza.',
    extendedDeadline: 'La richiesta non ha una scadenza prorogata.',
    reasons: 'Registra prima la proroga con i suoi motivi (Proroga).',
    identityInfo:
      'Registra prima quali informazioni di identificazione sono richieste (Chiedi informazioni sull’identità).',
    respondBy: 'Registra prima la data entro cui rispondere (Chiedi informazioni sull’identità).',
    statement: 'Registra prima il rifiuto (Respingi).',
    identifiers:
      'La richiesta non ha un indirizzo e-mail né un numero di telefono: la lettera non potrebbe dire cosa è stato cercato.',
  },
  errors: {
    not_configured:
      'L’invio non è configurato: la console ha bisogno di SMTP_URL e MAIL_FROM. L’anteprima è comunque disponibile.',
    no_address: 'La richiesta non ha un indirizzo e-mail a cui scrivere: registra prima l’indirizzo dell’interessato.',
    already_sent: 'La lettera è già stata inviata.',
    being_sent: 'La lettera è in invio proprio ora: ricontrolla tra un minuto.',
    missing: 'Questa lettera richiede dati che la richiesta non registra ancora:',
    processor_address:
      'Il registro dei responsabili non ha un indirizzo e-mail per questo destinatario: registralo prima nel contatto del responsabile.',
    not_a_recipient: 'Questo responsabile non ha ricevuto nessuno dei dati modificati da questa richiesta (art. 19).',
    nothing_changed_yet:
      'Nessun dato di questa persona è stato ancora cancellato, rettificato o limitato: non ci sono destinatari da indicare (art. 19).',
  },
};
