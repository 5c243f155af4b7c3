import type { whoseDataEnglish } from './messages.en';

export const whoseDataItalian: typeof whoseDataEnglish = {
  app: {
    find_person: {
      erased: {
        title: 'Cancellato il %{date} con la richiesta %{reference}',
        title_running: 'Cancellazione in corso dal %{date}, con la richiesta %{reference}',
        request: 'la richiesta di cancellazione',
        request_gone: 'una richiesta non più presente nella console',
        help: 'Questo identificativo è nell’elenco di soppressione: le fonti non conservano più nulla della persona e quello che inviano di lei viene rifiutato. La richiesta conserva la prova di ciò che è stato chiesto e fatto.',
        refused:
          'Da allora una fonte ha inviato i suoi dati una volta: rifiutati. |||| Da allora le fonti hanno inviato i suoi dati %{smart_count} volte: rifiutati.',
      },
      correct: 'Correggi',
      correct_help: 'Correggi di chi è questo record per l’indice',
      correct_title: 'Di chi è questo identificativo in questo record?',
      correct_intro:
        'L’indice dice se un identificativo è del titolare del record o se nomina soltanto un’altra persona. La vostra correzione resta a ogni reindicizzazione ed è registrata nel log di audit.',
      correct_entry: 'Identificativo',
      correct_role: 'In questo record è',
      correct_reason: 'Perché (per il log di audit)',
      corrected: 'Corretto: la ricerca è stata ripetuta',
      roles: {
        owner: 'Del titolare: il record è di questa persona',
        mention: 'Una menzione: il record è di un altro e nomina questa persona',
      },
      reindex: 'Ricostruisci l’indice',
      reindex_title: 'Ricostruire l’indice di ricerca?',
      reindex_content:
        'Ogni record conservato viene indicizzato di nuovo secondo le regole attuali su di chi è ciascun identificativo (dopo un aggiornamento che le ha cambiate). Le correzioni dei responsabili restano. Su un database grande può richiedere tempo ed è registrato nel log di audit.',
      reindexed: 'L’indice è stato ricostruito',
    },
  },
  resources: {
    'chat-conversations': {
      fields: { visitorName: 'Nome del visitatore', visitorEmail: 'E-mail del visitatore' },
      sections: { visitor: 'Chi il visitatore ha detto di essere' },
    },
  },
};
