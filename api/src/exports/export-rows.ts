import type { Attendee } from '../sources/calendar/calendar-event.entity';

/**
 * What each source's records look like in a package: the subject's data in their words, never a
 * token, an internal id, or another person's data. `portability` keeps only what the person
 * provided themselves (Art. 20); `access` everything held about them (Art. 15).
 */
export type ExportKind = 'access' | 'portability';

/** Dates from the database, or instants already formatted as ISO text by it. */
const iso = (d: Date | string | null | undefined) => (d == null ? null : typeof d === 'string' ? d : d.toISOString());

export function leadRow(l: Record<string, any>, kind: ExportKind) {
  const typed = {
    firstName: l.first_name,
    lastName: l.last_name,
    email: l.email,
    phone: l.phone,
    company: l.company,
    message: l.message,
    spaceType: l.space_type,
    objective: l.objective,
    consentGivenAt: iso(l.consent_given_at),
    submittedAt: iso(l.submitted_at),
  };
  if (kind === 'portability') return typed;
  return {
    ...typed,
    utmSource: l.utm_source,
    utmMedium: l.utm_medium,
    utmCampaign: l.utm_campaign,
    utmTerm: l.utm_term,
    utmContent: l.utm_content,
    landingPage: l.landing_page,
    referrer: l.referrer,
  };
}

/**
 * A UTC timestamp as PostgreSQL writes it (`2026-11-22 10:15:00.123456`, `(t AT TIME ZONE 'UTC')::text`)
 * as ISO 8601 to the millisecond, cut as `Date#toISOString` and `to_char(..., 'MS')` cut it.
 */
export function isoFromUtcText(text: string): string {
  if (text.length === 19 && text[10] === ' ') return `${text.slice(0, 10)}T${text.slice(11)}.000Z`;
  if (text.length > 20 && text.length <= 26 && text[10] === ' ' && text[19] === '.')
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${text.slice(20, 23).padEnd(3, '0')}Z`;
  throw new Error(`Not a UTC timestamp as PostgreSQL writes it: ${text}`);
}

/** One line per message, with its conversation; the assistant's replies only in access packages. */
export function chatMessageRow(
  conversation: { started_at: string; provider: string },
  role: string,
  content: string,
  sentUtc: string,
) {
  return {
    conversationStartedAt: conversation.started_at,
    provider: conversation.provider,
    role,
    content,
    sentAt: isoFromUtcText(sentUtc),
  };
}

export function calendarConnectionRow(c: Record<string, any>) {
  return {
    accountEmail: c.account_email,
    scopes: c.scopes,
    connectedAt: iso(c.connected_at),
    revokedAt: iso(c.revoked_at),
  };
}

/** Other participants are other people: only their number is given. */
export function calendarEventRow(e: Record<string, any>, own: (attendee: Attendee) => boolean) {
  const attendees = (e.attendees ?? []) as Attendee[];
  const mine = attendees.filter(own);
  return {
    origin: e.origin,
    title: e.title,
    description: e.description,
    startsAt: iso(e.starts_at),
    endsAt: iso(e.ends_at),
    you: mine.map((a) => [a.name, a.email].filter(Boolean).join(' ')).join('; ') || null,
    otherParticipants: attendees.length - mine.length,
  };
}

export function consentRow(c: Record<string, any>) {
  return {
    consentId: c.consent_id,
    email: c.email,
    action: c.action,
    ...Object.fromEntries(
      Object.entries(c.categories as Record<string, boolean>).map(([k, v]) => [`category_${k}`, v]),
    ),
    policyVersion: c.policy_version,
    doNotTrack: c.do_not_track,
    recordedAt: iso(c.recorded_at),
    validUntil: iso(c.valid_until),
  };
}
