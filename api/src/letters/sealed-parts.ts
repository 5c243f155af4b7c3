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

/** The letter as it goes out: each marker replaced by the part it stands for. */
export function unseal(body: string, parts: Record<string, string>): string {
  let text = body;
  for (const [marker, value] of Object.entries(parts)) {
    if (!text.includes(marker)) throw new Error('A sealed part of the letter lost its place in the text');
    text = text.split(marker).join(value);
  }
  return text;
}
