import type { EntityManager } from 'typeorm';
import { packageSources, sourceSystemOf } from '../sources/source-registry';

/**
 * Art. 19: the recipients of a source system's activities that never received this person's
 * records (a chat went to its own AI provider, not to every one the register lists), as each
 * source's package declares it (`notReceivedBy`). Read when the records are changed, before an
 * erasure masks them, and kept with the change: the notices are written later.
 */
export async function notReceivedByOf(
  manager: EntityManager,
  sources: string[],
  ids: (source: string) => string[],
): Promise<string[]> {
  const systems = new Set(sources.map(sourceSystemOf));
  const names = new Set<string>();
  for (const source of packageSources()) {
    if (!systems.has(source.registerSystem) || !source.packages.notReceivedBy) continue;
    const notReceived = await source.packages.notReceivedBy({
      kind: 'access',
      ids,
      emails: [],
      ips: [],
      reader: {
        query: <T>(sql: string, params?: unknown[]) => manager.query<T[]>(sql, params),
        alongIndex: () => Promise.reject(new Error('not used to find the recipients')),
        streamed: null,
        close: () => Promise.resolve(),
      },
    });
    for (const name of notReceived) names.add(name);
  }
  return [...names].sort();
}
