import type { HeaderList } from './mail-triage';

/** A request's reference as the console writes it in the subject of its letters: DSR-2026-0001. */
const REFERENCE = /\bDSR-(\d{4})-(\d{4,})\b/i;

/**
 * The characters a Message-ID can hold (RFC 5322: printable, no space, no angle brackets). A
 * control character, NUL above all, is none: PostgreSQL refuses NUL in text, and one message
 * carrying it would fail its whole batch of the mailbox, every time it is read.
 */
const ID = String.raw`[^<>\s\u0000-\u001f\u007f]+`;
const BRACKETED_IDS = new RegExp(`<(${ID})>`, 'g');
const BRACKETED_ID = new RegExp(`<(${ID})>`);
const WHOLE_ID = new RegExp(`^<?${ID}>?$`);

/** The Message-IDs a reply names: In-Reply-To first, then References, newest first, each `<...>`. */
export function threadMessageIds(headers: HeaderList): string[] {
  const ids: string[] = [];
  const add = (value: string | undefined) => {
    for (const match of (value ?? '').matchAll(BRACKETED_IDS)) {
      const id = `<${match[1]}>`;
      if (!ids.includes(id)) ids.push(id);
    }
  };
  for (const [name, value] of headers) if (name === 'in-reply-to') add(value);
  const references = headers
    .filter(([name]) => name === 'references')
    .map(([, value]) => value)
    .join(' ');
  // References lists the thread oldest first: the newest is the likeliest to be ours.
  add(
    [...references.matchAll(BRACKETED_IDS)]
      .map((m) => m[0])
      .reverse()
      .join(' '),
  );
  return ids.slice(0, 50);
}

/** The Message-ID header's value as `<id>`, or null when there is none. */
export function messageIdOf(headers: HeaderList): string | null {
  const value = headers.find(([name]) => name === 'message-id')?.[1];
  const id = BRACKETED_ID.exec(value ?? '')?.[1] ?? value?.trim().split(/\s+/)[0];
  return id && WHOLE_ID.test(id) ? `<${id}>`.slice(0, 998) : null;
}

/** The request reference named in a subject line (upper case), or null. */
export function referenceInSubject(subject: string | null | undefined): string | null {
  const match = REFERENCE.exec(subject ?? '');
  return match ? `DSR-${match[1]}-${match[2]}` : null;
}
