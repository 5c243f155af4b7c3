import { domainToUnicode } from 'node:url';
import { normaliseEmail } from '../../subjects/identifiers';

/** The characters RFC 5322 allows in a local part (atext), with any letter or digit (RFC 6531). */
const LOCAL = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;

/**
 * An e-mail address in the one form the console keeps: lower case, Unicode in NFC, the domain
 * in Unicode (`josé@bücher.example`, never `xn--bcher-kva.example`), so that the same mailbox
 * written either way is one address. ASCII addresses are read exactly as before
 * (`normaliseEmail`); null when it is no address.
 */
export function normaliseAddress(input: string | null | undefined): string | null {
  if (!input) return null;
  const trimmed = input
    .trim()
    .replace(/^mailto:/i, '')
    .normalize('NFC');
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return null;
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1).toLowerCase();
  // Punycode (xn--) and Unicode domains: the Unicode form, checked by the WHATWG IDNA rules.
  const unicodeDomain = /[^\x20-\x7e]|(^|\.)xn--/i.test(domain) ? domainToUnicode(domain) : domain;
  if (!unicodeDomain) return null;
  const address = `${local}@${unicodeDomain}`.toLowerCase();
  if (/^[\x20-\x7e]*$/.test(address)) return normaliseEmail(address);
  const labels = unicodeDomain.split('.');
  if (address.length > 320 || local.length > 64 || !LOCAL.test(local)) return null;
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  return address;
}

/** Mail systems that send on someone's behalf (a web form, a no-reply sender): never the subject. */
const RELAY_LOCAL =
  /^(no-?reply|do-?not-?reply|donotreply|noreply\d*|mailer|notifications?|notify|forms?|webforms?|wordpress|bounces?)([+.-]|$)/i;

export function isRelayAddress(address: string, displayName?: string | null): boolean {
  const local = address.slice(0, address.lastIndexOf('@'));
  return RELAY_LOCAL.test(local) || /\svia\s/i.test(displayName ?? '');
}
