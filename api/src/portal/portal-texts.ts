import type { Language, RequestStatus, RequestType } from '../requests/request.entity';
import type { FieldProblem } from './portal-rules';

/**
 * Every word of the privacy portal's pages and e-mails, in Italian and English. The facts about
 * the company come from the record of processing (CONTROLLER) and its privacy policy
 * (docs/policies/privacy-policy.txt); nothing here states a fact the policy does not.
 */

export const RIGHT_NAMES: Record<Language, Record<RequestType, string>> = {
  it: {
    access: 'Accesso ai miei dati (art. 15)',
    rectification: 'Rettifica di dati inesatti (art. 16)',
    erasure: 'Cancellazione dei miei dati (art. 17)',
    restriction: 'Limitazione del trattamento (art. 18)',
    portability: 'Portabilità dei dati (art. 20)',
    objection: 'Opposizione al trattamento (art. 21)',
    consent_withdrawal: 'Revoca del consenso (art. 7, par. 3)',
  },
  en: {
    access: 'Access to my data (Art. 15)',
    rectification: 'Rectification of inaccurate data (Art. 16)',
    erasure: 'Erasure of my data (Art. 17)',
    restriction: 'Restriction of processing (Art. 18)',
    portability: 'Data portability (Art. 20)',
    objection: 'Objection to processing (Art. 21)',
    consent_withdrawal: 'Withdrawal of consent (Art. 7(3))',
  },
};

export const STATUS_NAMES: Record<Language, Record<RequestStatus, string>> = {
  it: {
    received: 'Ricevuta',
    identity_check: 'Verifica dell’identità in corso',
    in_progress: 'In lavorazione',
    completed: 'Evasa',
    rejected: 'Respinta',
  },
  en: {
    received: 'Received',
    identity_check: 'Checking your identity',
    in_progress: 'In progress',
    completed: 'Answered',
    rejected: 'Refused',
  },
};

const IT = {
  lang_name: 'Italiano',
  other_lang_name: 'English',
  other_lang_label: 'Read this page in English',
  portal_title: 'Privacy: le sue richieste',
  skip: 'Vai al contenuto',
  intro:
    'Da questa pagina può esercitare i diritti che il Regolamento (UE) 2016/679 (GDPR) le riconosce sui dati personali che {controller} tratta su di lei.',
  form_title: 'Invii una richiesta',
  rights_legend: 'Quali diritti vuole esercitare? (uno o più)',
  name_label: 'Nome e cognome',
  email_label: 'Indirizzo e-mail',
  email_hint: 'Le invieremo un codice di 6 cifre per confermare che l’indirizzo è suo.',
  phone_label: 'Telefono (facoltativo)',
  message_label: 'La sua richiesta',
  message_hint: 'Descriva che cosa chiede e, se può, dove ci ha lasciato i suoi dati (sito, chat, appuntamento...).',
  honeypot_label: 'Non compilare questo campo',
  submit: 'Invia la richiesta',
  required: '(obbligatorio)',
  errors_title: 'La richiesta non è stata inviata: corregga i campi indicati.',
  no_sending_title: 'Come inviare una richiesta',
  no_sending:
    'Al momento le richieste non si possono inviare da questa pagina. Scriva a {email} indicando quale diritto vuole esercitare: le risponderemo entro i termini di legge.',
  notice_title: 'Informativa sul trattamento dei dati di questo modulo',
  notice_controller: 'Titolare del trattamento: {controller}, {address}, P. IVA {vat}, e-mail {email}.',
  notice_dpo:
    '{controller} non ha nominato un Responsabile della protezione dei dati, perché non ricorrono le condizioni dell’art. 37 GDPR.',
  notice_purpose:
    'Finalità: gestire la sua richiesta di esercizio dei diritti (artt. 12–22 GDPR), verificare che l’indirizzo e-mail sia suo e risponderle.',
  notice_basis: 'Base giuridica: adempimento di un obbligo legale (art. 6, par. 1, lett. c, GDPR; artt. 12–22 GDPR).',
  notice_data:
    'Dati trattati: i diritti scelti, nome, e-mail, telefono se lo indica, il testo della richiesta e i documenti che allega (conservati cifrati). Il codice inviato per e-mail è conservato solo in forma cifrata (hash con chiave).',
  notice_retention:
    'Conservazione: se il codice non viene inserito, il modulo è cancellato al più tardi il giorno dopo la sua scadenza. Una volta confermata, la richiesta è conservata nel registro delle richieste come prova della risposta data. Per limitare gli abusi, il numero di invii per indirizzo e-mail e per indirizzo di rete è contato per un’ora, senza conservarli in chiaro.',
  notice_complaint:
    'Ha il diritto di proporre reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it).',
  code_sent_title: 'Controlli la sua casella di posta',
  code_sent:
    'Se l’indirizzo è corretto, riceverà a breve un’e-mail con un codice di 6 cifre. Il codice vale {minutes} minuti. La richiesta sarà registrata solo quando avrà inserito il codice.',
  code_label: 'Codice di 6 cifre',
  code_submit: 'Conferma',
  code_wrong: 'Il codice non è corretto. Tentativi rimasti: {left}.',
  code_expired: 'Il codice è scaduto. Invii di nuovo il modulo per riceverne uno nuovo.',
  code_locked: 'Troppi tentativi errati: il codice non è più valido. Invii di nuovo il modulo per riceverne uno nuovo.',
  code_unknown: 'Questo modulo non è più valido. Invii di nuovo la richiesta.',
  start_again: 'Torna al modulo',
  code_mail_subject: 'Il suo codice di conferma: {code}',
  code_mail_body:
    'Buongiorno,\n\nper confermare la sua richiesta sulla privacy a {controller} inserisca questo codice nella pagina da cui l’ha inviata:\n\n{code}\n\nIl codice vale {minutes} minuti. Se non ha inviato lei la richiesta, ignori questo messaggio: senza il codice non viene registrato nulla.\n\n{controller}\n{email}',
  status_link_paragraph:
    'Può seguire lo stato della sua richiesta, leggere le nostre comunicazioni e inviarci altre informazioni a questo indirizzo personale, che non deve condividere con altri:\n{link}',
  status_title: 'Le sue richieste',
  status_intro: 'Questa pagina è riservata a lei: non condivida il suo indirizzo.',
  reference: 'Riferimento',
  right: 'Diritto',
  status: 'Stato',
  deadline: 'Contiamo di risponderle entro il',
  legal_deadline: 'Termine di legge (art. 12, par. 3, GDPR)',
  received_on: 'Ricevuta il',
  letters_title: 'Le nostre comunicazioni',
  no_letters: 'Non le abbiamo ancora scritto oltre alla conferma di ricezione.',
  sent_on: 'Inviata il {date}',
  more_title: 'Invii altre informazioni',
  more_label: 'Il suo messaggio',
  more_submit: 'Invia',
  more_sent: 'Grazie: il suo messaggio è stato aggiunto alla richiesta.',
  confirmed:
    'La sua richiesta è stata registrata. Le abbiamo inviato per e-mail la conferma di ricezione con il link a questa pagina.',
  link_invalid_title: 'Link non valido',
  link_invalid: 'Questo link non è valido. Usi il link contenuto nell’e-mail di conferma, oppure scriva a {email}.',
  csrf_title: 'Pagina scaduta',
  csrf: 'Per sicurezza la pagina deve essere ricaricata. Torni al modulo e lo invii di nuovo.',
  throttled_title: 'Troppe richieste',
  throttled: 'Abbiamo ricevuto troppe richieste in poco tempo. Riprovi tra un’ora, oppure scriva a {email}.',
  bad_request_title: 'Richiesta non valida',
  bad_request: 'Non abbiamo potuto leggere quanto inviato. Torni al modulo e riprovi.',
  too_large_title: 'Invio troppo grande',
  too_large:
    'Quanto inviato supera i 16 MB che il modulo accetta: al massimo 3 allegati, di 5 MB ciascuno. Torni al modulo e alleghi documenti più piccoli, oppure scriva a {email}.',
  sending_failed_title: 'Invio non riuscito',
  sending_failed:
    'Non siamo riusciti a inviare il codice in questo momento. Riprovi più tardi, oppure scriva a {email}.',
  footer: '{controller} — {address}',
} as const;

export type TextKey = keyof typeof IT;

const EN: Record<TextKey, string> = {
  lang_name: 'English',
  other_lang_name: 'Italiano',
  other_lang_label: 'Leggi questa pagina in italiano',
  portal_title: 'Privacy: your requests',
  skip: 'Skip to content',
  intro:
    'On this page you can exercise the rights the General Data Protection Regulation (EU) 2016/679 (GDPR) gives you over the personal data {controller} processes about you.',
  form_title: 'Send a request',
  rights_legend: 'Which rights do you wish to exercise? (one or more)',
  name_label: 'Full name',
  email_label: 'E-mail address',
  email_hint: 'We will send you a 6-digit code to confirm that the address is yours.',
  phone_label: 'Phone (optional)',
  message_label: 'Your request',
  message_hint:
    'Tell us what you are asking for and, if you can, where you gave us your data (website, chat, appointment...).',
  honeypot_label: 'Do not fill in this field',
  submit: 'Send the request',
  required: '(required)',
  errors_title: 'The request was not sent: please correct the fields shown.',
  no_sending_title: 'How to send a request',
  no_sending:
    'Requests cannot be sent from this page at the moment. Write to {email} saying which right you wish to exercise: we will answer within the legal time limits.',
  notice_title: 'How the data in this form are processed',
  notice_controller: 'Controller: {controller}, {address}, VAT no. {vat}, e-mail {email}.',
  notice_dpo:
    '{controller} has not appointed a Data Protection Officer, as the conditions of GDPR Art. 37 do not apply.',
  notice_purpose:
    'Purpose: handling your request to exercise your rights (GDPR Arts. 12–22), checking that the e-mail address is yours, and answering you.',
  notice_basis: 'Legal basis: compliance with a legal obligation (GDPR Art. 6(1)(c); GDPR Arts. 12–22).',
  notice_data:
    'Data processed: the rights chosen, name, e-mail, phone if you give it, the text of your request and the documents you attach (kept encrypted). The code sent by e-mail is kept only as a keyed hash.',
  notice_retention:
    'Retention: if the code is not entered, the form is deleted at the latest the day after it expired. Once confirmed, the request is kept in the register of requests as evidence of the answer given. To limit abuse, sendings per e-mail address and per network address are counted for one hour, without keeping them readable.',
  notice_complaint:
    'You have the right to lodge a complaint with the Italian Data Protection Authority (Garante per la protezione dei dati personali, www.garanteprivacy.it).',
  code_sent_title: 'Check your mailbox',
  code_sent:
    'If the address is correct, you will shortly receive an e-mail with a 6-digit code. The code is valid for {minutes} minutes. Your request will be registered only once you have entered the code.',
  code_label: '6-digit code',
  code_submit: 'Confirm',
  code_wrong: 'The code is not correct. Tries left: {left}.',
  code_expired: 'The code has expired. Send the form again to receive a new one.',
  code_locked: 'Too many wrong tries: the code is no longer valid. Send the form again to receive a new one.',
  code_unknown: 'This form is no longer valid. Please send your request again.',
  start_again: 'Back to the form',
  code_mail_subject: 'Your confirmation code: {code}',
  code_mail_body:
    'Hello,\n\nTo confirm your privacy request to {controller}, enter this code on the page you sent it from:\n\n{code}\n\nThe code is valid for {minutes} minutes. If you did not send this request, ignore this message: without the code nothing is registered.\n\n{controller}\n{email}',
  status_link_paragraph:
    'You can follow your request, read our messages and send us more information at this personal address, which you should not share with anyone:\n{link}',
  status_title: 'Your requests',
  status_intro: 'This page is for you only: do not share its address.',
  reference: 'Reference',
  right: 'Right',
  status: 'Status',
  deadline: 'We aim to answer by',
  legal_deadline: 'Legal deadline (GDPR Art. 12(3))',
  received_on: 'Received on',
  letters_title: 'Our messages to you',
  no_letters: 'We have not written to you yet beyond the acknowledgement of receipt.',
  sent_on: 'Sent on {date}',
  more_title: 'Send more information',
  more_label: 'Your message',
  more_submit: 'Send',
  more_sent: 'Thank you: your message was added to the request.',
  confirmed:
    'Your request has been registered. We have sent you by e-mail the acknowledgement of receipt, with the link to this page.',
  link_invalid_title: 'Link not valid',
  link_invalid: 'This link is not valid. Use the link in the confirmation e-mail, or write to {email}.',
  csrf_title: 'Page expired',
  csrf: 'For your security the page must be loaded again. Go back to the form and send it again.',
  throttled_title: 'Too many requests',
  throttled: 'We received too many requests in a short time. Try again in an hour, or write to {email}.',
  bad_request_title: 'Request not valid',
  bad_request: 'We could not read what was sent. Go back to the form and try again.',
  too_large_title: 'Too large to send',
  too_large:
    'What you sent is over the 16 MB the form accepts: at most 3 documents, of 5 MB each. Go back to the form and attach smaller documents, or write to {email}.',
  sending_failed_title: 'Sending failed',
  sending_failed: 'We could not send the code just now. Try again later, or write to {email}.',
  footer: '{controller} — {address}',
};

export const FIELD_PROBLEMS: Record<Language, Record<FieldProblem, string>> = {
  it: {
    rights_missing: 'Scelga almeno un diritto.',
    rights_unknown: 'Scelga i diritti tra quelli elencati.',
    name_missing: 'Indichi nome e cognome.',
    too_long: 'Il testo è troppo lungo.',
    email_invalid: 'Indichi un indirizzo e-mail valido, ad esempio nome@esempio.it.',
    phone_invalid: 'Indichi un numero di telefono valido, ad esempio +39 041 123 4567.',
    message_missing: 'Descriva la sua richiesta.',
    control_characters: 'Il testo contiene caratteri non ammessi.',
    attachment_type: 'Alleghi solo documenti PDF o immagini JPEG o PNG.',
    attachment_too_big: 'Ogni allegato può essere di 5 MB al massimo.',
    attachment_too_many: 'Può allegare al massimo 3 documenti.',
    challenge_failed: 'La verifica anti-robot non è riuscita. Riprovi.',
  },
  en: {
    rights_missing: 'Choose at least one right.',
    rights_unknown: 'Choose the rights from those listed.',
    name_missing: 'Give your full name.',
    too_long: 'The text is too long.',
    email_invalid: 'Give a valid e-mail address, e.g. name@example.com.',
    phone_invalid: 'Give a valid phone number, e.g. +44 20 7946 0000.',
    message_missing: 'Describe your request.',
    control_characters: 'The text contains characters that are not allowed.',
    attachment_type: 'Attach only PDF documents or JPEG or PNG images.',
    attachment_too_big: 'Each attachment may be 5 MB at most.',
    attachment_too_many: 'You may attach 3 documents at most.',
    challenge_failed: 'The anti-robot check did not succeed. Please try again.',
  },
};

const TEXTS: Record<Language, Record<TextKey, string>> = { it: IT, en: EN };

/** A page text in `language`, with `{name}` placeholders filled. */
export function text(language: Language, key: TextKey, values: Record<string, string | number> = {}): string {
  return TEXTS[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** Every key and language has its text (the unit test reads this). */
export function textKeys(): TextKey[] {
  return Object.keys(IT) as TextKey[];
}

/** A date (YYYY-MM-DD or a Date) as the subject reads it, in Rome. */
export function formatDate(language: Language, date: string | Date): string {
  const d = typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date;
  return new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Rome',
  }).format(d);
}
