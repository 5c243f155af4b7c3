import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Language } from '../requests/request.entity';
import type { ExportRow } from './export-reader';
import { escapeHtml as e, packageWords, romeInstant } from './export-texts';
import { ExportSpool } from './export-spool';
import { drained, middleDeflate } from './export-zip';
import type { ConversationLayout, Words } from './source-export';

/**
 * The readable copy of the data in README.html: each source as a table (a chat as a
 * conversation), in the subject's language, instants in Rome's time, codes given their words.
 * The rows are rendered as the data files are written, page by page, and wait in a spool (a
 * chat can be far larger than anything kept in memory) until README.html is written.
 */

/** What the page needs to know of a file: its label, its columns' and codes' words, its layout. */
export interface PageFile {
  label: Words;
  glossary?: Readonly<Record<string, Words>>;
  codes?: Readonly<Record<string, Readonly<Record<string, Words>>>>;
  conversation?: ConversationLayout;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A column's heading in the reader's words: its glossary entry, `prefix_*` with the rest's code words, or its name. */
export function columnWords(file: PageFile, column: string, language: Language): string {
  const own = file.glossary?.[column];
  if (own) return own[language];
  const cut = column.indexOf('_');
  if (cut > 0) {
    const pattern = `${column.slice(0, cut)}_*`;
    const prefix = file.glossary?.[pattern];
    if (prefix) {
      const rest = column.slice(cut + 1);
      return `${prefix[language]} ${file.codes?.[pattern]?.[rest]?.[language] ?? rest}`;
    }
  }
  return column;
}

/** A value as the reader reads it: a code's words, yes/no, an instant in Rome's time. */
export function cellWords(file: PageFile, column: string, value: unknown, language: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return packageWords(language)[value ? 'yes' : 'no'];
  if (Array.isArray(value)) return value.map((v) => cellWords(file, column, v, language)).join(', ');
  if (typeof value === 'string') {
    const codes = file.codes?.[column];
    if (codes && Object.hasOwn(codes, value)) return codes[value][language];
    // Text that only looks like an instant (a person may type "2026-13-01T00:00:00Z") stays as it is.
    if (INSTANT.test(value)) {
      const at = new Date(value);
      if (!Number.isNaN(at.getTime())) return romeInstant(at, language);
    }
    return value;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** A message as it was written: never read as a code or an instant. */
function messageWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One file's part of the page, rendered a page of rows at a time. */
export class FilePage {
  private header: string[] | null = null;
  private conversationKey: string | null = null;

  constructor(
    private readonly file: PageFile,
    private readonly language: Language,
  ) {}

  begin(): string {
    return `<section><h3>${e(this.file.label[this.language])}</h3>\n`;
  }

  /**
   * A page of rows, handed to `write` a row at a time (the export encodes each into the page's
   * bytes as it comes: `PageBytes`; one string for the whole page cost as much again to flatten).
   */
  rows(rows: ExportRow[], write: (html: string) => void): void {
    if (this.file.conversation) this.messages(rows, this.file.conversation, write);
    else this.table(rows, write);
  }

  end(): string {
    if (this.file.conversation) return this.conversationKey === null ? '</section>\n' : '</div></section>\n';
    return this.header ? '</tbody></table></section>\n' : '</section>\n';
  }

  private table(rows: ExportRow[], write: (html: string) => void): void {
    if (!this.header && rows.length) {
      this.header = Object.keys(rows[0]);
      write(
        `<table><thead><tr>${this.header.map((c) => `<th>${e(columnWords(this.file, c, this.language))}</th>`).join('')}</tr></thead><tbody>\n`,
      );
    }
    for (const row of rows)
      write(
        `<tr>${this.header!.map((c) => `<td>${e(cellWords(this.file, c, row[c], this.language))}</td>`).join('')}</tr>\n`,
      );
  }

  private messages(rows: ExportRow[], layout: ConversationLayout, write: (html: string) => void): void {
    const words = packageWords(this.language);
    for (const row of rows) {
      const key = layout.by.map((c) => String(row[c])).join('\u0000');
      if (key !== this.conversationKey) {
        const before = this.conversationKey !== null ? '</div>\n' : '';
        this.conversationKey = key;
        const [started, provider] = layout.by.map((c) => cellWords(this.file, c, row[c], this.language));
        write(`${before}<div class="conversation"><h4>${e(words.conversation(started, provider ?? '—'))}</h4>\n`);
      }
      const you = row[layout.who] === layout.self;
      write(
        `<div class="msg${you ? ' own' : ''}"><b>${e(cellWords(this.file, layout.who, row[layout.who], this.language))} · ${e(cellWords(this.file, layout.at, row[layout.at], this.language))}</b>${e(messageWords(row[layout.text])).replace(/\n/g, '<br>')}</div>\n`,
      );
    }
  }
}

/**
 * The readable copy of every file of a package, held until README.html is written. It is deflated
 * as it is written (on libuv's thread pool, beside the data files) and waits compressed, so that
 * at the end only README.html's head and tail are left to compress.
 */
export class DataPage {
  private readonly deflate = middleDeflate();
  private readonly spool = new ExportSpool();
  private readonly deflating: Promise<void>;

  constructor(readonly language: Language) {
    this.deflating = pipeline(
      this.deflate,
      new Writable({
        write: (chunk: Buffer, _encoding, done) => void this.spool.write(chunk).then(() => done(), done),
      }),
    );
    this.deflating.catch(() => {}); // awaited by finish(), or the export already failed
  }

  file(file: PageFile): FilePage {
    return new FilePage(file, this.language);
  }

  /** Takes `text` (a Buffer must not be changed afterwards); resolves when zlib can take more. */
  async write(text: string | Buffer): Promise<void> {
    if (!text.length) return;
    // Once stopped (the export failed, or its client went away), zlib takes nothing more.
    if (this.deflate.destroyed) return;
    if (!this.deflate.write(typeof text === 'string' ? Buffer.from(text, 'utf8') : text)) await drained(this.deflate);
  }

  /** Everything written, deflated (for `deflatedAround`), once, after the last write. */
  async finish(): Promise<Readable> {
    this.deflate.end();
    await this.deflating;
    return this.spool.readable();
  }

  async dispose(): Promise<void> {
    this.deflate.destroy();
    await this.spool.dispose();
  }
}
