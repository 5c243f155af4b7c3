/**
 * A register's public texts in Italian and English (issue 18): each has `<field>It` and
 * `<field>En` beside the officer's own `<field>`, which follows the English twin so that lists,
 * searches and CSV keep working. Plain functions: the registers' `apply` and every page, package
 * or letter that reads a register field use them (the console too).
 */

export type TwinLanguage = 'it' | 'en';

type Row = Record<string, unknown>;

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Writes a body's twins into a row. The English twin and the officer's field move together:
 * writing `<field>En` sets `<field>` too, and changing only `<field>` (an older client) sets the
 * English twin. Emptied twins ("" or []) are cleared. `list`: a list of categories.
 */
export function applyTwin(row: Row, body: Row, field: string, list = false): void {
  const it = `${field}It`;
  const en = `${field}En`;
  const none = list ? [] : null;
  const clean = (v: unknown) => (empty(v) ? none : v);
  const same = (a: unknown, b: unknown) => JSON.stringify(clean(a)) === JSON.stringify(clean(b));
  // A client that read the row and sends it back with the officer's field changed (and the
  // English twin as it was) changed the English: whichever of the two changed wins.
  const enChanged = body[en] !== undefined && !same(body[en], row[en]);
  const baseChanged = body[field] !== undefined && !same(body[field], row[field]);
  if (body[it] !== undefined) row[it] = clean(body[it]);
  if (enChanged) row[en] = clean(body[en]);
  else if (baseChanged) row[en] = clean(body[field]);
  row[it] ??= none;
  row[en] ??= none;
  // The officer's field: the English, else the Italian, else none (a required one is then refused).
  if (body[it] !== undefined || body[en] !== undefined || body[field] !== undefined)
    row[field] = !empty(row[en]) ? row[en] : !empty(row[it]) ? row[it] : none;
  if (list) row[field] ??= [];
}

/**
 * A twin text in a language: the language's own, else the other one, marked as a fallback (the
 * officer left this language empty). Rows written before the twins have only the officer's field,
 * which is English.
 */
export function twinText(
  record: Row,
  field: string,
  language: TwinLanguage,
): { text: string | null; fallback: boolean } {
  const it = record[`${field}It`] as string | null | undefined;
  const base = record[field] as string | null | undefined;
  const en = (record[`${field}En`] as string | null | undefined) || (base !== it ? base : null);
  const [own, other] = language === 'it' ? [it, en] : [en, it];
  if (!empty(own)) return { text: own!, fallback: false };
  return empty(other) ? { text: null, fallback: false } : { text: other!, fallback: true };
}

/** A twin list in a language: the language's own, else the other one, marked as a fallback. */
export function twinList(record: Row, field: string, language: TwinLanguage): { items: string[]; fallback: boolean } {
  const it = (record[`${field}It`] as string[] | null | undefined) ?? [];
  const base = (record[field] as string[] | null | undefined) ?? [];
  const enOwn = (record[`${field}En`] as string[] | null | undefined) ?? [];
  const en = enOwn.length ? enOwn : base.join('\n') !== it.join('\n') ? base : [];
  const [own, other] = language === 'it' ? [it, en] : [en, it];
  if (own.length) return { items: own, fallback: false };
  return { items: other, fallback: other.length > 0 };
}

/**
 * The lists of categories whose Italian and English twins name the same items in the same order
 * (the officer writes them so), as English → Italian.
 */
export function categoryGlossary(...records: Row[]): Map<string, string> {
  const glossary = new Map<string, string>();
  for (const record of records)
    for (const field of ['dataCategories']) {
      const en = (record[`${field}En`] as string[] | null) ?? (record[field] as string[] | null) ?? [];
      const it = (record[`${field}It`] as string[] | null) ?? [];
      if (en.length !== it.length) continue;
      en.forEach((e, i) => glossary.has(e) || glossary.set(e, it[i]));
    }
  return glossary;
}

/**
 * Categories written in English (a recipient's, `recipientCategories`) in a language: each by the
 * glossary of the activity and the recipient; one it lacks stays as written.
 */
export function categoriesIn(categories: string[], language: TwinLanguage, glossary: Map<string, string>): string[] {
  return language === 'en' ? categories : categories.map((c) => glossary.get(c) ?? c);
}

/**
 * What is wrong with a list's twins, if anything: both written, they name the same categories in
 * the same order, so they must be as long as each other.
 */
export function twinListProblem(record: Row, field: string): string | null {
  const it = (record[`${field}It`] as string[] | null) ?? [];
  const en = (record[`${field}En`] as string[] | null) ?? [];
  if (it.length && en.length && it.length !== en.length)
    return `${field}It and ${field}En must name the same categories, one for one (${it.length} and ${en.length})`;
  return null;
}

/** The fields of a row, among those given, that have neither twin nor the officer's text. */
export function missingTwins(row: Row, fields: string[]): string[] {
  return fields.filter((f) => empty(row[f]) && empty(row[`${f}It`]) && empty(row[`${f}En`]));
}
