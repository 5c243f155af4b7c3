import type { RequestType } from '../request.entity';

/**
 * Which rights a letter asks for, read from the writer's own words (see own-words.ts) as a
 * privacy officer reads them: a right is asked when the writer asks it ("I am hereby requesting
 * erasure", "mi oppongo", "revoco il consenso"), not when the letter names it in passing ("if you
 * object to the requested erasure", "la cancellazione di un contratto"). Italian and English.
 */

export interface RightFound {
  type: RequestType;
  /** The words that asked it, as written (for the officer to check). */
  evidence: string;
  /** Where in the text: the subject line comes first, then the letter in reading order. */
  at: number;
}

export interface RightsReading {
  /** In the order the writer asks them; the first is the request's type. */
  rights: RightFound[];
  /** A complaint lodged with a supervisory authority (Art. 77) is no request to us. */
  complaint: string | null;
}

type Rule = [RequestType, RegExp];

/** An Art. 21(2) objection: "unsubscribe", "non voglio più ricevere", "cancellatemi dalla newsletter". */
const MARKETING =
  /non (voglio|desidero) più ricevere|non ricevere più|smett\w* di (inviarmi|mandarmi|scrivermi)|disiscri\w*|(cancellatemi|cancellarmi|rimuovetemi|rimuovermi|toglietemi|togliermi) dalla (vostra )?(newsletter|mailing|lista)|\bunsubscribe\b|stop (sending|emailing|mailing) me|(remove|take) me (off|from) (your |the )?(mailing|newsletter|marketing|list)|(no longer|don'?t|do not) (want|wish) to receive|opt[- ]out of (your )?(marketing|newsletter|promotional)/giu;

const REQUEST_VERB_EN = String.raw`(?:request(?:ing)?|ask(?:ing)? for|demand(?:ing)?|exercis(?:e|ing) (?:my )?right (?:of|to))`;
const REQUEST_VERB_IT = String.raw`(?:richied\w*|chied\w*|domand\w*|richiesta di|istanza di|esercit\w* (?:il )?(?:mio )?diritto (?:di|al|alla|all['’]))`;

const RULES: Rule[] = [
  ['objection', MARKETING],
  [
    'access',
    new RegExp(
      String.raw`${REQUEST_VERB_EN}\s+(?:the\s+)?access\b|\bsubject access request\b|\bcop(?:y|ies) of (?:all )?(?:of )?my (?:personal )?(?:data|information)|\bcopy of all personal data concerning me|\bwhat (?:personal )?(?:data|information) (?:you|do you) (?:hold|have|process)|\baccess to (?:all )?my (?:personal )?(?:data|information)|\bsupply the personal data you hold about me`,
      'giu',
    ),
  ],
  [
    'access',
    new RegExp(
      String.raw`${REQUEST_VERB_IT}\s+(?:l['’]\s*)?accesso\b|\baccesso ai (?:miei )?dati|\bcopia (?:dei|di tutti i) (?:miei )?dati|\bquali dati|\bche dati|\bdati (?:personali )?in vostro possesso`,
      'giu',
    ),
  ],
  [
    'erasure',
    new RegExp(
      String.raw`${REQUEST_VERB_EN}\s+(?:the\s+)?(?:immediate\s+)?(?:erasure|deletion)\b|\bmy request for (?:erasure|deletion)|\bplease (?:erase|delete)\b|\b(?:erase|delete|remove) (?:all )?(?:of )?(?:my|the) (?:personal )?(?:data|information|account)|\bwant you to (?:erase|delete)|\bright to (?:erasure|be forgotten)`,
      'giu',
    ),
  ],
  [
    'erasure',
    new RegExp(
      String.raw`${REQUEST_VERB_IT}\s+(?:la\s+|l['’]\s*)?(?:immediata\s+)?(?:cancellazione|eliminazione)\b|\b(?:cancellate|eliminate|cancellare|eliminare)\s+(?:tutti\s+)?(?:i\s+)?(?:miei\s+|seguenti\s+)?dati|\boblio\b|\bcancellatemi\b|\beliminatemi\b`,
      'giu',
    ),
  ],
  [
    'rectification',
    new RegExp(
      String.raw`${REQUEST_VERB_EN}\s+(?:the\s+)?rectification\b|\bmy request for rectification|\brectify\b|\bcorrect (?:my|the) |\bplease (?:correct|update)\b|\bupdate my (?:personal )?(?:data|details)`,
      'giu',
    ),
  ],
  [
    'rectification',
    new RegExp(
      String.raw`${REQUEST_VERB_IT}\s+(?:la\s+)?rettific|\brichiesta di rettifica|\brettificare\b|\bcorreggere\b|\bcorrezione dei|\baggiorna\w* i miei dati`,
      'giu',
    ),
  ],
  [
    'restriction',
    /\b(?:restrict(?:ion of)? the processing|restriction of (?:the )?processing|restrict (?:the )?(?:use|processing) of my)|\blimitazione del trattamento|\blimitare il trattamento|\brestring\w* (?:la |il )?(?:processazione|trattamento)/giu,
  ],
  [
    'portability',
    // "Machine-readable" alone is how the writer likes the copy of an access request (Art. 15(3));
    // Art. 20's own words are "structured, commonly used and machine-readable".
    /\bportability\b|\bstructured\b[^.;\n]{0,40}\bmachine[- ]readable\b|\btransmit (?:my|the) (?:personal )?data to another controller|\btransfer my data|\bportabilit[àa]|\bstrutturat\w*\b[^.;\n]{0,40}\bleggibile da (?:dispositivo|macchina)|\bformato strutturato|\btrasferi\w* i miei dati/giu,
  ],
  [
    'objection',
    /\b(?:I|we) (?:am |are )?(?:hereby )?object(?:ing)? to\b|\bmy objection\b|\bobjection to (?:the )?(?:processing|direct marketing|profiling)|\bstop (?:using|processing) my\b|\bmi oppongo\b|\boppormi\b|\bopposizione al trattamento|\bla mia opposizione|\bdiritto di opposizione/giu,
  ],
  [
    'consent_withdrawal',
    /\b(?:withdraw\w*|revok\w*)\s+(?:my\s+|said\s+|the\s+|this\s+|all\s+)?consent\b|\b(?:revoc\w*|ritir\w*)\s+(?:il\s+|del\s+|dei\s+|mio\s+|miei\s+|tale\s+|questo\s+|ogni\s+)*consens/giu,
  ],
];

/** Words naming a right on a subject line: a short label there says what the letter is. */
const SUBJECT_RULES: Rule[] = [
  ['consent_withdrawal', /revoca del consenso|withdraw\w* (of )?consent/iu],
  ['portability', /portabilit/iu],
  ['restriction', /limitazione|restriction/iu],
  ['rectification', /rettific|rectification|correction/iu],
  ['erasure', /cancellazion|erasure|deletion|delete|oblio|right to be forgotten/iu],
  ['objection', /opposizione|objection|unsubscribe|disiscrizione/iu],
  ['access', /\baccesso\b|subject access|\baccess request|copia dei (miei )?dati|art\.?\s*15\b/iu],
];

/** "Article 15", "Art. 17", "l'Articolo 21(2)": which right a request names by its article. */
const ARTICLE_TYPES: Record<string, RequestType> = {
  '15': 'access',
  '16': 'rectification',
  '17': 'erasure',
  '18': 'restriction',
  '20': 'portability',
  '21': 'objection',
};
const REQUEST_BY_ARTICLE =
  /\b(?:request\w*|richiest\w*|richied\w*|istanza)\b[^.;:!?\n]{0,40}?\bart(?:icle|icolo|\.)?\s*(\d{1,2})\b/giu;

/** A complaint to a supervisory authority, lodged by this letter (not a right reserved for later). */
const COMPLAINT =
  /\bI am (?:hereby )?lodging (?:a|this) complaint|\bI (?:hereby )?lodge (?:a|this) complaint|\b(?:sporgo|presento|propongo|sto presentando)(?: \w+){0,2} (?:un )?reclamo\b/iu;

export function readRights(subject: string | null, text: string): RightsReading {
  // A line break inside a sentence (a wrapped e-mail, a PDF's text layer) is a space.
  const words = text.replace(/[ \t]*\n[ \t]*(?!\n)/g, ' ');
  const complaint = COMPLAINT.exec(words)?.[0] ?? null;
  if (complaint) return { rights: [], complaint };
  const found: RightFound[] = [];
  if (subject) {
    for (const [type, pattern] of SUBJECT_RULES) {
      const match = pattern.exec(subject);
      if (match) found.push({ type, evidence: subject, at: -1000 + match.index });
    }
  }
  for (const [type, pattern] of RULES) {
    for (const match of words.matchAll(pattern)) {
      found.push({ type, evidence: match[0], at: match.index });
      break;
    }
  }
  // Only when no right is asked in words: a request that names its article ("I sent you a
  // request according to Article 15"), as a reminder does.
  if (!found.length) {
    for (const match of words.matchAll(REQUEST_BY_ARTICLE)) {
      const type = ARTICLE_TYPES[match[1]];
      if (type) found.push({ type, evidence: match[0], at: match.index });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const rights: RightFound[] = [];
  for (const right of found) if (!rights.some((r) => r.type === right.type)) rights.push(right);
  return { rights, complaint: null };
}
