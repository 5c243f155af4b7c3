import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * How identifiers of a person are normalised for the index, so that one search finds every
 * writing of the same e-mail, phone or name. Plain functions: no framework, no database.
 */

export const IDENTIFIER_KINDS = ['email', 'phone', 'name', 'consent_id', 'account'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** Numbers written without a country code are Italian, as the company's customers mostly are. */
export const DEFAULT_REGION: CountryCode = 'IT';

// Deliberately practical rather than RFC 5322: what people type into forms and chats.
const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const EMAIL_IN_TEXT = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

/** Trimmed and lower-cased; null when it is not an e-mail address. */
export function normaliseEmail(input: string | null | undefined): string | null {
  if (!input) return null;
  const email = input
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return email.length <= 320 && EMAIL.test(email) ? email : null;
}

/** E.164 (`+393471234567`); null when it is not a valid phone number. */
export function normalisePhone(input: string | null | undefined, region: CountryCode = DEFAULT_REGION): string | null {
  if (!input) return null;
  const trimmed = input.trim();
  // Only digits, spaces and the usual separators: "347 123 4567", "+39 347-1234567", "0039 ...".
  if (!/^[+\d\s().\-/]{6,25}$/.test(trimmed) || (trimmed.match(/\d/g)?.length ?? 0) < 6) return null;
  const phone = parsePhoneNumberFromString(trimmed, region);
  return phone?.isValid() ? phone.number : null;
}

/**
 * Case- and accent-folded, punctuation removed, spaces collapsed: "Nicolò D'Àmico " and
 * "nicolo d amico" fold to the same key. Null when nothing of a name is left.
 */
export function normaliseName(input: string | null | undefined): string | null {
  if (!input) return null;
  const folded = input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded.length > 0 && /\p{L}/u.test(folded) ? folded : null;
}

/** A full name from its parts, folded; null when both parts are empty. */
export function normaliseFullName(first: string | null | undefined, last: string | null | undefined): string | null {
  return normaliseName([first, last].filter(Boolean).join(' '));
}

/** Every e-mail address written in a text, normalised, once each. */
export function extractEmails(text: string | null | undefined): string[] {
  if (!text) return [];
  const found = new Set<string>();
  for (const match of text.matchAll(EMAIL_IN_TEXT)) {
    // A sentence's final dot or a trailing hyphen is not part of the address.
    const email = normaliseEmail(match[0].replace(/[.-]+$/, ''));
    if (email) found.add(email);
  }
  return [...found];
}

/**
 * No valid number has fewer digits: six in Italy, and six at least with the country code for a
 * number written in another country's format (Austria's, Germany's and Iran's shortest).
 */
const FEWEST_PHONE_DIGITS = 6;

/** Every phone number written in a text, in E.164, once each. */
export function extractPhones(text: string | null | undefined, region: CountryCode = DEFAULT_REGION): string[] {
  if (!text || !hasDigits(text, FEWEST_PHONE_DIGITS)) return [];
  const found = new Set<string>();
  // Only valid numbers: findPhoneNumbersInText's own leniency ('VALID') checks each one.
  for (const { number } of findPhoneNumbersInText(text, region)) found.add(number.number);
  return [...found];
}

/**
 * Whether `text` has at least `n` digits of any script (libphonenumber reads fullwidth and
 * Arabic-Indic digits too): most messages have fewer, and libphonenumber reads a text far more
 * slowly than this does.
 */
function hasDigits(text: string, n: number): boolean {
  const digit = /\p{Nd}/gu;
  let found = 0;
  while (digit.exec(text)) if (++found >= n) return true;
  return false;
}

/** A search box query understood: an e-mail, a phone number or a name, normalised. */
export interface ClassifiedQuery {
  kind: 'email' | 'phone' | 'name';
  value: string;
}

/** What a search box query is: an e-mail, a phone number, or (otherwise) a name. */
export function classifyQuery(query: string): ClassifiedQuery | null {
  const email = normaliseEmail(query);
  if (email) return { kind: 'email', value: email };
  const phone = normalisePhone(query);
  if (phone) return { kind: 'phone', value: phone };
  const name = normaliseName(query);
  return name ? { kind: 'name', value: name } : null;
}
