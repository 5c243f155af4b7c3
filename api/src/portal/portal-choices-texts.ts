import type { Language } from '../requests/request.entity';
import type { ChoiceProblem } from './portal-choices-rules';

/**
 * The words of the portal's page for withdrawing consent and objecting to direct marketing, in
 * Italian and English (the request form's words are in portal-texts.ts).
 */

const IT = {
  choices_link: 'Vuole solo revocare un consenso o non ricevere più marketing? Usi il modulo rapido.',
  choices_title: 'Revoca del consenso e opposizione al marketing',
  choices_intro:
    'Da questa pagina può revocare i consensi che ci ha dato (art. 7, par. 3, GDPR) e opporsi al trattamento dei suoi dati per finalità di marketing diretto (art. 21, par. 2, GDPR). Dopo che avrà inserito il codice inviato al suo indirizzo e-mail, le sue scelte avranno effetto subito, senza bisogno di altre verifiche, e le invieremo una conferma.',
  choices_form_title: 'Le sue scelte',
  choices_withdraw_legend: 'Revoco il consenso per:',
  choices_withdraw_hint:
    'La revoca non pregiudica la liceità del trattamento basato sul consenso prima della revoca (art. 7, par. 3, GDPR).',
  choices_marketing_legend: 'Marketing diretto',
  choices_marketing_label:
    'Mi oppongo al trattamento dei miei dati per finalità di marketing diretto (art. 21, par. 2, GDPR)',
  choices_marketing_hint:
    'L’opposizione al marketing diretto ha effetto sempre: i suoi dati non saranno più trattati per questa finalità (art. 21, par. 3, GDPR).',
  choices_email_hint:
    'Le invieremo un codice di 6 cifre per confermare che l’indirizzo è suo. Le scelte valgono per i dati legati a questo indirizzo.',
  choices_submit: 'Invia le mie scelte',
  choices_none:
    'Al momento non trattiamo dati sulla base del suo consenso che si possano revocare da qui. Può comunque opporsi al marketing diretto.',
  attachments_label: 'Allegati (facoltativi)',
  attachments_hint:
    'Fino a 3 documenti PDF o immagini JPEG o PNG, di 5 MB al massimo ciascuno (ad esempio un documento che riguarda la richiesta).',
  choices_done:
    'Le sue scelte sono in vigore. Le abbiamo inviato per e-mail la conferma di quanto fatto, con il link a questa pagina.',
  choices_notice_data:
    'Dati trattati: le scelte indicate, nome ed e-mail. Il codice inviato per e-mail è conservato solo in forma cifrata (hash con chiave).',
  challenge_noscript:
    'Per inviare il modulo serve la verifica anti-robot, che richiede JavaScript. Se non può attivarlo, scriva a {email}.',
} as const;

export type ChoiceTextKey = keyof typeof IT;

const EN: Record<ChoiceTextKey, string> = {
  choices_link: 'Only want to withdraw a consent or stop marketing? Use the quick form.',
  choices_title: 'Withdraw consent and object to marketing',
  choices_intro:
    'On this page you can withdraw the consents you gave us (GDPR Art. 7(3)) and object to the processing of your data for direct marketing (GDPR Art. 21(2)). Once you have entered the code sent to your e-mail address, your choices take effect at once, with no further checks, and we send you a confirmation.',
  choices_form_title: 'Your choices',
  choices_withdraw_legend: 'I withdraw my consent for:',
  choices_withdraw_hint:
    'Withdrawing consent does not affect the lawfulness of the processing based on it before the withdrawal (GDPR Art. 7(3)).',
  choices_marketing_legend: 'Direct marketing',
  choices_marketing_label: 'I object to the processing of my data for direct marketing (GDPR Art. 21(2))',
  choices_marketing_hint:
    'An objection to direct marketing always takes effect: your data will no longer be processed for this purpose (GDPR Art. 21(3)).',
  choices_email_hint:
    'We will send you a 6-digit code to confirm that the address is yours. Your choices apply to the data linked to this address.',
  choices_submit: 'Send my choices',
  choices_none:
    'At present we process no data on the basis of your consent that can be withdrawn from here. You can still object to direct marketing.',
  attachments_label: 'Attachments (optional)',
  attachments_hint:
    'Up to 3 PDF documents or JPEG or PNG images, 5 MB at most each (for example a document about your request).',
  choices_done:
    'Your choices are in force. We have sent you by e-mail a confirmation of what was done, with the link to this page.',
  choices_notice_data:
    'Data processed: the choices you make, name and e-mail. The code sent by e-mail is kept only as a keyed hash.',
  challenge_noscript:
    'Sending the form needs the anti-robot check, which requires JavaScript. If you cannot turn it on, write to {email}.',
};

const TEXTS: Record<Language, Record<ChoiceTextKey, string>> = { it: IT, en: EN };

/** A text of the choices page in `language`, with `{name}` placeholders filled. */
export function choiceText(
  language: Language,
  key: ChoiceTextKey,
  values: Record<string, string | number> = {},
): string {
  return TEXTS[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

export function choiceTextKeys(): ChoiceTextKey[] {
  return Object.keys(IT) as ChoiceTextKey[];
}

export const CHOICE_PROBLEMS: Record<Language, Record<ChoiceProblem, string>> = {
  it: {
    name_missing: 'Indichi nome e cognome.',
    too_long: 'Il testo è troppo lungo.',
    email_invalid: 'Indichi un indirizzo e-mail valido, ad esempio nome@esempio.it.',
    control_characters: 'Il testo contiene caratteri non ammessi.',
    choices_missing: 'Scelga almeno un consenso da revocare, oppure l’opposizione al marketing diretto.',
    choices_unknown: 'Scelga tra le voci elencate.',
  },
  en: {
    name_missing: 'Give your full name.',
    too_long: 'The text is too long.',
    email_invalid: 'Give a valid e-mail address, e.g. name@example.com.',
    control_characters: 'The text contains characters that are not allowed.',
    choices_missing: 'Choose at least one consent to withdraw, or the objection to direct marketing.',
    choices_unknown: 'Choose from the items listed.',
  },
};
