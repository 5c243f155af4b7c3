import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager, In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { seal } from '../common/crypto/secret-box';
import { InvalidInputError } from '../common/errors/domain.error';
import { flattenValidationErrors } from '../common/errors/validation';
import { addMonthsUtc } from '../common/time';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { CalendarConnection } from '../sources/calendar/calendar-connection.entity';
import { CalendarEvent } from '../sources/calendar/calendar-event.entity';
import { ChatConversation } from '../sources/chat/chat-conversation.entity';
import { ChatMessage } from '../sources/chat/chat-message.entity';
import { AccessLog } from '../sources/access-logs/access-log.entity';
import { CONSENT_CATEGORIES, CONSENT_VALIDITY_MONTHS, ConsentRecord } from '../sources/consents/consent-record.entity';
import { Lead } from '../sources/leads/lead.entity';
import { SubjectIndexService } from '../subjects/subject-index.service';
import { SUPPRESSION_LOCK } from '../erasure/suppression';
import { IngestionGate } from './ingestion-gate';
import {
  calendarConnectionIdentifiers,
  calendarEventIdentifiers,
  chatConversationIdentifiers,
  chatMessageIdentifiers,
  consentIdentifiers,
  leadIdentifiers,
  type FoundIdentifier,
} from '../subjects/record-identifiers';
import {
  IngestAccessLogDto,
  IngestCalendarConnectionDto,
  IngestCalendarEventDto,
  IngestChatConversationDto,
  IngestChatMessageDto,
  IngestConsentDto,
  IngestLeadDto,
} from './ingest-dtos';

export const INGEST_SOURCES = [
  'leads',
  'chat-conversations',
  'chat-messages',
  'calendar-connections',
  'calendar-events',
  'consents',
  'access-logs',
] as const;
export type IngestSource = (typeof INGEST_SOURCES)[number];

export const MAX_BATCH = 1000;

export interface IngestResult {
  source: IngestSource;
  received: number;
  created: number;
  /** Records whose externalId was already known: not stored again. */
  duplicates: number;
  /** Records refused because they carry an erased person's e-mail or phone (the suppression list). */
  suppressed: number;
  /** Records stored flagged as restricted: they belong to a person whose processing is restricted. */
  restricted: number;
}

/** What the gate did to a batch: counted across the batch's inserts. */
interface GateTally {
  suppressed: number;
  restricted: number;
}

const DTOS: Record<IngestSource, ClassConstructor<object>> = {
  leads: IngestLeadDto,
  'chat-conversations': IngestChatConversationDto,
  'chat-messages': IngestChatMessageDto,
  'calendar-connections': IngestCalendarConnectionDto,
  'calendar-events': IngestCalendarEventDto,
  consents: IngestConsentDto,
  'access-logs': IngestAccessLogDto,
};

/** Who sent a batch: an API key (by name and prefix) or the console's own demo seeder. */
export interface IngestSender {
  name: string;
  apiKeyPrefix: string | null;
}

/** A record to insert, with the identifiers to index once it has an id. */
interface Prepared<Row> {
  row: Row;
  identifiers: FoundIdentifier[];
}

@Injectable()
export class IngestionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly index: SubjectIndexService,
    private readonly gate: IngestionGate,
  ) {}

  /**
   * Validates every record first, then stores the whole batch in one transaction with its index
   * entries and one audit event: a batch is stored entirely or not at all.
   */
  async ingest(source: IngestSource, body: unknown, sender: IngestSender): Promise<IngestResult> {
    const records = await this.validateBatch(source, body);
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [SUPPRESSION_LOCK]);
      const tally: GateTally = { suppressed: 0, restricted: 0 };
      const { created, duplicates } = await this.store(manager, source, records, tally);
      await this.audit.record(manager, null, {
        action: 'data.ingested',
        entity: source,
        details: {
          sender: sender.name,
          apiKeyPrefix: sender.apiKeyPrefix,
          received: records.length,
          created,
          duplicates,
          ...tally,
        },
      });
      return { source, received: records.length, created, duplicates, ...tally };
    });
    return result;
  }

  private async validateBatch(source: IngestSource, body: unknown): Promise<object[]> {
    const single = body !== null && typeof body === 'object' && !Array.isArray(body);
    const items = single ? [body] : body;
    if (!Array.isArray(items))
      throw new InvalidInputError('The body must be one record (a JSON object) or an array of records');
    if (items.length === 0) throw new InvalidInputError('The batch is empty');
    if (items.length > MAX_BATCH)
      throw new InvalidInputError(`At most ${MAX_BATCH} records per batch (got ${items.length}); split it`);
    const errors: Record<string, string> = {};
    const records: object[] = [];
    for (const [i, item] of items.entries()) {
      const prefix = single ? '' : `[${i}].`;
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        errors[single ? 'body' : `[${i}]`] = 'must be a JSON object';
        continue;
      }
      const record = plainToInstance(DTOS[source], item);
      const problems = await validate(record, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
      const fieldErrors = { ...flattenValidationErrors(problems), ...semanticErrors(source, record) };
      for (const [field, message] of Object.entries(fieldErrors)) errors[`${prefix}${field}`] = message;
      records.push(record);
    }
    if (Object.keys(errors).length > 0) {
      const [first, message] = Object.entries(errors)[0];
      const [, index, field] = /^\[(\d+)\]\.?(.*)$/.exec(first) ?? [null, null, first];
      const where = index === null ? field : field ? `record ${index}, ${field}` : `record ${index}`;
      const more = Object.keys(errors).length - 1;
      throw new InvalidInputError(
        `Nothing was stored: ${where} ${message}${more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : ''}`,
        errors,
      );
    }
    return records;
  }

  private store(
    manager: EntityManager,
    source: IngestSource,
    records: object[],
    tally: GateTally,
  ): Promise<{ created: number; duplicates: number }> {
    switch (source) {
      case 'leads':
        return this.insert(manager, Lead, 'leads', (records as IngestLeadDto[]).map(prepareLead), tally);
      case 'chat-conversations':
        return this.storeConversations(manager, records as IngestChatConversationDto[], tally);
      case 'chat-messages':
        return this.storeMessages(manager, records as IngestChatMessageDto[], tally);
      case 'calendar-connections':
        return this.insert(
          manager,
          CalendarConnection,
          'calendar-connections',
          (records as IngestCalendarConnectionDto[]).map((r) => this.prepareConnection(r)),
          tally,
        );
      case 'calendar-events':
        return this.storeEvents(manager, records as IngestCalendarEventDto[], tally);
      case 'consents':
        return this.insert(
          manager,
          ConsentRecord,
          'consents',
          (records as IngestConsentDto[]).map(prepareConsent),
          tally,
        );
      case 'access-logs':
        return this.insert(
          manager,
          AccessLog,
          'access-logs',
          (records as IngestAccessLogDto[]).map(prepareAccessLog),
          tally,
        );
    }
  }

  /**
   * Inserts rows, skipping those whose externalId is already stored, and indexes the new ones.
   * Answers the new rows' ids in input order (null for a skipped duplicate).
   */
  private async insert<Row extends { externalId: string | null }>(
    manager: EntityManager,
    entity: EntityTarget<ObjectLiteral>,
    source: string,
    all: Prepared<Row>[],
    tally: GateTally,
  ): Promise<{ created: number; duplicates: number; ids: Array<string | null> }> {
    const admitted = await this.gate.admit(manager, source, all, tally);
    const prepared = all.filter((_, i) => admitted[i]);
    if (prepared.length === 0) return { created: 0, duplicates: 0, ids: all.map(() => null) };
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(prepared.map((p) => p.row))
      .orIgnore()
      .returning(['id', 'externalId'])
      .updateEntity(false)
      .execute();
    const rows = inserted.raw as Array<{ id: string; external_id: string | null }>;
    // RETURNING lists the inserted rows in input order; a skipped duplicate is missing.
    const ids: Array<string | null> = [];
    let next = 0;
    const claimed = new Set<string>();
    for (const p of prepared) {
      const row = rows[next];
      const isThis =
        row && row.external_id === p.row.externalId && !(p.row.externalId && claimed.has(p.row.externalId));
      if (isThis) {
        ids.push(row.id);
        if (p.row.externalId) claimed.add(p.row.externalId);
        next++;
      } else {
        ids.push(null);
      }
    }
    await this.index.add(
      manager,
      source,
      prepared.flatMap((p, i) => (ids[i] ? [{ recordId: ids[i]!, identifiers: p.identifiers }] : [])),
    );
    await this.gate.flagConversations(
      manager,
      source,
      prepared.map((p) => p.row),
      ids,
    );
    // Answered in the order of the batch, a refused record like a duplicate: no id.
    let admittedIndex = 0;
    const allIds = admitted.map((ok) => (ok ? ids[admittedIndex++] : null));
    return { created: rows.length, duplicates: prepared.length - rows.length, ids: allIds };
  }

  private async storeConversations(manager: EntityManager, records: IngestChatConversationDto[], tally: GateTally) {
    const result = await this.insert(
      manager,
      ChatConversation,
      'chat-conversations',
      records.map((r) => {
        const row = {
          externalId: r.externalId ?? null,
          provider: r.provider,
          startedAt: new Date(r.startedAt),
          visitorEmail: r.visitorEmail?.toLowerCase() ?? null,
          visitorName: r.visitorName?.trim() || null,
        };
        // The visitor's identity, when the widget gave it: the owner of the conversation.
        return { row, identifiers: chatConversationIdentifiers(row) };
      }),
      tally,
    );
    // Messages come with a new conversation only: a retried conversation already has them.
    const messages = records.flatMap((r, i) =>
      result.ids[i] ? (r.messages ?? []).map((m) => prepareMessage(m, result.ids[i]!)) : [],
    );
    if (messages.length > 0) await this.insert(manager, ChatMessage, 'chat-messages', messages, tally);
    return result;
  }

  private async storeMessages(manager: EntityManager, records: IngestChatMessageDto[], tally: GateTally) {
    const parents = await this.resolveExternalIds(
      manager,
      ChatConversation,
      records.map((r) => r.conversationExternalId),
      'conversationExternalId',
      'conversation',
    );
    return this.insert(
      manager,
      ChatMessage,
      'chat-messages',
      records.map((r) => prepareMessage(r, parents.get(r.conversationExternalId)!)),
      tally,
    );
  }

  private async storeEvents(manager: EntityManager, records: IngestCalendarEventDto[], tally: GateTally) {
    const wanted = records.flatMap((r) => (r.connectionExternalId ? [r.connectionExternalId] : []));
    const parents = await this.resolveExternalIds(
      manager,
      CalendarConnection,
      wanted,
      'connectionExternalId',
      'calendar connection',
    );
    return this.insert(
      manager,
      CalendarEvent,
      'calendar-events',
      records.map((r) => {
        const attendees = (r.attendees ?? []).map((a) => ({ email: a.email ?? null, name: a.name ?? null }));
        const row = {
          externalId: r.externalId ?? null,
          connectionId: r.connectionExternalId ? parents.get(r.connectionExternalId)! : null,
          origin: r.origin,
          title: r.title,
          description: r.description ?? null,
          attendees,
          startsAt: new Date(r.startsAt),
          endsAt: new Date(r.endsAt),
        };
        return { row, identifiers: calendarEventIdentifiers(row) };
      }),
      tally,
    );
  }

  /** Maps parents' external ids to their ids; an unknown one refuses the whole batch. */
  private async resolveExternalIds(
    manager: EntityManager,
    entity: EntityTarget<{ id: string; externalId: string | null }>,
    externalIds: string[],
    field: string,
    what: string,
  ): Promise<Map<string, string>> {
    const unique = [...new Set(externalIds)];
    const found = unique.length
      ? await manager
          .getRepository(entity)
          .find({ select: { id: true, externalId: true }, where: { externalId: In(unique) } })
      : [];
    const map = new Map(found.map((f) => [f.externalId!, f.id]));
    const missing = unique.filter((id) => !map.has(id));
    if (missing.length > 0) {
      throw new InvalidInputError(`Nothing was stored: no ${what} has the externalId "${missing[0]}"; send it first`, {
        [field]: `unknown ${what}: ${missing.slice(0, 5).join(', ')}`,
      });
    }
    return map;
  }

  private prepareConnection(
    r: IngestCalendarConnectionDto,
  ): Prepared<Partial<CalendarConnection> & { externalId: string | null }> {
    const row = {
      externalId: r.externalId ?? null,
      accountEmail: r.accountEmail.toLowerCase(),
      accessTokenEncrypted: r.accessToken ? seal(this.config.encryptionKey, r.accessToken) : null,
      refreshTokenEncrypted: r.refreshToken ? seal(this.config.encryptionKey, r.refreshToken) : null,
      scopes: r.scopes,
      connectedAt: new Date(r.connectedAt),
      revokedAt: r.revokedAt ? new Date(r.revokedAt) : null,
    };
    return { row, identifiers: calendarConnectionIdentifiers(row) };
  }
}

function prepareLead(r: IngestLeadDto): Prepared<Partial<Lead> & { externalId: string | null }> {
  const row = {
    externalId: r.externalId ?? null,
    firstName: r.firstName ?? null,
    lastName: r.lastName ?? null,
    email: r.email,
    phone: r.phone ?? null,
    company: r.company ?? null,
    message: r.message ?? null,
    spaceType: r.spaceType ?? null,
    objective: r.objective ?? null,
    utmSource: r.utmSource ?? null,
    utmMedium: r.utmMedium ?? null,
    utmCampaign: r.utmCampaign ?? null,
    utmTerm: r.utmTerm ?? null,
    utmContent: r.utmContent ?? null,
    landingPage: r.landingPage ?? null,
    referrer: r.referrer ?? null,
    consentGivenAt: r.consentGivenAt ? new Date(r.consentGivenAt) : null,
    submittedAt: new Date(r.submittedAt),
  };
  return { row, identifiers: leadIdentifiers(row) };
}

function prepareMessage(
  m: { externalId?: string; role: ChatMessage['role']; content: string; sentAt: string },
  conversationId: string,
): Prepared<Partial<ChatMessage> & { externalId: string | null }> {
  const row = {
    externalId: m.externalId ?? null,
    conversationId,
    role: m.role,
    content: m.content,
    sentAt: new Date(m.sentAt),
  };
  return { row, identifiers: chatMessageIdentifiers(row) };
}

function prepareConsent(r: IngestConsentDto): Prepared<Partial<ConsentRecord> & { externalId: string | null }> {
  const recordedAt = new Date(r.recordedAt);
  const row = {
    externalId: r.externalId ?? null,
    consentId: r.consentId.trim(),
    email: r.email?.toLowerCase() ?? null,
    categories: Object.fromEntries(
      CONSENT_CATEGORIES.map((c) => [c, r.categories[c] === true]),
    ) as ConsentRecord['categories'],
    action: r.action,
    policyVersion: r.policyVersion,
    doNotTrack: r.doNotTrack ?? false,
    recordedAt,
    validUntil: addMonthsUtc(recordedAt, CONSENT_VALIDITY_MONTHS),
  };
  return { row, identifiers: consentIdentifiers(row) };
}

function prepareAccessLog(r: IngestAccessLogDto): Prepared<Partial<AccessLog> & { externalId: string | null }> {
  return {
    row: {
      externalId: r.externalId ?? null,
      ip: r.ip,
      userAgent: r.userAgent ?? null,
      path: r.path,
      method: r.method,
      status: r.status,
      at: new Date(r.at),
    },
    identifiers: [],
  };
}

/** Rules across fields that decorators do not express. */
function semanticErrors(source: IngestSource, record: object): Record<string, string> {
  if (source === 'calendar-events') {
    const e = record as IngestCalendarEventDto;
    if (e.startsAt && e.endsAt && new Date(e.endsAt) < new Date(e.startsAt))
      return { endsAt: 'must not be before startsAt' };
  }
  if (source === 'consents') {
    const c = record as IngestConsentDto;
    if (c.categories && typeof c.categories === 'object') {
      for (const [category, choice] of Object.entries(c.categories)) {
        if (!(CONSENT_CATEGORIES as readonly string[]).includes(category)) {
          return {
            [`categories.${category}`]: `is not a category of the cookie policy (${CONSENT_CATEGORIES.join(', ')})`,
          };
        }
        if (typeof choice !== 'boolean') return { [`categories.${category}`]: 'must be true or false' };
      }
      if (c.categories.necessary === false)
        return { 'categories.necessary': 'is always true: necessary storage needs no consent' };
    }
  }
  return {};
}
