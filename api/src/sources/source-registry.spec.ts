import { describe, expect, it } from 'vitest';
import { erasableSources } from '../erasure/erasable-sources';
import { restrictableSources } from '../erasure/restrictable-sources';
import { sweepableSources } from '../retention/retention-sources';
import {
  ingestSources,
  multiPersonSources,
  packageSources,
  SOURCES,
  sourceSystemOf,
  type SourceDefinition,
} from './source-registry';

/** What a source declares for packages: a file with its columns, or none with a reason. */
function packagesDeclared(source: SourceDefinition): string | null {
  const p = source.packages as SourceDefinition['packages'] | undefined;
  if (!p) return 'declares nothing for access and portability packages';
  if (p.kind === 'none') return p.reason.trim().length >= 10 ? null : 'says "none" without a reason';
  if (!p.label.en || !p.label.it || !p.origin.en || !p.origin.it) return 'lacks its label or origin in a language';
  if (!p.columns.length || p.columns.some((g) => !g.fields.length)) return 'declares no columns';
  return null;
}

/** What a source declares for the personal-data index: how to find whose a record is, or why it is not indexed. */
function identifiersDeclared(source: SourceDefinition): string | null {
  const i = source.identifiers as SourceDefinition['identifiers'] | undefined;
  if (!i) return 'declares no identifiers for the index';
  if ('none' in i) return i.none.trim().length >= 10 ? null : 'says its records are not indexed without a reason';
  return typeof i.of === 'function' ? null : 'declares no identifier function';
}

describe('the registered sources', () => {
  it('each declare the identifiers their records hold (Art. 15(4)), or why they are not indexed', () => {
    for (const source of SOURCES) expect(identifiersDeclared(source), source.resource).toBeNull();
    const [leads] = SOURCES;
    expect(identifiersDeclared({ ...leads, identifiers: undefined as never })).toMatch(/no identifiers/);
    expect(identifiersDeclared({ ...leads, identifiers: { none: '' } })).toMatch(/without a reason/);
  });

  it('each declare what access and portability packages give of them, or "none" with a reason', () => {
    for (const source of SOURCES) expect(packagesDeclared(source), source.resource).toBeNull();
  });

  it('fails a source that declares no package behaviour, or "none" without a reason', () => {
    const [leads] = SOURCES;
    expect(packagesDeclared({ ...leads, packages: undefined as never })).toMatch(/declares nothing/);
    expect(packagesDeclared({ ...leads, packages: { kind: 'none', reason: '' } })).toMatch(/without a reason/);
  });

  it('give in portability packages only what is held on consent or contract (Art. 20(1)(a))', () => {
    for (const source of packageSources())
      for (const group of source.packages.columns.filter((g) => g.portable))
        expect(['consent', 'contract'], `${source.resource}: ${group.fields.join(', ')}`).toContain(group.legalBasis);
  });

  it('have one name each, used for their route, their records in the index and their file', () => {
    const names = SOURCES.map((s) => s.resource);
    expect(new Set(names).size).toBe(names.length);
    for (const source of SOURCES) expect(source.list.resource).toBe(source.resource);
  });

  it('derive every list the API keeps of them', () => {
    expect(ingestSources()).toEqual([
      'leads',
      'chat-conversations',
      'chat-messages',
      'calendar-connections',
      'calendar-events',
      'consents',
      'access-logs',
    ]);
    expect(multiPersonSources()).toEqual(['calendar-events']);
    expect(packageSources().map((s) => s.resource)).toEqual([
      'leads',
      'chat-messages',
      'calendar-connections',
      'calendar-events',
      'consents',
      // Issue 18: access logs linked to the person are in the access package (never portability).
      'access-logs',
    ]);
    expect(sourceSystemOf('calendar-events')).toBe('calendar-connections');
    expect(sourceSystemOf('chat-messages')).toBe('chat-conversations');
    expect(sourceSystemOf('leads')).toBe('leads');
  });

  it('each declare what an erasure, a restriction and retention do to them, or "none" with a reason', () => {
    for (const source of SOURCES) expect(rightsDeclared(source), source.resource).toBeNull();
  });

  it('fail a source that declares no erasure, restriction or retention, or "none" without a reason', () => {
    const [leads] = SOURCES;
    expect(rightsDeclared({ ...leads, erasure: undefined as never })).toMatch(/no erasure/);
    expect(rightsDeclared({ ...leads, retention: undefined as never })).toMatch(/no retention/);
    expect(rightsDeclared({ ...leads, restriction: undefined as never })).toMatch(/no restriction/);
    expect(rightsDeclared({ ...leads, erasure: { kind: 'none', reason: ' ' } })).toMatch(/erasure.*without a reason/);
  });

  it('are erased in their declared order: events before their connections, leads last', () => {
    expect(erasableSources()).toEqual([
      'calendar-events',
      'calendar-connections',
      'chat-conversations',
      'consents',
      'access-logs',
      'leads',
    ]);
    expect(sweepableSources()).toEqual([
      'leads',
      'chat-conversations',
      'calendar-connections',
      'calendar-events',
      'consents',
      'access-logs',
    ]);
    expect(restrictableSources().map((s) => [s.source, s.table, s.idCast])).toEqual([
      ['leads', 'leads', 'uuid'],
      ['chat-conversations', 'chat_conversations', 'uuid'],
      ['calendar-connections', 'calendar_connections', 'uuid'],
      ['calendar-events', 'calendar_events', 'uuid'],
      ['consents', 'consent_records', 'uuid'],
      ['access-logs', 'access_logs', 'bigint'],
    ]);
  });
});

/** What a source declares for erasure, restriction and retention: a behaviour, or none with a reason. */
function rightsDeclared(source: SourceDefinition): string | null {
  const declared = {
    erasure: source.erasure as SourceDefinition['erasure'] | undefined,
    restriction: source.restriction as SourceDefinition['restriction'] | undefined,
    retention: source.retention as SourceDefinition['retention'] | undefined,
  };
  for (const [what, declaration] of Object.entries(declared)) {
    if (!declaration) return `declares no ${what}`;
    if (declaration.kind === 'none' && declaration.reason.trim().length < 10)
      return `says "none" for ${what} without a reason`;
  }
  return null;
}
