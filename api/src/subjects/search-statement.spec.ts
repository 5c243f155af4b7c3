import { describe, expect, it } from 'vitest';
import { suppressionHash } from '../erasure/suppression';
import { classifyQuery } from './identifiers';
import { searchParametersFor, searchStart } from './search-statement';

describe('searchStart', () => {
  const startOf = (typed: string) => {
    const { kind, value } = classifyQuery(typed)!;
    return searchStart(kind, value, typed);
  };

  it('looks an e-mail up also as a calendar account (the same person signs in with it)', () => {
    expect(startOf('Anna.Rossi@Example.com')).toEqual([
      ['email', 'anna.rossi@example.com'],
      ['account', 'anna.rossi@example.com'],
    ]);
  });

  it('looks a phone up as written in E.164, and nothing else', () => {
    expect(startOf('347 123 4567')).toEqual([['phone', '+393471234567']]);
  });

  it('looks a name up normalised, and what was typed as a consent id (neither an e-mail nor a phone)', () => {
    const [name, consent] = startOf('Anna Rossi');
    expect(name[0]).toBe('name');
    expect(consent).toEqual(['consent_id', 'Anna Rossi']);
  });
});

describe('searchParametersFor', () => {
  const key = Buffer.alloc(32, 7);
  const paramsOf = async (typed: string) => {
    let asked = 0;
    const params = await searchParametersFor(classifyQuery(typed)!, typed, ['vimage.it'], () => {
      asked++;
      return Promise.resolve(key);
    });
    // $9: the suppression entry's HMAC, $10: the e-mail whose requests are shown.
    return { hash: params[8], email: params[9], asked };
  };

  it("gives an e-mail's HMAC for its suppression entry and the e-mail for its requests", async () => {
    expect(await paramsOf('Anna.Rossi@Example.com')).toEqual({
      hash: suppressionHash(key, 'email', 'anna.rossi@example.com'),
      email: 'anna.rossi@example.com',
      asked: 1,
    });
  });

  it("gives a phone's HMAC, and no e-mail", async () => {
    expect(await paramsOf('347 123 4567')).toEqual({
      hash: suppressionHash(key, 'phone', '+393471234567'),
      email: null,
      asked: 1,
    });
  });

  it('asks for no key for a name (a name is never suppressed)', async () => {
    expect(await paramsOf('Anna Rossi')).toEqual({ hash: null, email: null, asked: 0 });
  });
});
