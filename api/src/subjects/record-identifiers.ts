import type { Attendee } from '../sources/calendar/calendar-event.entity';
import {
  extractEmails,
  extractPhones,
  normaliseEmail,
  normaliseFullName,
  normaliseName,
  normalisePhone,
  type IdentifierKind,
} from './identifiers';

/**
 * Which identifiers each source's records hold, and in which field. Free text is searched for
 * e-mails and phone numbers. Plain functions: ingestion and re-indexing call them alike.
 */
export interface FoundIdentifier {
  kind: IdentifierKind;
  value: string;
  field: string;
}

class Collector {
  private readonly seen = new Set<string>();
  readonly found: FoundIdentifier[] = [];

  add(kind: IdentifierKind, value: string | null, field: string): void {
    if (!value) return;
    const key = `${kind}\u0000${value}\u0000${field}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.found.push({ kind, value, field });
  }

  text(text: string | null | undefined, field: string): void {
    for (const email of extractEmails(text)) this.add('email', email, field);
    for (const phone of extractPhones(text)) this.add('phone', phone, field);
  }
}

export function leadIdentifiers(lead: {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  message?: string | null;
}): FoundIdentifier[] {
  const c = new Collector();
  c.add('email', normaliseEmail(lead.email), 'email');
  c.add('phone', normalisePhone(lead.phone), 'phone');
  c.add('name', normaliseFullName(lead.firstName, lead.lastName), 'name');
  c.text(lead.message, 'message');
  return c.found;
}

/**
 * Only the visitor's own messages: the assistant's replies hold the company's addresses and
 * would link every visitor to every other.
 */
export function chatMessageIdentifiers(message: { role: string; content: string }): FoundIdentifier[] {
  const c = new Collector();
  if (message.role === 'user') c.text(message.content, 'content');
  return c.found;
}

export function calendarConnectionIdentifiers(connection: { accountEmail: string }): FoundIdentifier[] {
  const c = new Collector();
  c.add('account', normaliseEmail(connection.accountEmail), 'accountEmail');
  return c.found;
}

export function calendarEventIdentifiers(event: { title: string; description?: string | null; attendees?: Attendee[] | null }): FoundIdentifier[] {
  const c = new Collector();
  for (const attendee of event.attendees ?? []) {
    c.add('email', normaliseEmail(attendee.email), 'attendees');
    c.add('name', normaliseName(attendee.name), 'attendees');
  }
  c.text(event.title, 'title');
  c.text(event.description, 'description');
  return c.found;
}

export function consentIdentifiers(consent: { consentId: string; email?: string | null }): FoundIdentifier[] {
  const c = new Collector();
  c.add('consent_id', consent.consentId.trim(), 'consentId');
  c.add('email', normaliseEmail(consent.email), 'email');
  return c.found;
}
