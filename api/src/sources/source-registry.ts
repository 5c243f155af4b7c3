import { accessLogsSource } from './access-logs/access-logs.source';
import { calendarConnectionsSource, calendarEventsSource } from './calendar/calendar.source';
import { chatConversationsSource, chatMessagesSource } from './chat/chat.source';
import { consentsSource } from './consents/consents.source';
import { leadsSource } from './leads/leads.source';
import type { SourceDefinition } from './source-definition';

export type { SourceDefinition } from './source-definition';

/**
 * The personal-data sources, one line each: the one list the console knows them by. The order is
 * the order of ingestion routes, read-only resources, search results and package files.
 */
const BUILT_IN = [
  leadsSource,
  chatConversationsSource,
  chatMessagesSource,
  calendarConnectionsSource,
  calendarEventsSource,
  consentsSource,
  accessLogsSource,
] as const;

export type SourceName = (typeof BUILT_IN)[number]['resource'];

const registered: SourceDefinition[] = [...BUILT_IN];
let sealed = false;

/** Every registered source (the built-in ones, then any registered before the console started). */
export const SOURCES: readonly SourceDefinition[] = registered;

/**
 * Adds sources to the built-in ones (the tests' sample source). Only before the console's modules
 * are loaded: they build their routes and the database's entities from the list once.
 */
export function registerSources(extra: readonly SourceDefinition[]): void {
  if (sealed && extra.length)
    throw new Error('Sources must be registered before the console is loaded (its routes are built from them)');
  for (const source of extra) {
    if (registered.some((s) => s.resource === source.resource))
      throw new Error(`A source named ${source.resource} is registered already`);
    registered.push(source);
  }
}

/** The sources, for what is built once from them (routes, entities): no source may be added after. */
export function registeredSources(): readonly SourceDefinition[] {
  sealed = true;
  return registered;
}

export function sourceNamed(name: string): SourceDefinition {
  const found = registered.find((s) => s.resource === name);
  if (!found) throw new Error(`unknown source ${name}`);
  return found;
}

export function isSourceName(name: string): boolean {
  return registered.some((s) => s.resource === name);
}

/** The sources the website sends records of (POST /api/ingest/<resource>). */
export function ingestSources(): string[] {
  return registered.map((s) => s.resource);
}

/** Sources whose records hold several people: their identifiers are found, never followed. */
export function multiPersonSources(): string[] {
  return registered.filter((s) => s.severalPeoplePerRecord).map((s) => s.resource);
}

/** The activity register names a source system; calendar events belong to the calendar connections' activity. */
export function sourceSystemOf(source: string): string {
  return registered.find((s) => s.resource === source)?.registerSystem ?? source;
}

/** The sources that give a file in access and portability packages, in the order of the files. */
export function packageSources(): Array<SourceDefinition & { packages: { kind: 'file' } }> {
  return registered.filter((s): s is SourceDefinition & { packages: { kind: 'file' } } => s.packages.kind === 'file');
}
