import type { Language } from '../requests/request.entity';

/**
 * The parts of a letter only its recipient may read: the privacy portal's personal status link
 * opens the subject's requests to whoever holds it, so no member of staff may read it in the
 * outbox. The letter is stored with a marker in its place; the part itself is kept sealed until
 * the letter is sent (letters.service.ts), then dropped.
 */
export type SealedPartName = 'status_link';

const MARKERS: Record<SealedPartName, Record<Language, string>> = {
  status_link: {
    it: '[indirizzo personale: inviato solo all’interessato, per e-mail]',
    en: '[personal address: sent to the data subject only, by e-mail]',
  },
};

/** What the stored letter says in the part's place, in the letter's language. */
export const sealedMarker = (name: SealedPartName, language: Language): string => MARKERS[name][language];

/**
 * What the subject reads in the part's place where their letters are shown again (the portal's
 * status page): the marker speaks to staff, and the part itself is kept nowhere.
 */
const FOR_THE_SUBJECT: Record<SealedPartName, Record<Language, string>> = {
  status_link: {
    it: '(l’indirizzo è nell’e-mail che le abbiamo inviato)',
    en: '(the address is in the e-mail we sent you)',
  },
};

/** A sent letter as its subject reads it again: each marker in the words meant for them. */
export function forTheSubject(body: string): string {
  let text = body;
  for (const name of Object.keys(MARKERS) as SealedPartName[])
    for (const language of Object.keys(MARKERS[name]) as Language[])
      text = text.split(MARKERS[name][language]).join(FOR_THE_SUBJECT[name][language]);
  return text;
}

/** The letter as it goes out: each marker replaced by the part it stands for. */
export function unseal(body: string, parts: Record<string, string>): string {
  let text = body;
  for (const [marker, value] of Object.entries(parts)) {
    if (!text.includes(marker)) throw new Error('A sealed part of the letter lost its place in the text');
    text = text.split(marker).join(value);
  }
  return text;
}
