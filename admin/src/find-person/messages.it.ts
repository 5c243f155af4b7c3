import type { whoseDataEnglish } from './messages.en';

export const whoseDataItalian: typeof whoseDataEnglish = {
  app: {
    find_person: {
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
