import { describe, expect, it } from 'vitest';
import { classifyQuery } from './identifiers';
import { searchStart } from './search-statement';

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
