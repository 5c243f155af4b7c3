import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_LIMITS,
  boundaryOf,
  checkAttachments,
  cleanFileName,
  parseMultipart,
  sniffType,
} from './portal-attachments-rules';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('the portal’s attachments', () => {
  it('reads the type from the content, not the name', () => {
    expect(sniffType(PDF)).toBe('application/pdf');
    expect(sniffType(JPEG)).toBe('image/jpeg');
    expect(sniffType(PNG)).toBe('image/png');
    expect(sniffType(Buffer.from('<html><script>'))).toBeNull();
    expect(sniffType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffType(Buffer.from([0xff, 0xd8]))).toBeNull();
    const html = checkAttachments([{ field: 'attachments', fileName: 'id.pdf', content: Buffer.from('<html>') }]);
    expect(html).toEqual({ ok: false, problem: 'attachment_type' });
  });

  it('names the file by its real type, with no path or control character', () => {
    expect(cleanFileName('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(cleanFileName('C:\\Users\\me\\carta.JPG', 'image/jpeg')).toBe('carta.jpg');
    expect(cleanFileName('fattura"\u0000<x>.exe', 'application/pdf')).toBe('fattura___x_.pdf');
    expect(cleanFileName('', 'application/pdf')).toBe('document.pdf');
  });

  it('limits the number and size of files, ignoring an empty file input', () => {
    const file = (content: Buffer) => ({ field: 'attachments', fileName: 'a.pdf', content });
    expect(checkAttachments([file(Buffer.alloc(0))])).toEqual({ ok: true, attachments: [] });
    expect(checkAttachments(Array.from({ length: ATTACHMENT_LIMITS.files + 1 }, () => file(PDF)))).toEqual({
      ok: false,
      problem: 'attachment_too_many',
    });
    expect(checkAttachments([file(Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_LIMITS.bytes)]))])).toEqual({
      ok: false,
      problem: 'attachment_too_big',
    });
  });

  it('reads a multipart body into fields and files; a broken one is null', () => {
    expect(boundaryOf('multipart/form-data; boundary=----abc123')).toBe('----abc123');
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(boundaryOf('application/json; boundary=x')).toBeNull();
    const body = Buffer.concat([
      Buffer.from('--XX\r\nContent-Disposition: form-data; name="name"\r\n\r\nGiulia Ròssi\r\n'),
      Buffer.from('--XX\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n'),
      Buffer.from(
        '--XX\r\nContent-Disposition: form-data; name="attachments"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n',
      ),
      PNG,
      Buffer.from('\r\n--XX--\r\n'),
    ]);
    const parsed = parseMultipart(body, 'XX')!;
    expect(parsed.fields.get('name')).toBe('Giulia Ròssi');
    expect(parsed.fields.get('__proto__')).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(parsed.files).toEqual([{ field: 'attachments', fileName: 'a.png', content: PNG }]);
    expect(parseMultipart(Buffer.from('--XX\r\nno headers'), 'XX')).toBeNull();
    expect(parseMultipart(Buffer.from('nothing'), 'XX')).toBeNull();
    const huge = Buffer.from(
      `--XX\r\nContent-Disposition: form-data; name="m"\r\n\r\n${'a'.repeat(ATTACHMENT_LIMITS.fields + 1)}\r\n--XX--`,
    );
    expect(parseMultipart(huge, 'XX')).toBeNull();
  });

  it('never throws on hostile bytes (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.string({ minLength: 1, maxLength: 20 }), (bytes, boundary) => {
        const result = parseMultipart(Buffer.concat([Buffer.from(`--${boundary}\r\n`), Buffer.from(bytes)]), boundary);
        expect(result === null || result.fields instanceof URLSearchParams).toBe(true);
      }),
    );
  });
});
