/**
 * Where the officer's letters are sent: SMTP_URL and MAIL_FROM, checked and taken apart.
 *
 * - `smtps://user:password@host:465`: TLS from the first byte (the usual choice, Aruba's too);
 * - `smtp://user:password@host:587` to another host: sent only after STARTTLS (the server must
 *   offer it, else the send fails): the password and the letters never cross the network in clear;
 * - `smtp://host:25` on this host (a local relay, the tests' receiver): plain, no STARTTLS tried.
 */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (smtps://). */
  secure: boolean;
  /** smtp:// to another host: STARTTLS or no send. */
  requireTls: boolean;
  /** None for a relay on this host that takes mail without signing in. */
  auth: { user: string; pass: string } | null;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

/** Reads SMTP_URL; answers the problem in words when it cannot be used. */
export function parseSmtpUrl(value: string): SmtpSettings | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'must be a URL like smtps://user:password@smtp.example.com:465' };
  }
  if (url.protocol !== 'smtps:' && url.protocol !== 'smtp:')
    return { problem: 'must start with smtps:// (or smtp:// with STARTTLS, or to a relay on this host)' };
  if (!url.hostname) return { problem: 'must name the server: smtps://user:password@smtp.example.com:465' };
  const secure = url.protocol === 'smtps:';
  const loopback = LOOPBACK.test(url.hostname);
  let auth: SmtpSettings['auth'] = null;
  try {
    if (url.username || url.password)
      auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  } catch {
    return { problem: 'has a badly percent-encoded user or password' };
  }
  if (!auth && !loopback)
    return { problem: 'must carry the user and the password: smtps://user:password@smtp.example.com:465' };
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : loopback ? 25 : 587,
    secure,
    requireTls: !secure && !loopback,
    auth,
  };
}

/** The URL with its password hidden, for messages and logs. */
export function maskSmtpUrl(value: string): string {
  return value.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

export interface MailFrom {
  /** As given: `Privacy Vimage <privacy@vimage.it>` or `privacy@vimage.it`. */
  header: string;
  address: string;
  /** The domain of the Message-IDs the console writes. */
  domain: string;
}

const ADDRESS = /^[^\s<>@"]+@([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)$/;

/** Reads MAIL_FROM: an address, or a name and an address in angle brackets. */
export function parseMailFrom(value: string): MailFrom | { problem: string } {
  const text = value.trim();
  const angled = /^([^<>]*)<([^<>]+)>$/.exec(text);
  const address = (angled ? angled[2] : text).trim();
  const match = ADDRESS.exec(address);
  if (!match || /[\r\n]/.test(text))
    return { problem: 'must be an address like privacy@example.com, or "Privacy <privacy@example.com>"' };
  return { header: text, address, domain: match[1].toLowerCase() };
}
