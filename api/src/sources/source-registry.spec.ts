import { describe, expect, it } from 'vitest';
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

describe('the registered sources', () => {
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
    ]);
    expect(sourceSystemOf('calendar-events')).toBe('calendar-connections');
    expect(sourceSystemOf('chat-messages')).toBe('chat-conversations');
    expect(sourceSystemOf('leads')).toBe('leads');
  });
});
