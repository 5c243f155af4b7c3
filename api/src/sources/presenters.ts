import type { AccessLog } from './access-logs/access-log.entity';
import type { CalendarConnection } from './calendar/calendar-connection.entity';
import type { CalendarEvent } from './calendar/calendar-event.entity';
import type { ChatConversation } from './chat/chat-conversation.entity';
import type { ChatMessage } from './chat/chat-message.entity';
import type { ConsentRecord } from './consents/consent-record.entity';
import type { Lead } from './leads/lead.entity';

/** How each source's records are answered by the API. Never a token or a secret. */

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Art. 18: every screen shows a restricted record as such. */
const restriction = (r: { restrictedAt: Date | null; restrictedByRequestId: string | null }) => ({
  restrictedAt: iso(r.restrictedAt),
  restrictedByRequestId: r.restrictedByRequestId,
});

export function presentLead(l: Lead) {
  return {
    id: l.id,
    externalId: l.externalId,
    firstName: l.firstName,
    lastName: l.lastName,
    email: l.email,
    phone: l.phone,
    company: l.company,
    message: l.message,
    spaceType: l.spaceType,
    objective: l.objective,
    utmSource: l.utmSource,
    utmMedium: l.utmMedium,
    utmCampaign: l.utmCampaign,
    utmTerm: l.utmTerm,
    utmContent: l.utmContent,
    landingPage: l.landingPage,
    referrer: l.referrer,
    consentGivenAt: iso(l.consentGivenAt),
    submittedAt: iso(l.submittedAt),
    ingestedAt: iso(l.ingestedAt),
    ...restriction(l),
  };
}

export function presentChatConversation(c: ChatConversation & { messageCount?: number }) {
  return {
    id: c.id,
    externalId: c.externalId,
    provider: c.provider,
    visitorEmail: c.visitorEmail,
    visitorName: c.visitorName,
    startedAt: iso(c.startedAt),
    ingestedAt: iso(c.ingestedAt),
    anonymisedAt: iso(c.anonymisedAt),
    ...restriction(c),
  };
}

export function presentChatMessage(m: ChatMessage) {
  return {
    id: m.id,
    externalId: m.externalId,
    conversationId: m.conversationId,
    role: m.role,
    content: m.content,
    sentAt: iso(m.sentAt),
  };
}

export function presentCalendarConnection(c: CalendarConnection) {
  return {
    id: c.id,
    externalId: c.externalId,
    accountEmail: c.accountEmail,
    scopes: c.scopes,
    // Whether tokens are held, never the tokens.
    holdsTokens: c.accessTokenEncrypted !== null || c.refreshTokenEncrypted !== null,
    connectedAt: iso(c.connectedAt),
    revokedAt: iso(c.revokedAt),
    ingestedAt: iso(c.ingestedAt),
    ...restriction(c),
  };
}

export function presentCalendarEvent(e: CalendarEvent) {
  return {
    id: e.id,
    externalId: e.externalId,
    connectionId: e.connectionId,
    origin: e.origin,
    title: e.title,
    description: e.description,
    attendees: e.attendees,
    startsAt: iso(e.startsAt),
    endsAt: iso(e.endsAt),
    ingestedAt: iso(e.ingestedAt),
    ...restriction(e),
  };
}

export function presentConsent(c: ConsentRecord) {
  return {
    id: c.id,
    externalId: c.externalId,
    consentId: c.consentId,
    email: c.email,
    categories: c.categories,
    action: c.action,
    policyVersion: c.policyVersion,
    doNotTrack: c.doNotTrack,
    recordedAt: iso(c.recordedAt),
    validUntil: iso(c.validUntil),
    ingestedAt: iso(c.ingestedAt),
    ...restriction(c),
  };
}

export function presentAccessLog(a: AccessLog) {
  return {
    id: a.id,
    externalId: a.externalId,
    ip: a.ip,
    userAgent: a.userAgent,
    path: a.path,
    method: a.method,
    status: a.status,
    at: iso(a.at),
    ...restriction(a),
  };
}
