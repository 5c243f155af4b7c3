import type { LegalBasis } from '../registers/activities/activity.entity';
import type { Language } from '../requests/request.entity';
import { normaliseEmail } from '../subjects/identifiers';
import { CONTROL, FIELD_LIMITS, LONE_SURROGATE } from './portal-rules';

/**
 * The portal's withdrawal of consent (Art. 7(3)) and objection to direct marketing (Art.
 * 21(2)-(3)), as plain functions: which categories can be withdrawn, the form's checks, and what
 * the confirmation letter says was done.
 */

/**
 * The consent categories the console knows: the cookie banner's (cookie policy, section 3; the
 * "necessary" ones need no consent) and the website's contact form. In this order on the page.
 */
export const CONSENT_CHOICES = [
  'contact_form',
  'functional',
  'ai_chatbot',
  'statistics',
  'analytics',
  'marketing',
] as const;
export type ConsentChoice = (typeof CONSENT_CHOICES)[number];

interface RegisterActivity {
  id: string;
  name: string;
  legalBasis: LegalBasis;
  consentCategory: string | null;
  sourceSystem: string | null;
}

/** The categories a subject may withdraw: those a consent-based activity of the register rests on. */
export function withdrawableCategories(register: RegisterActivity[]): ConsentChoice[] {
  const named = new Set(register.filter((a) => a.legalBasis === 'consent').map((a) => a.consentCategory));
  return CONSENT_CHOICES.filter((c) => named.has(c));
}

/** The register's consent-based activities a withdrawal of `categories` stops. */
export function activitiesWithdrawn<T extends RegisterActivity>(register: T[], categories: string[]): T[] {
  return register.filter(
    (a) => a.legalBasis === 'consent' && !!a.consentCategory && categories.includes(a.consentCategory),
  );
}

export interface Choices {
  name: string;
  email: string;
  /** The categories withdrawn, in the page's order. */
  categories: ConsentChoice[];
  /** An objection to direct marketing. */
  directMarketing: boolean;
}

export type ChoiceProblem =
  'name_missing' | 'too_long' | 'email_invalid' | 'control_characters' | 'choices_missing' | 'choices_unknown';

export type ChoicesCheck =
  | { ok: true; choices: Choices }
  | {
      ok: false;
      errors: Partial<Record<'name' | 'email' | 'choices', ChoiceProblem>>;
      values: { name: string; email: string; categories: string[]; directMarketing: boolean };
    };

/** The form's fields (`categories` may repeat; `direct_marketing` is a checkbox), checked against what is offered. */
export function checkChoices(form: URLSearchParams, offered: readonly string[]): ChoicesCheck {
  const values = {
    name: form.get('name') ?? '',
    email: form.get('email') ?? '',
    categories: form.getAll('categories').slice(0, 20),
    directMarketing: form.get('direct_marketing') === 'yes',
  };
  const errors: Partial<Record<'name' | 'email' | 'choices', ChoiceProblem>> = {};
  const text = (field: 'name' | 'email') => {
    const value = values[field].replace(/\r\n?/g, '\n').trim();
    if (CONTROL.test(value) || LONE_SURROGATE.test(value)) errors[field] = 'control_characters';
    else if (value.length > FIELD_LIMITS[field]) errors[field] = 'too_long';
    return value;
  };
  const name = text('name');
  const email = text('email');
  if (!errors.name && !name) errors.name = 'name_missing';
  if (!errors.email && !normaliseEmail(email)) errors.email = 'email_invalid';
  const categories = [...new Set(values.categories)];
  if (categories.some((c) => !offered.includes(c))) errors.choices = 'choices_unknown';
  else if (!categories.length && !values.directMarketing) errors.choices = 'choices_missing';
  if (Object.keys(errors).length) return { ok: false, errors, values };
  return {
    ok: true,
    choices: {
      name,
      email: normaliseEmail(email)!,
      categories: CONSENT_CHOICES.filter((c) => categories.includes(c)),
      directMarketing: values.directMarketing,
    },
  };
}

export const CATEGORY_NAMES: Record<Language, Record<ConsentChoice, string>> = {
  it: {
    contact_form: 'Dati inviati con il modulo di contatto del sito',
    functional: 'Servizi funzionali (categoria «Funzionali», ad es. la prenotazione di appuntamenti con Calendly)',
    ai_chatbot: 'Chat con l’assistente virtuale (categoria «AI Chatbot»)',
    statistics: 'Statistiche anonime (categoria «Statistiche anonime»)',
    analytics: 'Google Analytics 4 (categoria «Analytics»)',
    marketing: 'Cookie di marketing (categoria «Marketing»)',
  },
  en: {
    contact_form: 'Data you sent through the website’s contact form',
    functional: 'Functional services (the “Functional” category, e.g. booking appointments with Calendly)',
    ai_chatbot: 'Chat with the virtual assistant (the “AI Chatbot” category)',
    statistics: 'Anonymous statistics (the “Anonymous statistics” category)',
    analytics: 'Google Analytics 4 (the “Analytics” category)',
    marketing: 'Marketing cookies (the “Marketing” category)',
  },
};

/**
 * What the confirmation letter says was done, in the subject's language: the categories whose
 * processing stopped (Art. 7(3): the past processing stays lawful), and the end of direct
 * marketing (Art. 21(3)). The letter's own template says the rest.
 */
export function choicesDone(
  language: Language,
  done: { categories: ConsentChoice[]; directMarketing: boolean; email: string },
): string {
  const list = (items: string[]) => items.map((i) => `- ${i}`).join('\n');
  const parts: string[] = [];
  if (language === 'it') {
    if (done.categories.length)
      parts.push(
        `Da oggi non trattiamo più i dati che la riguardano sulla base del consenso che ha revocato per:\n${list(done.categories.map((c) => CATEGORY_NAMES.it[c]))}\nSe in futuro vorrà dare di nuovo il consenso, potrà farlo dal pannello delle preferenze del sito.`,
      );
    if (done.directMarketing)
      parts.push(
        `Da oggi i dati che la riguardano non sono più trattati per finalità di marketing diretto (art. 21, par. 2 e 3, GDPR): l’opposizione ha effetto senza bisogno di alcuna valutazione.`,
      );
    parts.push(
      `Le modifiche si riferiscono all’indirizzo ${done.email}, di cui ha dimostrato il controllo con il codice inviato per e-mail.`,
    );
  } else {
    if (done.categories.length)
      parts.push(
        `From today we no longer process your data on the basis of the consent you withdrew for:\n${list(done.categories.map((c) => CATEGORY_NAMES.en[c]))}\nShould you wish to consent again in the future, you can do so from the website's preferences panel.`,
      );
    if (done.directMarketing)
      parts.push(
        `From today your data are no longer processed for direct marketing (GDPR Art. 21(2) and (3)): your objection takes effect without any assessment.`,
      );
    parts.push(
      `The changes concern the address ${done.email}, which you proved is yours with the code sent by e-mail.`,
    );
  }
  return parts.join('\n\n');
}
