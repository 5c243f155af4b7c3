import type { otherRequestsEnglish } from './messages.en';

export const otherRequestsItalian: typeof otherRequestsEnglish = {
  app: {
    requests: {
      other_requests: {
        title: 'Altre richieste di questa persona',
        subheader: 'Stessa email o stesso telefono di questa richiesta, aperte o chiuse (art. 12, par. 3 e 5, GDPR).',
        summary:
          'Un’altra richiesta: rispondete sapendo cosa è stato chiesto e fatto. |||| %{smart_count} altre richieste: rispondete sapendo cosa è stato chiesto e fatto.',
        summary_open:
          'Un’altra richiesta, ancora aperta: verificate che non sia la stessa. |||| %{smart_count} altre richieste, %{open} ancora aperte: verificate che questa non ne ripeta una.',
        received: 'ricevuta il %{date}',
        closed: 'chiusa il %{date}',
        matched: {
          email: 'stessa email',
          phone: 'stesso telefono',
          email_phone: 'stessa email e stesso telefono',
        },
        imported_again:
          'Questa stessa email è stata importata di nuovo il %{date}: non è stata creata una nuova richiesta, le scadenze non cambiano. |||| Questa stessa email è stata importata di nuovo %{smart_count} volte, l’ultima il %{date}: non è stata creata una nuova richiesta, le scadenze non cambiano.',
        error: 'Non è stato possibile cercare le altre richieste di questa persona.',
      },
    },
  },
};
