import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PDF_BYTES, pdfText } from './pdf-text';

const SAMPLE = join(
  __dirname,
  '../../../../tests/fixtures/letters/templates/en-sample-letter-access-datarequests.org.pdf',
);

describe('pdfText', () => {
  it('reads the text of a letter printed to PDF', async () => {
    const text = await pdfText(readFileSync(SAMPLE));
    expect(text).toMatch(/^Request to access to personal data according to Art\. 15 GDPR\nTo Whom It May Concern:/);
    expect(text).toMatch(/machine-readable format/);
  });

  it('gives nothing for a damaged, empty or oversized file, without throwing', async () => {
    expect(
      await pdfText(Buffer.from('%PDF-1.4\n1 0 obj <</Type/Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF')),
    ).toBeNull();
    expect(await pdfText(Buffer.from('not a pdf at all'))).toBeNull();
    expect(await pdfText(Buffer.alloc(0))).toBeNull();
    expect(await pdfText(Buffer.alloc(MAX_PDF_BYTES + 1))).toBeNull();
  });
});
