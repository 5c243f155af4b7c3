import { SOURCES } from '../sources/source-registry';
import type { SweptSource } from './source-retention';

/**
 * The registered sources a retention policy can name, each with its rule and sweeper (declared
 * in its folder, `<name>.retention.ts`). Read on every call: a source may be registered before
 * the console starts (the tests' sample source).
 */
export function sweptSources(): Map<string, SweptSource> {
  return new Map(
    SOURCES.flatMap(({ resource, retention }) => (retention.kind === 'swept' ? [[resource, retention] as const] : [])),
  );
}

/** The names of the sources a sweep acts on. */
export function sweepableSources(): string[] {
  return [...sweptSources().keys()];
}
