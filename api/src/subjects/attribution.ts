import { findPhoneNumbersInText } from 'libphonenumber-js';
import { DEFAULT_REGION, normaliseEmail } from './identifiers';

/**
 * Whose identifier is it (Art. 15(4) GDPR: an access package must not hand one person's data to
 * another). An identifier is the `owner`'s when it says whose record it is (a lead's e-mail field,
 * a consent's e-mail, a calendar account, what a visitor writes about themselves); a `mention`
 * when the record only names someone else. Only owner identifiers are followed from record to
 * record, exported as the person's own, erased and suppressed. Plain functions: no framework.
 */
export const IDENTIFIER_ROLES = ['owner', 'mention'] as const;
export type IdentifierRole = (typeof IDENTIFIER_ROLES)[number];

/** An e-mail or phone written in a text, where, and whose the rules say it is. */
export interface AttributedInText {
  kind: 'email' | 'phone';
  value: string;
  start: number;
  end: number;
  role: IdentifierRole;
  /** Why: the cue found before it, or the rule that decided. */
  reason: 'self_cue' | 'third_party_cue' | 'only_person' | 'several_people';
}

/** Words by which a writer says the identifier is theirs ("il mio cellulare è ...", "my e-mail is ..."). */
const SELF_CUES = [
  /\b(?:il\s+)?mio\s+(?:cellulare|numero|telefono|cell|recapito|contatto|indirizzo|whatsapp)\b/giu,
  /\b(?:la\s+)?mia\s+(?:e-?mail|mail|posta|casella|utenza)\b/giu,
  /\bmi\s+chiamo\b/giu,
  /\b(?:sono|io\s+sono)\b/giu,
  /\b(?:ri)?(?:chiamarmi|chiamatemi|richiamatemi|contattarmi|contattatemi|scrivermi|scrivetemi|rispondermi|rispondetemi|raggiungermi)\b/giu,
  /\bmi\s+(?:trovate|potete|può|puo|potreste|scriva|chiami|contatti|richiami)\b/giu,
  /\bmy\s+(?:phone|mobile|cell|number|e-?mail|mail|address|contact|whatsapp)\b/giu,
  /\b(?:i\s+am|i'm|i’m|my\s+name\s+is)\b/giu,
  /\b(?:call|reach|contact|email|e-mail|text|write\s+to)\s+me\b/giu,
];

/** Words by which the writer names someone else ("il mio collega", "mia moglie", "on behalf of"). */
const THIRD_PARTY_CUES = [
  /\b(?:il\s+)?mio\s+(?:collega|capo|marito|compagno|fidanzato|socio|figlio|padre|fratello|amico|cliente|responsabile|titolare|referente|assistente)\b/giu,
  /\b(?:la\s+)?mia\s+(?:collega|capa|moglie|compagna|fidanzata|socia|figlia|madre|sorella|amica|cliente|responsabile|titolare|referente|assistente|segretaria)\b/giu,
  /\b(?:collega|colleghi|moglie|marito|partner|compagn[ao]|fidanzat[ao]|socio|socia|capo|titolare|referente)\b/giu,
  /\b(?:per\s+conto\s+di|a\s+nome\s+di|in\s+copia|mettete\s+in\s+copia|cc)\b/giu,
  /\b(?:il\s+suo|la\s+sua|il\s+loro|la\s+loro)\s+(?:cellulare|numero|telefono|e-?mail|mail|indirizzo)\b/giu,
  /\bmy\s+(?:colleague|co-worker|coworker|wife|husband|partner|boss|manager|son|daughter|father|mother|brother|sister|friend|client|assistant)\b/giu,
  /\b(?:colleague|wife|husband|partner|boss)\b/giu,
  /\b(?:on\s+behalf\s+of|in\s+the\s+name\s+of|copy\s+in|cc)\b/giu,
  /\b(?:his|her|their)\s+(?:phone|mobile|cell|number|e-?mail|mail|address)\b/giu,
];

/** The third-party cues without the global flag: whether any is in a text, with no lastIndex to reset. */
const THIRD_PARTY_NAMED = THIRD_PARTY_CUES.map((p) => new RegExp(p.source, p.flags.replace('g', '')));

const EMAIL_IN_TEXT = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;
/** How far before an identifier a cue still speaks of it, within its sentence. */
const CUE_WINDOW = 80;

/** Every e-mail and phone written in a text, normalised, with where it is (in order). */
export function identifiersInText(
  text: string | null | undefined,
): Array<{ kind: 'email' | 'phone'; value: string; start: number; end: number }> {
  if (!text) return [];
  const found: Array<{ kind: 'email' | 'phone'; value: string; start: number; end: number }> = [];
  for (const match of text.matchAll(EMAIL_IN_TEXT)) {
    const raw = match[0].replace(/[.-]+$/, '');
    const email = normaliseEmail(raw);
    if (email) found.push({ kind: 'email', value: email, start: match.index, end: match.index + raw.length });
  }
  // Only valid numbers: findPhoneNumbersInText's own leniency ('VALID') checks each one.
  for (const { number, startsAt, endsAt } of findPhoneNumbersInText(text, DEFAULT_REGION)) {
    // A run of digits inside an e-mail address is not a phone.
    if (found.some((f) => f.kind === 'email' && startsAt < f.end && endsAt > f.start)) continue;
    found.push({ kind: 'phone', value: number.number, start: startsAt, end: endsAt });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The nearest cue before `end` in `window`: which kind, and where it ends (the closer, the stronger). */
function nearestCue(window: string): { self: number; third: number } {
  // exec on the shared pattern from 0, not matchAll, which copies the pattern on every call.
  const last = (patterns: RegExp[]) => {
    let at = -1;
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
        at = Math.max(at, m.index + m[0].length);
        if (m[0] === '') pattern.lastIndex++; // (none of the cues matches nothing)
      }
    }
    return at;
  };
  return { self: last(SELF_CUES), third: last(THIRD_PARTY_CUES) };
}

/**
 * Whose each e-mail and phone of a text written by one person (a visitor's chat message, the
 * message of a contact form) is:
 * 1. a cue before it in its sentence decides: the nearest self cue ("il mio cellulare",
 *    "la mia email", "mi chiamo", "my phone", "I am", "richiamatemi") makes it the writer's, the
 *    nearest third-party cue ("il mio collega", "mia moglie", "per conto di", "my colleague",
 *    "on behalf of", "in copia") makes it a mention of someone else;
 * 2. without a cue, in a text that names nobody else (no third-party cue anywhere) and gives at
 *    most one e-mail and one phone without a cue, it is the writer's (the only person in it);
 * 3. otherwise (several people's addresses, or someone else named) it is a mention: it is not
 *    attributed to the writer, the officer can still correct it.
 */
export function attributeText(text: string | null | undefined): AttributedInText[] {
  if (!text) return [];
  const found = identifiersInText(text);
  const decided: AttributedInText[] = [];
  let previousEnd = 0;
  for (const item of found) {
    let from = Math.max(previousEnd, item.start - CUE_WINDOW);
    const before = text.slice(from, item.start);
    // Only the identifier's own sentence: after the last sentence end before it.
    const sentenceEnd = Math.max(
      before.lastIndexOf('. '),
      before.lastIndexOf('! '),
      before.lastIndexOf('? '),
      before.lastIndexOf('\n'),
      before.lastIndexOf('; '),
    );
    from = sentenceEnd >= 0 ? from + sentenceEnd + 1 : from;
    const cue = nearestCue(text.slice(from, item.start));
    previousEnd = item.end;
    if (cue.self < 0 && cue.third < 0) {
      decided.push({ ...item, role: 'mention', reason: 'several_people' }); // decided below
      continue;
    }
    decided.push(
      cue.third > cue.self
        ? { ...item, role: 'mention', reason: 'third_party_cue' }
        : { ...item, role: 'owner', reason: 'self_cue' },
    );
  }
  const uncued = decided.filter((d) => d.reason === 'several_people');
  const someoneElseNamed = THIRD_PARTY_NAMED.some((p) => p.test(text));
  const distinct = (kind: string) => new Set(uncued.filter((d) => d.kind === kind).map((d) => d.value)).size;
  const onlyPerson = !someoneElseNamed && distinct('email') <= 1 && distinct('phone') <= 1;
  if (onlyPerson) for (const d of uncued) Object.assign(d, { role: 'owner', reason: 'only_person' });
  return decided;
}

/**
 * The sources in which clients write to the company (a contact-form lead, a chat with the
 * assistant): a company address there says whom the client writes to, or that a member of staff
 * typed the record in for a client, never who the client is. In a calendar (an attendee, a
 * connected account) the company address is the staff member's own.
 */
const WRITTEN_BY_CLIENTS = new Set(['leads', 'chat-conversations', 'chat-messages']);

/** A company address in a record written by a client is a mention, never the record's owner (Art. 15(4)). */
export function roleOfCompanyAddress(
  identifier: { kind: string; value: string; role: IdentifierRole },
  source: string,
  companyDomains: readonly string[],
): IdentifierRole {
  if (identifier.kind !== 'email' || !WRITTEN_BY_CLIENTS.has(source)) return identifier.role;
  const domain = identifier.value.slice(identifier.value.lastIndexOf('@') + 1);
  return companyDomains.includes(domain) ? 'mention' : identifier.role;
}
