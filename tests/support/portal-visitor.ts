import type { ReceivedMail, SmtpReceiver } from './smtp-receiver';

/** A form's fields in the order a browser sends them. */
export type Fields = Array<[string, string]>;

/** A document chosen in the portal's file input. */
export interface FilePart {
  name: string;
  content: Buffer;
  type?: string;
}

/** The portal's answer as the visitor's browser gets it, redirects not followed. */
export interface PortalAnswer {
  status: number;
  headers: Headers;
  /** The bytes (a downloaded ZIP); `html`, the same as text. */
  body: Buffer;
  html: string;
  location: string | null;
}

/**
 * A visitor of the privacy portal over real HTTP, as a browser without JavaScript: a cookie jar
 * of their own, forms posted URL-encoded (or multipart, with documents), redirects left to the
 * test. `ip`: their network address, sent as X-Forwarded-For (trusted from the loopback), so that
 * each visitor has their own throttle; without it, the loopback's.
 */
export class PortalVisitor {
  private cookies = new Map<string, string>();
  /** The network address the visitor's requests come from, when told. */
  readonly ip?: string;
  private readonly language: string;

  constructor(
    private readonly base: string,
    { ip, language = 'it-IT,it;q=0.9' }: { ip?: string; language?: string } = {},
  ) {
    this.ip = ip;
    this.language = language;
  }

  get(path: string): Promise<PortalAnswer> {
    return this.fetch(path, { method: 'GET' });
  }

  /** A form posted URL-encoded, with the CSRF token `csrf` (none: null); a string is sent as it is. */
  post(path: string, fields: Fields | string, csrf: string | null): Promise<PortalAnswer> {
    const body = typeof fields === 'string' ? fields : new URLSearchParams(fields);
    if (csrf !== null && typeof body !== 'string') body.append('_csrf', csrf);
    return this.fetch(path, {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** A form posted multipart/form-data, as a browser does with a file input. */
  postMultipart(path: string, fields: Fields, files: FilePart[], csrf: string): Promise<PortalAnswer> {
    const body = new FormData();
    for (const [k, v] of [...fields, ['_csrf', csrf]]) body.append(k, v);
    for (const f of files)
      body.append('attachments', new Blob([f.content], { type: f.type ?? 'application/octet-stream' }), f.name);
    return this.fetch(path, { method: 'POST', body });
  }

  /** A body built by hand, with its own content type. */
  postRaw(path: string, body: Buffer, contentType: string): Promise<PortalAnswer> {
    return this.fetch(path, { method: 'POST', body, headers: { 'content-type': contentType } });
  }

  /** The CSRF token of the form on the page at `path`. */
  async csrf(path: string): Promise<string> {
    return csrfOf((await this.get(path)).html);
  }

  /** GET a page with a form, then post to it with the page's CSRF token. */
  async submit(path: string, action: string, fields: Fields): Promise<PortalAnswer> {
    const page = await this.get(path);
    return this.post(action, fields, csrfOf(page.html));
  }

  private async fetch(
    path: string,
    init: { method: string; body?: string | FormData | Buffer; headers?: Record<string, string> },
  ): Promise<PortalAnswer> {
    const response = await fetch(`${this.base}${path}`, {
      ...init,
      redirect: 'manual',
      headers: {
        ...init.headers,
        'accept-language': this.language,
        ...(this.ip ? { 'x-forwarded-for': this.ip } : {}),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      this.cookies.set(name.trim(), value);
    }
    const body = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      headers: response.headers,
      body,
      html: body.toString('utf8'),
      location: response.headers.get('location'),
    };
  }
}

/** The CSRF token in a portal page's form ('' when it has none). */
export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** A mail's subject and text, as its reader sees them. */
export const textOf = (mail: ReceivedMail) => `${mail.parsed.subject ?? ''}\n${mail.parsed.text ?? ''}`;

/** The portal's 6-digit code in the first mail to `email` after the mailbox's first `after` messages. */
export async function codeMailedTo(smtp: SmtpReceiver, email: string, after: number): Promise<string> {
  const mail = await smtp.waitFor((m) => m.envelopeTo.includes(email) && smtp.messages.indexOf(m) >= after);
  return /\b(\d{6})\b/.exec(mail.parsed.text ?? '')![1];
}
