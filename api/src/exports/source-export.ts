import type { LegalBasis } from '../registers/activities/activity.entity';
import type { ExportPages, PackageReader } from './export-reader';

/**
 * What a personal-data source gives in access (Art. 15) and portability (Art. 20) packages. Each
 * source declares it in its folder (`sources/<folder>/<name>.export.ts`): the file's label and
 * origin in the subject's language, its columns by field group with the legal basis of each, and
 * how its records are read. The export service knows no source by name.
 */

/** `portability` keeps only what the person provided themselves (Art. 20); `access` everything held about them (Art. 15). */
export type ExportKind = 'access' | 'portability';

export interface Words {
  en: string;
  it: string;
}

/** Columns of a data file held on one legal basis. */
export interface FieldGroup {
  fields: readonly string[];
  /** Why they are held (Art. 6(1)). */
  legalBasis: LegalBasis;
  /** In portability packages too: data the person provided, held on consent or contract (Art. 20(1)(a)). */
  portable: boolean;
}

/** What a source's file is read from: the person's own records as the index found them. */
export interface PackageContext {
  kind: ExportKind;
  /** The person's own records of a source (ids), as the search found them. */
  ids: (source: string) => string[];
  /** The e-mails the request gives (normalised): whose attendee entry is the person's. */
  emails: string[];
  /** The IP addresses the officer confirmed as the person's (access logs name no one else). */
  ips: string[];
  reader: PackageReader;
}

/** How the readable page (README.html) shows a file's rows as a conversation (a chat). */
export interface ConversationLayout {
  /** Columns whose change starts a new conversation (its start, its provider). */
  by: readonly string[];
  /** Who wrote the message (a code given its words in `codes`), its text, when. */
  who: string;
  /** The `who` code of the person's own messages. */
  self: string;
  text: string;
  at: string;
}

/** The source is written as data/<resource>.json and .csv. */
export interface PackageFile {
  kind: 'file';
  label: Words;
  /** Where the data came from, as the README tells the person. */
  origin: Words;
  /** Every column the rows carry, grouped by legal basis, in the order the rows give them. */
  columns: readonly FieldGroup[];
  /**
   * What each column means, in the subject's words: the package's glossary and the headings of
   * the readable page. `prefix_*` covers the columns that start with `prefix_` (the rest of the
   * name is given its words by `codes['prefix_*']`). A column left out is shown by its name.
   */
  glossary?: Readonly<Record<string, Words>>;
  /** The codes some columns hold (`openai`, `user`), given their words on the readable page. */
  codes?: Readonly<Record<string, Readonly<Record<string, Words>>>>;
  /** The readable page shows the rows as a table, or as a conversation. */
  conversation?: ConversationLayout;
  /** The person's records page by page, or null when this package holds none of them. */
  read: (context: PackageContext) => ExportPages | null | Promise<ExportPages | null>;
  /**
   * The recipients of the source's activities (processor names, as the register has them) that
   * never received this person's records: a chat went to its own provider, not to every one the
   * register lists. Read only when the file holds records.
   */
  notReceivedBy?: (context: PackageContext) => Promise<string[]>;
  /** Why the source could not be searched for this request (no identifier it can be found by), or null. */
  notSearched?: (context: PackageContext) => Words | null;
}

/** The source gives no file of its own, and why (its records go in another source's file, say). */
export interface NoPackageFile {
  kind: 'none';
  reason: string;
}

export type SourcePackages = PackageFile | NoPackageFile;

export const noPackageFile = (reason: string): NoPackageFile => ({ kind: 'none', reason });

/** A row without the columns a portability package leaves out (groups not `portable`). */
export function portableOnly(
  columns: readonly FieldGroup[],
): (row: Record<string, unknown>) => Record<string, unknown> {
  const left = new Set(columns.filter((g) => !g.portable).flatMap((g) => g.fields));
  if (left.size === 0) return (row) => row;
  return (row) => Object.fromEntries(Object.entries(row).filter(([k]) => !left.has(k)));
}

/** Dates from the database, or instants already formatted as ISO text by it. */
export const isoOf = (d: Date | string | null | undefined) =>
  d == null ? null : typeof d === 'string' ? d : d.toISOString();

/**
 * A UTC timestamp as PostgreSQL writes it (`2026-11-22 10:15:00.123456`, `(t AT TIME ZONE 'UTC')::text`)
 * as ISO 8601 to the millisecond, cut as `Date#toISOString` and `to_char(..., 'MS')` cut it.
 */
export function isoFromUtcText(text: string): string {
  if (text.length === 19 && text[10] === ' ') return `${text.slice(0, 10)}T${text.slice(11)}.000Z`;
  if (text.length > 20 && text.length <= 26 && text[10] === ' ' && text[19] === '.')
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${text.slice(20, 23).padEnd(3, '0')}Z`;
  throw new Error(`Not a UTC timestamp as PostgreSQL writes it: ${text}`);
}
