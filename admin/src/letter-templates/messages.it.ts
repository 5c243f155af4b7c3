import type { letterTemplatesEnglish } from './messages.en';

export const letterTemplatesItalian: typeof letterTemplatesEnglish = {
  app: { menu: { letter_templates: 'Modelli di lettera' } },
  resources: {
    'letter-templates': {
      name: 'Modello di lettera |||| Modelli di lettera',
      in_code: 'Quello originale',
      edit_help:
        'Salvando si crea una nuova versione; le precedenti restano e la modifica è registrata nel log di audit. Mantenete i segnaposto tra doppie graffe, ad es. {{reference}}: la lettera li riempie con i dati della richiesta, e un modello senza quelli richiesti dalla legge non può essere salvato.',
      fields: {
        key: 'Lettera',
        language: 'Lingua',
        version: 'Versione',
        subject: 'Oggetto',
        body: 'Testo',
        placeholders: 'Segnaposto usati',
        updatedAt: 'Modificato',
        updatedBy: 'Modificato da',
        versions: 'Versioni precedenti',
        createdAt: 'Salvata',
        createdBy: 'Salvata da',
      },
      languages: { it: 'Italiano', en: 'Inglese' },
      keys: {
        acknowledgement: 'Conferma di ricezione',
        identity_info: 'Richiesta di identificazione',
        extension: 'Proroga del termine',
        refusal: 'Rifiuto',
        completion_access: 'Esito: accesso',
        completion_rectification: 'Esito: rettifica',
        completion_erasure: 'Esito: cancellazione',
        completion_restriction: 'Esito: limitazione',
        completion_portability: 'Esito: portabilità',
        completion_objection: 'Esito: opposizione',
        completion_consent_withdrawal: 'Esito: revoca del consenso',
        no_data: 'Nessun dato trattato',
        recipient_notice: 'Comunicazione a un destinatario (art. 19)',
        recipients_list: 'I destinatari, per l’interessato (art. 19)',
        package_link: 'Dati pronti da scaricare (portale)',
      },
    },
  },
};
