import { extractText, getDocumentProxy } from 'unpdf';

/** Larger PDFs are scans or brochures, not letters: they are left for the officer to open. */
export const MAX_PDF_BYTES = 5 * 1024 * 1024;
const MAX_PAGES = 20;

/**
 * The text of a PDF letter (unpdf, the PDF.js text layer: no network, no worker, no eval), or
 * null when it has none or cannot be read (a scan, a damaged or encrypted file).
 */
export async function pdfText(content: Buffer | Uint8Array): Promise<string | null> {
  if (content.byteLength === 0 || content.byteLength > MAX_PDF_BYTES) return null;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(content), { isEvalSupported: false, stopAtErrors: false });
    try {
      if (pdf.numPages > MAX_PAGES) return null;
      const { text } = await extractText(pdf, { mergePages: true });
      return text.replaceAll('\u0000', '').trim() || null;
    } finally {
      await pdf.destroy();
    }
  } catch {
    return null;
  }
}
