/**
 * What in the privacy@ mailbox is no request and must not start a legal deadline: answers sent
 * by machines (out-of-office replies, RFC 3834), delivery reports (bounces, RFC 3464) and mail
 * from lists and newsletters, read from the headers only (`triageMail`); and a letter a person
 * wrote that asks us no right (`triageReading`, from the intake's reading of its words).
 */
export const OTHER_MAIL_KINDS = ['auto_reply', 'delivery_report', 'list_mail', 'unreadable', 'no_request'] as const;
export type OtherMailKind = (typeof OTHER_MAIL_KINDS)[number];

export interface Triage {
  kind: OtherMailKind;
  /** The header that decided, in words (for the officer; no personal data). */
  reason: string;
}

/** Headers as read by `headerFields`: lower-case names, unfolded values, in order. */
export type HeaderList = Array<[string, string]>;

/** The sender's mailbox names of mail systems (a bounce comes from one). */
const MAIL_SYSTEM_SENDERS = /^(mailer-daemon|mail-daemon|postmaster)$/i;

/** Null when the message may be a person writing: it goes on to the intake. */
export function triageMail(headers: HeaderList): Triage | null {
  const first = (name: string) => headers.find(([n]) => n === name)?.[1];
  const has = (name: string) => headers.some(([n]) => n === name);

  const contentType = (first('content-type') ?? '').toLowerCase();
  if (/^multipart\/report\b/.test(contentType)) {
    const reportType = /report-type\s*=\s*"?([\w-]+)/.exec(contentType)?.[1] ?? 'unknown';
    return { kind: 'delivery_report', reason: `Content-Type: multipart/report (report-type=${reportType})` };
  }
  const sender = senderLocalPart(first('from') ?? '');
  if (sender && MAIL_SYSTEM_SENDERS.test(sender)) {
    return { kind: 'delivery_report', reason: `From: ${sender.toUpperCase()} (a mail system)` };
  }

  // RFC 3834 §5: any value but "no" means a machine sent it.
  const autoSubmitted = first('auto-submitted');
  if (autoSubmitted !== undefined) {
    const value = autoSubmitted.split(';')[0].trim().toLowerCase();
    if (value !== 'no' && value !== '') return { kind: 'auto_reply', reason: `Auto-Submitted: ${value}` };
  }
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponse']) {
    const value = first(name);
    if (value !== undefined && !/^\s*(no|false|0)\s*$/i.test(value)) {
      return { kind: 'auto_reply', reason: `${headerName(name)} present` };
    }
  }
  const precedence = (first('precedence') ?? '').trim().toLowerCase();
  if (precedence === 'list') return { kind: 'list_mail', reason: 'Precedence: list' };
  if (precedence === 'bulk' || precedence === 'junk')
    return { kind: 'auto_reply', reason: `Precedence: ${precedence}` };

  if (has('list-id')) return { kind: 'list_mail', reason: 'List-Id present' };
  if (has('list-unsubscribe')) return { kind: 'list_mail', reason: 'List-Unsubscribe present' };
  return null;
}

/** The reason of a complaint to a supervisory authority: the words that lodge it follow. */
export const COMPLAINT_REASON = 'complaint: ';
/** The reason of a letter in which no right is asked. */
export const NO_RIGHT_REASON = 'no right asked';

/**
 * A letter that asks us no right: a complaint lodged with a supervisory authority (Art. 77), or
 * one in whose own words the reading finds no right (a question, a thank-you, a complaint about
 * a delivery). `details` is the intake's received line (email-intake.ts). Null: a request.
 */
export function triageReading(details: Record<string, unknown>): Triage | null {
  if (typeof details.complaint === 'string' && details.complaint)
    return { kind: 'no_request', reason: `${COMPLAINT_REASON}"${details.complaint}"` };
  if (Array.isArray(details.requestedTypes) && details.requestedTypes.length === 0)
    return { kind: 'no_request', reason: NO_RIGHT_REASON };
  return null;
}

/** The part before @ of the first address in a From: header ("Mail Delivery <MAILER-DAEMON@x>"). */
function senderLocalPart(from: string): string | null {
  const angle = /<([^>]*)>/.exec(from)?.[1] ?? from;
  const local = /^\s*"?([^"@\s<>]+)"?@/.exec(angle)?.[1] ?? (/^\s*([\w.-]+)\s*$/.exec(angle)?.[1] || null);
  return local;
}

function headerName(name: string): string {
  return name.replace(/(^|-)(\w)/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}
