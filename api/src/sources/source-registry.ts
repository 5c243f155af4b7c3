import type { ObjectLiteral } from 'typeorm';
import type { ListSpec } from '../common/rest/list-query';
import { AccessLog } from './access-logs/access-log.entity';
import { CalendarConnection } from './calendar/calendar-connection.entity';
import { CalendarEvent, EVENT_ORIGINS } from './calendar/calendar-event.entity';
import { CHAT_PROVIDERS, ChatConversation } from './chat/chat-conversation.entity';
import { CHAT_ROLES, ChatMessage } from './chat/chat-message.entity';
import { CONSENT_ACTIONS, ConsentRecord } from './consents/consent-record.entity';
import { Lead } from './leads/lead.entity';
import {
  presentAccessLog,
  presentCalendarConnection,
  presentCalendarEvent,
  presentChatConversation,
  presentChatMessage,
  presentConsent,
  presentLead,
} from './presenters';

/**
 * The personal-data sources the policies name, each with its entity, list contract and
 * presenter. The read-only resources and the subject search are built from this table.
 */
export interface SourceDefinition<T extends ObjectLiteral = any> {
  resource: string;
  entity: new () => T;
  list: ListSpec;
  present: (row: T) => Record<string, unknown>;
  idType: 'uuid' | 'integer';
}

const source = <T extends ObjectLiteral>(definition: SourceDefinition<T>) => definition;

export const SOURCES = [
  source({
    resource: 'leads',
    entity: Lead,
    present: presentLead,
    idType: 'uuid',
    list: {
      resource: 'leads',
      fields: {
        id: 'uuid',
        externalId: 'text',
        firstName: 'text',
        lastName: 'text',
        email: 'text',
        phone: 'text',
        company: 'text',
        spaceType: 'text',
        objective: 'text',
        utmSource: 'text',
        utmMedium: 'text',
        utmCampaign: 'text',
        landingPage: 'text',
        submittedAt: 'datetime',
        consentGivenAt: 'datetime',
        ingestedAt: 'datetime',
      },
      searchable: ['firstName', 'lastName', 'email', 'phone', 'company'],
      defaultSort: ['submittedAt', 'DESC'],
    },
  }),
  source({
    resource: 'chat-conversations',
    entity: ChatConversation,
    present: presentChatConversation,
    idType: 'uuid',
    list: {
      resource: 'chat-conversations',
      fields: {
        id: 'uuid',
        externalId: 'text',
        provider: { enum: CHAT_PROVIDERS },
        startedAt: 'datetime',
        ingestedAt: 'datetime',
      },
      searchable: ['externalId'],
      defaultSort: ['startedAt', 'DESC'],
    },
  }),
  source({
    resource: 'chat-messages',
    entity: ChatMessage,
    present: presentChatMessage,
    idType: 'uuid',
    list: {
      resource: 'chat-messages',
      fields: {
        id: 'uuid',
        externalId: 'text',
        conversationId: 'uuid',
        role: { enum: CHAT_ROLES },
        sentAt: 'datetime',
      },
      searchable: ['content'],
      defaultSort: ['sentAt', 'ASC'],
    },
  }),
  source({
    resource: 'calendar-connections',
    entity: CalendarConnection,
    present: presentCalendarConnection,
    idType: 'uuid',
    list: {
      resource: 'calendar-connections',
      fields: {
        id: 'uuid',
        externalId: 'text',
        accountEmail: 'text',
        connectedAt: 'datetime',
        revokedAt: 'datetime',
        ingestedAt: 'datetime',
      },
      searchable: ['accountEmail'],
      defaultSort: ['connectedAt', 'DESC'],
    },
  }),
  source({
    resource: 'calendar-events',
    entity: CalendarEvent,
    present: presentCalendarEvent,
    idType: 'uuid',
    list: {
      resource: 'calendar-events',
      fields: {
        id: 'uuid',
        externalId: 'text',
        connectionId: 'uuid',
        origin: { enum: EVENT_ORIGINS },
        title: 'text',
        startsAt: 'datetime',
        endsAt: 'datetime',
      },
      searchable: ['title', 'description'],
      defaultSort: ['startsAt', 'DESC'],
    },
  }),
  source({
    resource: 'consents',
    entity: ConsentRecord,
    present: presentConsent,
    idType: 'uuid',
    list: {
      resource: 'consents',
      fields: {
        id: 'uuid',
        externalId: 'text',
        consentId: 'text',
        email: 'text',
        action: { enum: CONSENT_ACTIONS },
        policyVersion: 'text',
        doNotTrack: 'boolean',
        recordedAt: 'datetime',
        validUntil: 'datetime',
      },
      searchable: ['consentId', 'email'],
      defaultSort: ['recordedAt', 'DESC'],
    },
  }),
  source({
    resource: 'access-logs',
    entity: AccessLog,
    present: presentAccessLog,
    idType: 'integer',
    list: {
      resource: 'access-logs',
      fields: { id: 'integer', externalId: 'text', path: 'text', method: 'text', status: 'integer', at: 'datetime' },
      searchable: ['path'],
      defaultSort: ['at', 'DESC'],
    },
  }),
] as const satisfies readonly SourceDefinition[];

export type SourceName = (typeof SOURCES)[number]['resource'];

export function sourceNamed(name: string): SourceDefinition {
  const found = SOURCES.find((s) => s.resource === name);
  if (!found) throw new Error(`unknown source ${name}`);
  return found as SourceDefinition;
}
