import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  checkCode,
  checkMessage,
  checkSubmission,
  CODE,
  csrfToken,
  csrfValid,
  hashCode,
  hashToken,
  isTokenShaped,
  newCode,
  newCsrfSecret,
  newToken,
  overLimit,
  PORTAL_LIMITS,
  pickLanguage,
  portalKey,
  readCode,
  throttleKey,
  throttledNetwork,
  withStatusLink,
} from './portal-rules';

const key = portalKey(Buffer.alloc(32, 7), 'code');
const id = '7d0e4a52-3a55-4b8e-9c55-3f0a4f7b9b10';
const sentAt = new Date('2026-12-03T10:00:00Z');
const minutes = (n: number) => new Date(sentAt.getTime() + n * 60_000);

describe('the e-mail code', () => {
  it('is six digits, leading zeros kept', () => {
    for (let i = 0; i < 200; i++) expect(newCode()).toMatch(/^\d{6}$/);
  });

  it('is stored as a keyed hash bound to its submission', () => {
    const hash = hashCode(key, id, '012345');
    expect(hash).not.toContain('012345');
    expect(hash).not.toBe(hashCode(key, 'another-id', '012345'));
    expect(hash).not.toBe(hashCode(portalKey(Buffer.alloc(32, 8), 'code'), id, '012345'));
  });

  it('accepts the right code within 10 minutes, forgiving spaces and dashes', () => {
    const state = { codeHash: hashCode(key, id, '012345'), sentAt, tries: 0 };
    expect(checkCode(key, id, state, '012345', minutes(9))).toBe('ok');
    expect(checkCode(key, id, state, ' 012-345 ', minutes(1))).toBe('ok');
    expect(checkCode(key, id, state, '012346', minutes(1))).toBe('wrong');
    expect(checkCode(key, id, state, '12345', minutes(1))).toBe('wrong');
    expect(checkCode(key, id, state, '012345', minutes(CODE.validMinutes + 0.01))).toBe('expired');
  });

  it('is locked after five wrong tries, even for the right code', () => {
    const state = { codeHash: hashCode(key, id, '012345'), sentAt, tries: CODE.maxTries };
    expect(checkCode(key, id, state, '012345', minutes(1))).toBe('locked');
    expect(checkCode(key, id, { ...state, tries: CODE.maxTries - 1 }, '012345', minutes(1))).toBe('ok');
  });

  it('reads only six digits', () => {
    expect(readCode('123 456')).toBe('123456');
    expect(readCode('１２３４５６')).toBeNull();
    expect(readCode('1234567')).toBeNull();
    expect(readCode('abcdef')).toBeNull();
  });
});

describe('the status link token', () => {
  it('is 43 base64url characters, stored as its SHA-256', () => {
    const token = newToken();
    expect(isTokenShaped(token)).toBe(true);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(newToken()).not.toBe(token);
    expect(isTokenShaped('__proto__')).toBe(false);
    expect(isTokenShaped(`${token}x`)).toBe(false);
  });
});

describe('the CSRF token', () => {
  const csrfKey = portalKey(Buffer.alloc(32, 7), 'csrf');
  it('matches only its own cookie secret', () => {
    const secret = newCsrfSecret();
    const token = csrfToken(csrfKey, secret);
    expect(csrfValid(csrfKey, secret, token)).toBe(true);
    expect(csrfValid(csrfKey, newCsrfSecret(), token)).toBe(false);
    expect(csrfValid(csrfKey, undefined, token)).toBe(false);
    expect(csrfValid(csrfKey, secret, undefined)).toBe(false);
    expect(csrfValid(csrfKey, secret, '')).toBe(false);
    expect(csrfValid(portalKey(Buffer.alloc(32, 8), 'csrf'), secret, token)).toBe(false);
  });
});

describe('the rate limits', () => {
  it('count attempts in a window of an hour, then start again', () => {
    let state = afterAttempt(null, sentAt);
    for (let i = 1; i < PORTAL_LIMITS.perEmail; i++) state = afterAttempt(state, minutes(i));
    expect(overLimit(state, PORTAL_LIMITS.perEmail)).toBe(false);
    state = afterAttempt(state, minutes(10));
    expect(overLimit(state, PORTAL_LIMITS.perEmail)).toBe(true);
    expect(afterAttempt(state, minutes(PORTAL_LIMITS.windowMinutes + 1))).toEqual({
      count: 1,
      windowStart: minutes(PORTAL_LIMITS.windowMinutes + 1),
    });
  });

  it('count an IPv6 sender by its /64 and an IPv4 one by its address', () => {
    expect(throttledNetwork('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(throttledNetwork('2001:0db8:0001:0002:ffff:0:0:c')).toBe('2001:db8:1:2::/64');
    expect(throttledNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttledNetwork('::1')).toBe('0:0:0:0::/64');
    expect(throttledNetwork('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttledNetwork('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
    expect(throttledNetwork('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(throttledNetwork('192.0.2.7')).toBe('192.0.2.7');
    expect(throttleKey(key, 'ip', '2001:db8:1:2::1')).toBe(throttleKey(key, 'ip', '2001:db8:1:2:abcd::9'));
    expect(throttleKey(key, 'ip', '2001:db8:1:2::1')).not.toBe(throttleKey(key, 'ip', '2001:db8:1:3::1'));
    expect(throttleKey(key, 'ip', '192.0.2.7')).not.toBe(throttleKey(key, 'ip', '192.0.2.8'));
    // Not an address (what a proxy header may hold): counted as it is, never thrown on.
    expect(throttledNetwork('unknown')).toBe('unknown');
  });

  it('keep no readable address in their keys', () => {
    const k = throttleKey(key, 'email', 'giulia@example.it');
    expect(k).toMatch(/^email:[0-9a-f]{64}$/);
    expect(throttleKey(key, 'ip', 'giulia@example.it')).not.toBe(k.replace('email', 'ip'));
  });
});

describe('the page language', () => {
  it('follows ?lang=, then Accept-Language, else Italian', () => {
    expect(pickLanguage('en', 'it-IT')).toBe('en');
    expect(pickLanguage(undefined, 'en-GB,en;q=0.9,it;q=0.8')).toBe('en');
    expect(pickLanguage(undefined, 'fr-FR,it;q=0.5,en;q=0.7')).toBe('en');
    expect(pickLanguage(undefined, 'de-DE')).toBe('it');
    expect(pickLanguage(['en'], undefined)).toBe('it');
    expect(pickLanguage('__proto__', 'en;q=0')).toBe('it');
  });
});

const form = (fields: Array<[string, string]>) => new URLSearchParams(fields);
const valid: Array<[string, string]> = [
  ['rights', 'erasure'],
  ['rights', 'access'],
  ['name', ' Giulia Bianchi '],
  ['email', 'Giulia.Bianchi@Example.it'],
  ['phone', ''],
  ['message', 'Vorrei sapere quali dati avete.\r\nGrazie'],
];

describe('the form', () => {
  it('gives the rights in the console’s order, the e-mail normalised, the text trimmed', () => {
    const check = checkSubmission(form(valid));
    expect(check).toEqual({
      ok: true,
      submission: {
        rights: ['access', 'erasure'],
        name: 'Giulia Bianchi',
        email: 'giulia.bianchi@example.it',
        phone: null,
        message: 'Vorrei sapere quali dati avete.\nGrazie',
      },
    });
  });

  it('names each field’s problem', () => {
    const check = checkSubmission(
      form([
        ['rights', 'constructor'],
        ['name', 'A\u0000B'],
        ['email', 'not an address'],
        ['phone', 'call me'],
        ['message', ''],
      ]),
    );
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.errors).toEqual({
        rights: 'rights_unknown',
        name: 'control_characters',
        email: 'email_invalid',
        phone: 'phone_invalid',
        message: 'message_missing',
      });
    expect(checkSubmission(form([])).ok).toBe(false);
    const noRights = checkSubmission(form(valid.filter(([k]) => k !== 'rights')));
    expect(!noRights.ok && noRights.errors.rights).toBe('rights_missing');
    const long = checkSubmission(form([...valid.filter(([k]) => k !== 'message'), ['message', 'x'.repeat(5001)]]));
    expect(!long.ok && long.errors.message).toBe('too_long');
  });

  it('checks a further message like the form’s', () => {
    expect(checkMessage('  Ecco il mio nuovo indirizzo  ')).toEqual({ ok: true, text: 'Ecco il mio nuovo indirizzo' });
    expect(checkMessage('   ')).toEqual({ ok: false, problem: 'message_missing' });
    expect(checkMessage('a\u001bb')).toEqual({ ok: false, problem: 'control_characters' });
    expect(checkMessage('\ud800')).toEqual({ ok: false, problem: 'control_characters' });
  });
});

describe('the acknowledgement with its status link', () => {
  it('puts the link before the regards', () => {
    const letter = 'Gentile Giulia,\n\nabbiamo ricevuto...\n\nCordiali saluti\nVimage Srl\n';
    expect(withStatusLink(letter, 'LINK')).toBe(
      'Gentile Giulia,\n\nabbiamo ricevuto...\n\nLINK\n\nCordiali saluti\nVimage Srl\n',
    );
    expect(withStatusLink('Dear Peter,\n\nThanks.', 'LINK')).toBe('Dear Peter,\n\nThanks.\n\nLINK\n');
  });
});
