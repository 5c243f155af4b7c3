import { SOURCES } from '../sources/source-registry';
import type { ErasingSource } from './source-erasure';

export interface ErasableSource {
  source: string;
  erasure: ErasingSource;
}

/**
 * The registered sources an erasure changes, in the order a run takes them (each source's
 * declared `runOrder`; the registry's order between equals). Read on every call: a source may be
 * registered before the console starts (the tests' sample source).
 */
export function erasureRun(): ErasableSource[] {
  return SOURCES.flatMap(({ resource, erasure }) =>
    erasure.kind === 'none' ? [] : [{ source: resource, erasure }],
  ).sort((a, b) => a.erasure.runOrder - b.erasure.runOrder);
}

/** The names of the sources an erasure changes, in run order. */
export function erasableSources(): string[] {
  return erasureRun().map((s) => s.source);
}
