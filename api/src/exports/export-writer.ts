import type archiver from 'archiver';
import { createHash } from 'node:crypto';
import { Writable, type Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { ExportPages, ExportRow } from './export-reader';
import { csvLine, csvRecord } from './export-csv';
import { jsonRecord } from './export-json';
import type { DataPage, PageFile } from './export-page';
import { ExportSpool } from './export-spool';
import { appendDeflated, DeflatedFile } from './export-zip';
import { PageBytes } from './page-bytes';

/**
 * The writing side of a package: ZIP entries made as the pages arrive (data files as JSON and CSV,
 * each deflated, hashed and measured), and the texts. Nothing here reads the database
 * (`export-reader.ts`).
 */

export interface ManifestFile {
  path: string;
  size: number;
  records: number;
  sha256: string;
}

/** One data file of a package, produced page by page so that nothing large sits in memory. */
export interface DataFile {
  /** The source's resource name: data/<source>.json and .csv. */
  source: string;
  label: { en: string; it: string };
  origin: { en: string; it: string };
  /** How the readable page shows it (`export-page.ts`). */
  glossary?: PageFile['glossary'];
  codes?: PageFile['codes'];
  conversation?: PageFile['conversation'];
  /** The source system name in the registers (activities and retention policies). */
  system: string;
  pages: ExportPages;
}

/**
 * Writes one source as data/<source>.json and data/<source>.csv from one read of the database.
 * Each file is deflated on its own zlib stream as it is made, so the two are compressed side by
 * side on the thread pool: the JSON goes into the archive page by page as it is read, the
 * compressed CSV waits in a spool (the archive takes one entry at a time) and follows. Both are
 * hashed and measured as they are made (DeflatedFile). A page is handed over without waiting for zlib to take
 * the one before: the next page is read while the last is compressed (backpressure one page behind).
 * With a `dataPage`, the same rows are also rendered for the readable copy in README.html.
 */
export async function writeDataFile(
  archive: archiver.Archiver,
  file: DataFile,
  isAborted: () => boolean,
  started: (entry: Readable) => void,
  archiveFailed: Promise<never>,
  /** The readable copy of the data (README.html), written as the same pages arrive. */
  dataPage?: DataPage,
): Promise<ManifestFile[]> {
  const filePage = dataPage?.file(file);
  const toPage = (html: string | Buffer | null) => (dataPage && html ? dataPage.write(html) : Promise.resolve());
  const jsonPath = `data/${file.source}.json`;
  const csvPath = `data/${file.source}.csv`;
  const json = new DeflatedFile();
  const csv = new DeflatedFile();
  started(json.output);
  appendDeflated(archive, json.output, jsonPath, json);
  let records = 0;
  const spool = new ExportSpool();
  const spooled = pipeline(
    csv.output,
    new Writable({
      write: (chunk: Buffer, _encoding, done) => void spool.write(chunk).then(() => done(), done),
    }),
  );
  spooled.catch(() => {}); // awaited below, or the export already failed
  const write = (file: DeflatedFile, chunk: Buffer): Promise<void> => {
    if (file.destroyed || file.write(chunk)) return Promise.resolve();
    return file.drained();
  };
  let waiting: Promise<unknown>;
  let completed = false;
  const pages = file.pages();
  let header: string[] | null = null;
  /**
   * The next page as its JSON and CSV bytes, each record encoded as it is made (`PageBytes`).
   * The records and the text are dropped before anything is awaited: held while zlib takes the
   * page before, they outlived young collections and were copied and promoted each time (a
   * quarter of the export's time and most of its memory growth); bytes in Buffers are outside
   * the JavaScript heap.
   */
  let jsonExpected = 16 * 1024;
  let csvExpected = 16 * 1024;
  let htmlExpected = 16 * 1024;
  const nextPage = async (): Promise<[Buffer, Buffer, Buffer | null] | null> => {
    const next: IteratorResult<ExportRow[], unknown> = await pages.next();
    if (next.done) return null;
    const page = next.value;
    const jsonPage = new PageBytes(jsonExpected);
    const csvPage = new PageBytes(csvExpected);
    if (!header) {
      header = Object.keys(page[0]);
      csvPage.write('\ufeff' + csvLine(header));
    }
    for (const row of page) {
      jsonPage.write(`${records++ > 0 ? ',\n' : ''}  ${jsonRecord(row)}`);
      csvPage.write(csvRecord(row, header));
    }
    let html: Buffer | null = null;
    if (filePage) {
      const htmlPage = new PageBytes(htmlExpected);
      filePage.rows(page, (text) => htmlPage.write(text));
      htmlExpected = htmlPage.size;
      html = htmlPage.bytes();
    }
    page.length = 0; // emptied, not only let go (see `mapAndEmpty`)
    jsonExpected = jsonPage.size;
    csvExpected = csvPage.size;
    return [jsonPage.bytes(), csvPage.bytes(), html];
  };
  try {
    waiting = Promise.all([write(json, Buffer.from('[\n')), toPage(filePage?.begin() ?? null)]);
    for (let chunks = await nextPage(); chunks; chunks = await nextPage()) {
      if (isAborted()) return [];
      await waiting;
      waiting = Promise.all([write(json, chunks[0]), write(csv, chunks[1]), toPage(chunks[2])]);
    }
    await waiting;
    if (isAborted()) return [];
    await write(json, Buffer.from(records > 0 ? '\n]\n' : ']\n'));
    await toPage(filePage?.end() ?? null);
    json.end();
    csv.end();
    await Promise.race([spooled, archiveFailed]);
    const csvEntry = await spool.readable();
    started(csvEntry);
    appendDeflated(archive, csvEntry, csvPath, csv);
    // The spool is freed once the archive has taken all of it.
    await Promise.race([finished(csvEntry), archiveFailed]);
    completed = true;
  } finally {
    // Stopped half-way: zlib's streams are let go (a finished JSON entry may still be passing into the archive).
    if (!completed) {
      json.destroy();
      csv.destroy();
    }
    await pages.return(undefined);
    await spool.dispose();
  }
  return [
    { path: jsonPath, size: json.size, records, sha256: json.sha256() },
    { path: csvPath, size: csv.size, records, sha256: csv.sha256() },
  ];
}

export function writeText(archive: archiver.Archiver, path: string, text: string): ManifestFile {
  const buffer = Buffer.from(text, 'utf8');
  archive.append(buffer, { name: path });
  return { path, size: buffer.length, records: 0, sha256: createHash('sha256').update(buffer).digest('hex') };
}
