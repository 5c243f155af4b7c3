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
import { attributeText, type IdentifierRole } from './attribution';

/**
 * Which identifiers each source's records hold, in which field, and whose they are (Art. 15(4)):
 * `owner` when the identifier says whose record it is, `mention` when the record only names
 * someone else. This file is the one place where each source declares it: structured fields are
 * the owner's (a lead's e-mail, phone and name; a consent's e-mail and id; a calendar account; a
 * chat's visitor identity; an event's attendees, each an owner of the shared event); free text
 * written by the person follows `attributeText` (a self cue, the only person in the text: owner;
 * a third-party cue, several people: mention); text written by others (an event's title and
 * description) only mentions. Plain functions: ingestion and re-indexing call them alike.
 */
export interface FoundIdentifier {
  kind: IdentifierKind;
  value: string;
  field: string;
  role: IdentifierRole;
}

class Collector {
  readonly found: FoundIdentifier[] = [];

  add(kind: IdentifierKind, value: string | null, field: string, role: IdentifierRole = 'owner'): void {
    if (!value) return;
    const key = `${kind}\u0000${value}\u0000${field}`;
    const earlier = this.found.find((f) => `${f.kind}\u0000${f.value}\u0000${f.field}` === key);
    // Written twice, once with a cue: the writer said it is theirs.
    if (earlier) {
      if (role === 'owner') earlier.role = 'owner';
      return;
    }
    this.found.push({ kind, value, field, role });
  }

  /** Text the person wrote: whose each identifier is follows the rules of `attributeText`. */
  writtenBySubject(text: string | null | undefined, field: string): void {
    const attributed = attributeText(text);
    for (const kind of ['email', 'phone'] as const) {
      for (const a of attributed.filter((x) => x.kind === kind)) this.add(kind, a.value, field, a.role);
    }
  }

  /** Text written by someone else about people (an event's title): every identifier is a mention. */
  writtenByOthers(text: string | null | undefined, field: string): void {
    for (const email of extractEmails(text)) this.add('email', email, field, 'mention');
    for (const phone of extractPhones(text)) this.add('phone', phone, field, 'mention');
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
  c.writtenBySubject(lead.message, 'message');
  return c.found;
}

/**
 * Only the visitor's own messages: the assistant's replies hold the company's addresses and
 * would link every visitor to every other.
 */
export function chatMessageIdentifiers(message: { role: string; content: string }): FoundIdentifier[] {
  const c = new Collector();
  if (message.role === 'user') c.writtenBySubject(message.content, 'content');
  return c.found;
}

/**
 * The visitor's identity, when the chat widget asked for it: the conversation is theirs. What the
 * visitor writes is indexed per message (`chatMessageIdentifiers`).
 */
export function chatConversationIdentifiers(conversation: {
  visitorEmail?: string | null;
  visitorName?: string | null;
}): FoundIdentifier[] {
  const c = new Collector();
  c.add('email', normaliseEmail(conversation.visitorEmail), 'visitorEmail');
  c.add('name', normaliseName(conversation.visitorName), 'visitorName');
  return c.found;
}

export function calendarConnectionIdentifiers(connection: { accountEmail: string }): FoundIdentifier[] {
  const c = new Collector();
  c.add('account', normaliseEmail(connection.accountEmail), 'accountEmail');
  return c.found;
}

export function calendarEventIdentifiers(event: {
  title: string;
  description?: string | null;
  attendees?: Attendee[] | null;
}): FoundIdentifier[] {
  const c = new Collector();
  for (const attendee of event.attendees ?? []) {
    c.add('email', normaliseEmail(attendee.email), 'attendees');
    c.add('name', normaliseName(attendee.name), 'attendees');
  }
  c.writtenByOthers(event.title, 'title');
  c.writtenByOthers(event.description, 'description');
  return c.found;
}

export function consentIdentifiers(consent: { consentId: string; email?: string | null }): FoundIdentifier[] {
  const c = new Collector();
  c.add('consent_id', consent.consentId.trim(), 'consentId');
  c.add('email', normaliseEmail(consent.email), 'email');
  return c.found;
}
