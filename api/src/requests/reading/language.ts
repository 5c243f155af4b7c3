/**
 * The language a letter is written in, from its common words. Italian and English are the
 * console's languages; German, French, Spanish, Dutch and Portuguese are recognised so that the
 * officer is told, not misled. Words shared between languages ("per" in "as per", "a", "in")
 * are left out: they decide nothing.
 */

export const KNOWN_LANGUAGES = ['it', 'en', 'de', 'fr', 'es', 'nl', 'pt'] as const;
export type KnownLanguage = (typeof KNOWN_LANGUAGES)[number];

const WORDS: Record<KnownLanguage, string> = {
  it: 'il lo gli di del della dei delle degli che non sono mi ho ha è un una con nel nella alla al ai questo questa questi miei mio mia mie vostro vostra vostri vostre vi ci si anche come dati richiesta richiedo chiedo vorrei trattamento cordialmente grazie buongiorno salve gentile diritto sottoscritto presente riguardanti essere stato sia più già ogni entro dal dalla sul sulla perché però',
  en: 'the of and to is are was were you your my that this these for with have has be been not please data request requesting processing which from any will would should hereby concerning regards dear sincerely thank thanks whether within about',
  de: 'der die das und ich nicht ist sie mit von zu den dem des ein eine einen bitte meine meiner daten sehr geehrte damen herren auskunft gemäß verarbeitung ihnen ihre über auf wir',
  fr: 'les et je vous des du que pour avec mes mon est une pas données veuillez madame monsieur traitement conformément votre vos aux sur ce cette qui mais',
  es: 'el los las y que por con para mis mi es una datos sus su del tratamiento conformidad solicito atentamente usted ustedes este esta como',
  nl: 'het een en ik van dat niet is zijn met voor mijn uw gegevens verzoek verwerking graag geachte heer mevrouw deze wij aan bij',
  pt: 'os as e que por com para meus minha é um uma dados não seus sua tratamento solicito atenciosamente vossa vosso este esta',
};

const LISTS = Object.fromEntries(
  Object.entries(WORDS).map(([language, words]) => [language, new Set(words.split(' '))]),
) as Record<KnownLanguage, Set<string>>;

export interface LanguageReading {
  language: KnownLanguage;
  /** Italian or English: a language the console answers in. */
  supported: boolean;
}

export function detectLanguage(text: string | null | undefined): LanguageReading {
  const tokens = (text ?? '').toLowerCase().match(/\p{L}+/gu) ?? [];
  const scores = Object.fromEntries(KNOWN_LANGUAGES.map((l) => [l, 0])) as Record<KnownLanguage, number>;
  for (const token of tokens.slice(0, 5000)) {
    for (const language of KNOWN_LANGUAGES) if (LISTS[language].has(token)) scores[language]++;
  }
  let best: KnownLanguage = 'en';
  for (const language of KNOWN_LANGUAGES) if (scores[language] > scores[best]) best = language;
  // Too few words to tell: English, the console's fallback, unless Italian leads.
  if (scores[best] === 0) best = 'en';
  return { language: best, supported: best === 'it' || best === 'en' };
}
