/** The letter templates (issue 19), deep-merged into `i18n/en.ts`; the contract for `messages.it.ts`. */
export const letterTemplatesEnglish = {
  app: { menu: { letter_templates: 'Letter templates' } },
  resources: {
    'letter-templates': {
      name: 'Letter template |||| Letter templates',
      in_code: 'As shipped',
      edit_help:
        'Saving makes a new version; the earlier ones are kept and the change is recorded in the audit log. Keep the placeholders in double braces, e.g. {{reference}}: the letter fills them with the request’s facts, and a template without those the law requires cannot be saved.',
      fields: {
        key: 'Letter',
        language: 'Language',
        version: 'Version',
        subject: 'Subject line',
        body: 'Text',
        placeholders: 'Placeholders it uses',
        updatedAt: 'Changed',
        updatedBy: 'Changed by',
        versions: 'Earlier versions',
        createdAt: 'Saved',
        createdBy: 'Saved by',
      },
      languages: { it: 'Italian', en: 'English' },
      keys: {
        acknowledgement: 'Acknowledgement of receipt',
        identity_info: 'Request for identification',
        extension: 'Extension of the deadline',
        refusal: 'Refusal',
        completion_access: 'Completion: access',
        completion_rectification: 'Completion: rectification',
        completion_erasure: 'Completion: erasure',
        completion_restriction: 'Completion: restriction',
        completion_portability: 'Completion: portability',
        completion_objection: 'Completion: objection',
        completion_consent_withdrawal: 'Completion: consent withdrawn',
        no_data: 'No data held',
        recipient_notice: 'Notice to a recipient (Art. 19)',
        recipients_list: 'The recipients, for the subject (Art. 19)',
        package_link: 'Data package ready to download (portal)',
      },
    },
  },
};
