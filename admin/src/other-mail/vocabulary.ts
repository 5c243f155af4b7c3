/** The kinds of other mail as the API has them (mailbox/mail-triage.ts), with the key of each label. */
export const OTHER_MAIL_KINDS = ['auto_reply', 'delivery_report', 'list_mail', 'unreadable', 'no_request'] as const;

export const OTHER_MAIL_KIND_CHOICES = OTHER_MAIL_KINDS.map((id) => ({ id, name: `resources.other-mail.kinds.${id}` }));
