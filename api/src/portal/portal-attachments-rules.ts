/**
 * The documents a subject may attach on the privacy portal, as plain functions: the multipart
 * body read by hand (field names never become object properties), the type read from the
 * content's first bytes (a name says nothing), the limits.
 */

export const ATTACHMENT_LIMITS = {
  /** Files per form or message. */
  files: 3,
  /** Bytes per file. */
  bytes: 5 * 1024 * 1024,
  /** The whole multipart body: the files and the fields. */
  body: 16 * 1024 * 1024,
  /** The text fields together, as for a URL-encoded form. */
  fields: 32 * 1024,
} as const;

/** What the portal accepts, by the content's signature. */
export const ATTACHMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export interface UploadedFile {
  field: string;
  fileName: string;
  content: Buffer;
}

export interface Attachment {
  fileName: string;
  contentType: AttachmentType;
  content: Buffer;
}

export type AttachmentProblem = 'attachment_type' | 'attachment_too_big' | 'attachment_too_many';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type the bytes are, whatever the file was called: a PDF, a JPEG or a PNG; else null. */
export function sniffType(content: Buffer): AttachmentType | null {
  // A PDF may have a few bytes before its header (PDF 32000-1, 7.5.2 tolerates up to 1024).
  if (content.subarray(0, 1024).includes('%PDF-')) return 'application/pdf';
  if (content.length >= 4 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.length >= 8 && content.subarray(0, 8).equals(PNG)) return 'image/png';
  return null;
}

// eslint-disable-next-line no-control-regex -- control characters are what is removed
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u2028\u2029"<>:|?*\\/]/g;

/** A name the officer's download can use: no path, no control character, the extension of its real type. */
export function cleanFileName(name: string, type: AttachmentType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(UNSAFE_NAME, '_')
    .replace(/[\ud800-\udfff]/g, '_')
    .trim()
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .slice(0, 100);
  return `${base || 'document'}.${ATTACHMENT_TYPES[type]}`;
}

/** The files of a form, checked: empty file inputs ignored; each a PDF, JPEG or PNG of at most the limit. */
export function checkAttachments(
  files: UploadedFile[],
): { ok: true; attachments: Attachment[] } | { ok: false; problem: AttachmentProblem } {
  const given = files.filter((f) => f.content.length > 0);
  if (given.length > ATTACHMENT_LIMITS.files) return { ok: false, problem: 'attachment_too_many' };
  const attachments: Attachment[] = [];
  for (const file of given) {
    if (file.content.length > ATTACHMENT_LIMITS.bytes) return { ok: false, problem: 'attachment_too_big' };
    const type = sniffType(file.content);
    if (!type) return { ok: false, problem: 'attachment_type' };
    attachments.push({ fileName: cleanFileName(file.fileName, type), contentType: type, content: file.content });
  }
  return { ok: true, attachments };
}

/** The boundary of a multipart/form-data content type (RFC 2046: 1 to 70 characters), or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

const CRLF2 = Buffer.from('\r\n\r\n');

/**
 * A multipart/form-data body (RFC 7578) read into its text fields and its files; null when it is
 * not well formed or its fields are over the limit. Field names stay strings in a URLSearchParams.
 */
export function parseMultipart(
  body: Buffer,
  boundary: string,
): { fields: URLSearchParams; files: UploadedFile[] } | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  const fields = new URLSearchParams();
  const files: UploadedFile[] = [];
  let fieldBytes = 0;
  let at = body.indexOf(delimiter);
  if (at < 0) return null;
  at += delimiter.length;
  for (let parts = 0; ; parts++) {
    if (parts > 100) return null;
    if (body.subarray(at, at + 2).toString('latin1') === '--') return { fields, files };
    if (body.subarray(at, at + 2).toString('latin1') !== '\r\n') return null;
    const headerEnd = body.indexOf(CRLF2, at + 2);
    if (headerEnd < 0 || headerEnd - at > 4096) return null;
    const headers = body.subarray(at + 2, headerEnd).toString('utf8');
    const end = body.indexOf(next, headerEnd + 4);
    if (end < 0) return null;
    const content = body.subarray(headerEnd + 4, end);
    const disposition = /^content-disposition:\s*form-data\s*(;.*)$/im.exec(headers)?.[1];
    if (!disposition) return null;
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    const fileName = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return null;
    if (fileName !== undefined) files.push({ field: name, fileName, content: Buffer.from(content) });
    else {
      fieldBytes += content.length + name.length;
      if (fieldBytes > ATTACHMENT_LIMITS.fields) return null;
      fields.append(name, content.toString('utf8'));
    }
    at = end + next.length;
  }
}
