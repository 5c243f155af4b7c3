/** Where the privacy@ mailbox is read: IMAP_URL, checked and taken apart. */
export interface ImapSettings {
  host: string;
  port: number;
  /** TLS from the first byte (imaps://); plain imap:// only to a server on this host. */
  secure: boolean;
  user: string;
  password: string;
  /** The folder new mail arrives in (the URL's path; INBOX when none). */
  folder: string;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

/**
 * Reads `imaps://user:password@host:993/INBOX` (user and password percent-encoded, as an
 * address with @ must be). Answers the problem in words when the URL cannot be used: the
 * password would cross the network in clear over plain imap:// to another host, so that is
 * refused.
 */
export function parseImapUrl(value: string): ImapSettings | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'must be a URL like imaps://user:password@imap.example.com:993/INBOX' };
  }
  if (url.protocol !== 'imaps:' && url.protocol !== 'imap:')
    return { problem: 'must start with imaps:// (or imap:// for a server on this host)' };
  if (!url.hostname) return { problem: 'must name the server: imaps://user:password@imap.example.com:993/INBOX' };
  const secure = url.protocol === 'imaps:';
  if (!secure && !LOOPBACK.test(url.hostname)) {
    return {
      problem:
        'uses plain imap:// to another host, which would send the password and the mail unencrypted: use imaps:// (port 993)',
    };
  }
  if (!url.username || !url.password)
    return { problem: 'must carry the user and the password: imaps://user:password@host:993/INBOX' };
  let user: string;
  let password: string;
  let folder: string;
  try {
    user = decodeURIComponent(url.username);
    password = decodeURIComponent(url.password);
    folder = decodeURIComponent(url.pathname.replace(/^\/+/, '').replace(/\/+$/, '')) || 'INBOX';
  } catch {
    return { problem: 'has a badly percent-encoded user, password or folder' };
  }
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    user,
    password,
    folder,
  };
}

/** The URL with its password hidden, for messages and logs. */
export function maskImapUrl(value: string): string {
  return value.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
