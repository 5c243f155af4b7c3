// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- a module declaration, not a module: the console's types for ra-language-italian
/// <reference path="../../admin/src/ra-language-italian.d.ts" />
import { describe, expect, it } from 'vitest';
import en from '../../admin/src/i18n/en';
import it_ from '../../admin/src/i18n/it';
import {
  AUDIT_ACTIONS as CONSOLE_ACTIONS,
  READ_ACTIONS as CONSOLE_READS,
} from '../../admin/src/audit-events/vocabulary';
import { AUDIT_ACTIONS, READ_ACTIONS } from '../../api/src/audit/audit-actions';
import { scanAuditActions } from './audit-actions-scan';

/** A key of the translation messages, the way polyglot reads it (nested objects, dotted keys). */
function lookUp(messages: unknown, key: string): unknown {
  const parts = key.split('.');
  // Try the longest prefix first: `actions['retention.sweep_failed']` and `actions.retention.sweep_failed` both read.
  const walk = (node: unknown, from: number): unknown => {
    if (from === parts.length) return node;
    if (!node || typeof node !== 'object') return undefined;
    for (let to = parts.length; to > from; to--) {
      const child = (node as Record<string, unknown>)[parts.slice(from, to).join('.')];
      if (child !== undefined) {
        const found = walk(child, to);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return walk(messages, 0);
}

/**
 * Every action code the API can write reads as words in the audit log, in English and Italian
 * (issue 23: the Italian log showed `records.listed`). The codes come from a scan of api/src.
 */
describe('audit action codes: every one written has words in both languages', () => {
  const scanned = scanAuditActions();

  it('knows how every computed code is built', () => {
    expect(scanned.unknownTemplates).toEqual([]);
    expect(scanned.codes.length).toBeGreaterThan(100);
  });

  it("lists every code the API writes, and only those, in the API's catalogue", () => {
    expect([...AUDIT_ACTIONS].sort()).toEqual(scanned.codes);
  });

  it('counts every audited read among the reads the log can hide', () => {
    for (const read of scanned.reads) expect(READ_ACTIONS).toContain(read);
    for (const read of READ_ACTIONS) expect(AUDIT_ACTIONS).toContain(read);
  });

  it("offers the same codes in the console's action filter", () => {
    expect([...CONSOLE_ACTIONS].sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect([...CONSOLE_READS].sort()).toEqual([...READ_ACTIONS].sort());
  });

  it.each([
    ['English', en],
    ['Italian', it_],
  ])('gives every code words in %s', (_language, messages) => {
    const missing = AUDIT_ACTIONS.filter((code) => {
      const words = lookUp(messages, `resources.audit-events.actions.${code}`);
      return typeof words !== 'string' || words.trim() === '' || words === code;
    });
    expect(missing).toEqual([]);
  });

  it('says each code in Italian, not in English', () => {
    const same = AUDIT_ACTIONS.filter(
      (code) =>
        lookUp(en, `resources.audit-events.actions.${code}`) === lookUp(it_, `resources.audit-events.actions.${code}`),
    );
    expect(same).toEqual([]);
  });
});
