/**
 * The letters card of the request page (docs/letters.md), merged into the request screens'
 * messages as `app.requests.letters`. Its shape is the contract for `messages.it.ts`.
 */
export const lettersEnglish = {
  title: 'Letters',
  subtitle: 'To the data subject, by e-mail, in the language of the request',
  none: 'No letter written yet.',
  due: 'Due in this state: %{letter}.',
  none_due: 'No letter is due in this state.',
  preview_due: 'Preview and send',
  write: 'Write a letter',
  retry: 'Retry now',
  to: 'To %{to}',
  by: 'by %{by}',
  sent_on: 'Sent on %{date}',
  written_on: 'Written on %{date}',
  attempts: '1 attempt |||| %{smart_count} attempts',
  edited: 'text changed by the officer',
  message_id: 'Message-ID %{id}',
  not_sent: 'Not sent: %{error}.',
  next_try: 'Next automatic try: %{date}.',
  no_more_tries: 'No more automatic tries: retry it by hand.',
  sent_done: 'Letter sent to %{to}',
  failed_first: 'The mail server refused the letter (%{error}): it is kept and tried again.',
  failed_again: 'The mail server refused the letter again (%{error}).',
  languages: {
    it: 'Italian',
    en: 'English',
  },
  states: {
    queued: 'Queued',
    sent: 'Sent',
    failed: 'Failed',
  },
  dialog: {
    title: 'A letter for %{reference}',
    kind: 'Letter',
    to: 'To %{to}, in %{language}, as it will be sent. You may change the subject and the text before sending.',
    subject: 'Subject',
    text: 'Text',
    edit_help:
      'Written from the template in force (version %{version}). A changed text is recorded as changed; the template itself stays as it is.',
    send: 'Send',
  },
  missing: {
    deadline: 'The request has no deadline.',
    extendedDeadline: 'The request has no extended deadline.',
    reasons: 'Record the extension with its reasons first (Extend).',
    identityInfo: 'Record what identification is asked first (Ask for identity information).',
    respondBy: 'Record the date to answer by first (Ask for identity information).',
    statement: 'Record the refusal first (Reject).',
    identifiers: 'The request has no e-mail address or phone number: the letter could not say what was searched.',
  },
  errors: {
    not_configured: 'Sending is not configured: the console needs SMTP_URL and MAIL_FROM. The letter can be previewed.',
    no_address: 'The request has no e-mail address to write to: record the subject’s address first.',
    already_sent: 'The letter was already sent.',
    being_sent: 'The letter is being sent right now: look again in a minute.',
    missing: 'This letter needs what the request does not record yet:',
    processor_address:
      'The processor register has no e-mail address for this recipient: record one in the processor’s contact first.',
    not_a_recipient: 'This processor received none of the data this request changed (Art. 19).',
    nothing_changed_yet:
      'Nothing of this person’s data was erased, rectified or restricted yet: there are no recipients to name (Art. 19).',
  },
};

export type LettersMessages = typeof lettersEnglish;
