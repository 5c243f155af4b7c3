import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { open, seal } from '../common/crypto/secret-box';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { appendToTimeline } from '../requests/request-timeline';
import { DataSubjectRequest } from '../requests/request.entity';
import { CalendarConnection } from '../sources/calendar/calendar-connection.entity';
import { CalendarEvent } from '../sources/calendar/calendar-event.entity';
import { ChatConversation } from '../sources/chat/chat-conversation.entity';
import { ChatMessage } from '../sources/chat/chat-message.entity';
import { normaliseEmail, normaliseName, normalisePhone } from '../subjects/identifiers';
import { calendarEventIdentifiers, chatMessageIdentifiers, leadIdentifiers } from '../subjects/record-identifiers';
import { Lead } from '../sources/leads/lead.entity';
import { SubjectIndexService } from '../subjects/subject-index.service';
import { SubjectSearchService, type LocatedSubject } from '../subjects/subject-search.service';
import { ErasurePlanRecord } from './erasure-plan.entity';
import { ErasureStep, type ErasureStepStatus } from './erasure-step.entity';
import { revokeGoogleToken } from './google-revocation';
import { maskText, type SubjectIdentifiers } from './masking';
import { normaliseIps, requireActionable } from './request-guards';
import { returnedRows } from '../common/sql-rows';
import { tryRunLock } from '../common/run-lock';
import { SUPPRESSION_LOCK, suppressionHash, type SuppressedKind } from './suppression';
import { DataKeys } from '../common/crypto/data-keys.service';

/**
 * The order a run takes: events before the connections they belong to, the call to Google before
 * anything local of the connection goes, leads (which link the person's identifiers) last.
 */
export const ERASABLE_SOURCES = [
  'calendar-events',
  'calendar-connections',
  'chat-conversations',
  'consents',
  'access-logs',
  'leads',
] as const;
export type ErasableSource = (typeof ERASABLE_SOURCES)[number];

/**
 * What happens to a record, per source (docs/erasure.md says why):
 * delete: gone; mask: kept for statistics with the person's identifiers masked (chat);
 * unlink: kept as proof with the e-mail removed (consents); revoke_and_delete: the token is
 * revoked at Google, then the connection and its tokens are destroyed; remove_attendee: an event
 * of someone else's calendar loses the person from its attendees and text; mask_mention: a record
 * of someone else that only mentions the person (a lead's message, a visitor's chat) loses the
 * person's e-mails and phones, nothing else (Art. 17 for the person, nothing taken from the owner).
 */
export type ErasureAction = 'delete' | 'mask' | 'unlink' | 'revoke_and_delete' | 'remove_attendee' | 'mask_mention';

export interface PlannedChange {
  id: string;
  action: ErasureAction;
  /** The record as the officer recognises it: a date, a title, an address. */
  summary: string;
}

export interface SourceErasure {
  source: ErasableSource;
  total: number;
  /** The records, at most MAX_LISTED; `total` counts them all. */
  records: PlannedChange[];
  /** After a run: the step's state. */
  status?: ErasureStepStatus | 'pending';
  recordsAffected?: number;
  error?: string | null;
  waiverReason?: string | null;
}

export interface ErasureReport {
  requestId: string;
  reference: string;
  dryRun: boolean;
  /** complete: every source done or waived; incomplete: a source failed (run again, or waive it). */
  state: 'preview' | 'complete' | 'incomplete';
  identifiers: { emails: number; phones: number; names: number; ips: number };
  suppressed: number;
  sources: SourceErasure[];
}

/** The plan fixed at the first run (sealed in erasure_plans). */
interface ErasurePlan {
  identifiers: SubjectIdentifiers & { ips: string[] };
  records: Record<ErasableSource, string[]>;
  /**
   * Records of other people that only mention the person (or that they share with someone else):
   * only the person's e-mails and phones are masked in them. Absent in plans sealed before.
   */
  mentions?: { leads: string[]; 'chat-conversations': string[] };
}

const MAX_LISTED = 1000;
/** The advisory-lock namespace of erasure runs (the request id names the lock within it). */
const ERASURE_LOCK = 727_004;

@Injectable()
export class ErasureService {
  private readonly logger = new Logger(ErasureService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly search: SubjectSearchService,
    private readonly index: SubjectIndexService,
    private readonly dataKeys: DataKeys,
  ) {}

  /** The erasure's state: the steps run so far, or (before any run) nothing. */
  async status(requestId: string): Promise<{ steps: ErasureStep[]; startedAt: Date | null; completedAt: Date | null }> {
    const [plan, steps] = await Promise.all([
      this.dataSource.getRepository(ErasurePlanRecord).findOne({ where: { requestId } }),
      this.dataSource.getRepository(ErasureStep).find({ where: { requestId } }),
    ]);
    steps.sort(
      (a, b) =>
        ERASABLE_SOURCES.indexOf(a.source as ErasableSource) - ERASABLE_SOURCES.indexOf(b.source as ErasableSource),
    );
    return { steps, startedAt: plan?.createdAt ?? null, completedAt: plan?.completedAt ?? null };
  }

  /**
   * Lists what a run would change (dryRun) or runs it: each source in its own transaction, its
   * outcome written to erasure_steps; a second run does only what is not done yet.
   */
  async erase(actor: Actor, requestId: string, options: { dryRun: boolean; ips?: unknown[] }): Promise<ErasureReport> {
    const request = await this.loadRequest(requestId);
    requireActionable(request, ['erasure']);
    const ips = normaliseIps(options.ips ?? []);
    const stored = await this.dataSource.getRepository(ErasurePlanRecord).findOne({ where: { requestId } });
    if (stored?.completedAt) throw new ConflictError(`The erasure of ${request.reference} is already complete`);
    if (stored && ips.length)
      throw new InvalidInputError('ips: the erasure has started; the IP addresses were fixed at its first run', {
        ips: 'only on the first run',
      });

    if (options.dryRun) {
      const plan = stored?.sealed ? this.unseal(stored.sealed) : await this.buildPlan(request, ips);
      const steps = await this.dataSource.getRepository(ErasureStep).find({ where: { requestId } });
      const sources = await this.describe(this.dataSource.manager, plan, steps);
      await this.audit.recordNow(actor, {
        action: 'erasure.previewed',
        entity: 'request',
        entityId: requestId,
        details: { reference: request.reference, records: Object.fromEntries(sources.map((s) => [s.source, s.total])) },
      });
      return this.report(request, true, plan, sources, steps);
    }

    const lock = await tryRunLock(this.dataSource, this.config.databaseUrl === null, ERASURE_LOCK, requestId);
    if (!lock) throw new ConflictError(`An erasure of ${request.reference} is already running`);
    try {
      // Read again under the lock: a run that just finished may have fixed the plan or completed.
      const current = await this.dataSource.getRepository(ErasurePlanRecord).findOne({ where: { requestId } });
      if (current?.completedAt) throw new ConflictError(`The erasure of ${request.reference} is already complete`);
      const plan = await this.start(actor, request, current, ips);
      // Described before the run changes them: the answer lists what the run changed.
      const before = await this.describe(
        this.dataSource.manager,
        plan,
        await this.dataSource.getRepository(ErasureStep).find({ where: { requestId } }),
      );
      for (const source of ERASABLE_SOURCES) await this.runSource(actor, request, plan, source);
      let steps = await this.dataSource.getRepository(ErasureStep).find({ where: { requestId } });
      if (steps.every((s) => s.status !== 'failed')) {
        await this.eraseLateArrivals(actor, request, plan);
        steps = await this.dataSource.getRepository(ErasureStep).find({ where: { requestId } });
      }
      await this.completeIfDone(actor, request, steps);
      return this.report(request, false, plan, before, steps);
    } finally {
      await this.dataSource.getRepository(ErasurePlanRecord).update({ requestId }, { runningSince: null });
      await lock.release();
    }
  }

  /** The officer records why a failed source cannot be erased (e.g. Google keeps refusing); the request can then close. */
  async waive(actor: Actor, requestId: string, source: string, reason: string): Promise<ErasureStep> {
    const request = await this.loadRequest(requestId);
    requireActionable(request, ['erasure']);
    const step = await this.dataSource.transaction(async (manager) => {
      const step = await manager.findOne(ErasureStep, {
        where: { requestId, source },
        lock: { mode: 'pessimistic_write' },
      });
      if (!step) throw new NotFoundError('Erasure step', source);
      if (step.status !== 'failed')
        throw new ConflictError(`Only a failed source can be waived; ${source} is ${step.status}`);
      step.status = 'waived';
      step.waiverReason = reason;
      await manager.save(step);
      await appendToTimeline(manager, actor, requestId, 'erasure_waived', reason, { source, error: step.error });
      await this.audit.record(manager, actor, {
        action: 'erasure.waived',
        entity: 'request',
        entityId: requestId,
        details: { reference: request.reference, source, reason },
      });
      return step;
    });
    await this.completeIfDone(
      actor,
      request,
      await this.dataSource.getRepository(ErasureStep).find({ where: { requestId } }),
    );
    return step;
  }

  /** At the first run, fixes the plan and fills the suppression list; later runs read the plan back. */
  private async start(
    actor: Actor,
    request: DataSubjectRequest,
    stored: ErasurePlanRecord | null,
    ips: string[],
  ): Promise<ErasurePlan> {
    const fresh = stored ? null : await this.buildPlan(request, ips);
    return this.dataSource.transaction(async (manager) => {
      if (!stored) {
        const inserted = await manager.query(
          `INSERT INTO erasure_plans (request_id, sealed, running_since) VALUES ($1, $2, now()) ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
          [request.id, seal(this.config.encryptionKey, JSON.stringify(fresh))],
        );
        if (!returnedRows(inserted).length)
          throw new ConflictError(`An erasure of ${request.reference} is already running`);
        const suppressed = await this.suppress(manager, request.id, fresh!);
        await appendToTimeline(manager, actor, request.id, 'erasure_started', null, {
          records: Object.fromEntries(ERASABLE_SOURCES.map((s) => [s, fresh!.records[s].length])),
          suppressed,
        });
        await this.audit.record(manager, actor, {
          action: 'erasure.started',
          entity: 'request',
          entityId: request.id,
          details: {
            reference: request.reference,
            records: Object.fromEntries(ERASABLE_SOURCES.map((s) => [s, fresh!.records[s].length])),
            suppressed,
          },
        });
        return fresh!;
      }
      const [row] = await manager
        .query(`UPDATE erasure_plans SET running_since = now() WHERE request_id = $1 RETURNING sealed`, [request.id])
        .then(returnedRows);
      await appendToTimeline(manager, actor, request.id, 'erasure_resumed', null, {});
      return this.unseal(row.sealed);
    });
  }

  /** Everything the console holds about the person, and the identifiers to mask and suppress. */
  private async buildPlan(
    request: DataSubjectRequest,
    ips: string[],
    known?: SubjectIdentifiers,
  ): Promise<ErasurePlan> {
    const emails = known ? [...known.emails] : [normaliseEmail(request.subjectEmail)].filter((e): e is string => !!e);
    const phones = known ? [...known.phones] : [normalisePhone(request.subjectPhone)].filter((p): p is string => !!p);
    const located: LocatedSubject =
      emails.length || phones.length
        ? await this.search.locateSubject(emails, phones)
        : { records: new Map(), others: new Map(), followed: [], shared: [] };
    // Only what the person owns is theirs to mask and suppress: never an identifier found beside
    // theirs, nor one another person owns too (a shared phone: suppressing it would refuse them).
    for (const [kind, value] of located.followed) {
      if ((kind === 'email' || kind === 'account') && !emails.includes(value)) emails.push(value);
      if (kind === 'phone' && !phones.includes(value)) phones.push(value);
    }
    const sharedValues = new Set(located.shared.map((s) => s.value));
    for (const list of [emails, phones]) {
      for (let i = list.length - 1; i >= 0; i--) if (sharedValues.has(list[i])) list.splice(i, 1);
    }
    const otherIds = (source: string, relation?: 'mention' | 'shared') =>
      [...(located.others.get(source) ?? new Map()).entries()]
        .filter(([, v]) => !relation || v.relation === relation)
        .map(([id]) => id);
    const ids = (source: string) => [...(located.records.get(source) ?? [])];
    const db = this.dataSource;

    // A message that mentions the person makes its conversation theirs.
    const messageIds = ids('chat-messages');
    const conversations = new Set(ids('chat-conversations'));
    if (messageIds.length) {
      const rows: Array<{ conversation_id: string }> = await db.query(
        `SELECT DISTINCT conversation_id FROM chat_messages WHERE id = ANY($1::uuid[])`,
        [messageIds],
      );
      for (const row of rows) conversations.add(row.conversation_id);
    }
    const leadIds = ids('leads');
    const names = new Set<string>();
    const addName = (name: string | null) => {
      if (name) names.add(name);
    };
    addName(normaliseName(request.subjectName));
    if (leadIds.length) {
      const leads: Array<{ first_name: string | null; last_name: string | null }> = await db.query(
        `SELECT first_name, last_name FROM leads WHERE id = ANY($1::uuid[])`,
        [leadIds],
      );
      for (const lead of leads) {
        addName(normaliseName([lead.first_name, lead.last_name].filter(Boolean).join(' ')));
      }
    }
    // A connection's own events go with it, whoever they mention; an event the person shares or is
    // named in loses the person only (remove_attendee).
    const connectionIds = ids('calendar-connections');
    const events = new Set([...ids('calendar-events'), ...otherIds('calendar-events')]);
    if (connectionIds.length) {
      const rows: Array<{ id: string }> = await db.query(
        `SELECT id FROM calendar_events WHERE connection_id = ANY($1::uuid[])`,
        [connectionIds],
      );
      for (const row of rows) events.add(row.id);
    }
    const accessLogs: Array<{ id: string }> = ips.length
      ? await db.query(`SELECT id::text AS id FROM access_logs WHERE ip = ANY($1::inet[]) ORDER BY at`, [ips])
      : [];
    return {
      identifiers: {
        emails,
        phones,
        names: [...names].flatMap((n) => [n, ...n.split(' ').filter((part) => part.length >= 2)]),
        ips,
      },
      records: {
        'calendar-events': [...events],
        'calendar-connections': connectionIds,
        'chat-conversations': [...conversations],
        consents: ids('consents'),
        'access-logs': accessLogs.map((r) => r.id),
        leads: leadIds,
      },
      // A lead of someone else that shares the person's phone is left whole: the phone is theirs too.
      mentions: {
        leads: otherIds('leads', 'mention'),
        'chat-conversations': otherIds('chat-conversations').filter((id) => !conversations.has(id)),
      },
    };
  }

  /**
   * Records of the person that arrived while the plan was being fixed (a batch the website was
   * sending just before the suppression list knew them) are found again by the plan's identifiers
   * and erased the same way. The erased records are no longer in the index, so anything the index
   * still answers is new. Twice at most: once the suppression list is committed nothing new can come.
   */
  private async eraseLateArrivals(actor: Actor, request: DataSubjectRequest, plan: ErasurePlan): Promise<void> {
    for (let round = 0; round < 2; round++) {
      const late = await this.buildPlan(request, plan.identifiers.ips, plan.identifiers);
      const fresh = Object.fromEntries(
        ERASABLE_SOURCES.map((s) => [s, late.records[s].filter((id) => !plan.records[s].includes(id))]),
      ) as ErasurePlan['records'];
      const mentioned = mentionsOf(plan);
      const freshMentions = {
        leads: mentionsOf(late).leads.filter((id) => !mentioned.leads.includes(id)),
        'chat-conversations': mentionsOf(late)['chat-conversations'].filter(
          (id) => !mentioned['chat-conversations'].includes(id),
        ),
      };
      if (
        ERASABLE_SOURCES.every((s) => fresh[s].length === 0) &&
        !freshMentions.leads.length &&
        !freshMentions['chat-conversations'].length
      )
        return;
      for (const source of ERASABLE_SOURCES) plan.records[source].push(...fresh[source]);
      plan.mentions = {
        leads: [...mentioned.leads, ...freshMentions.leads],
        'chat-conversations': [...mentioned['chat-conversations'], ...freshMentions['chat-conversations']],
      };
      for (const kind of ['emails', 'phones', 'names'] as const) {
        for (const value of late.identifiers[kind])
          if (!plan.identifiers[kind].includes(value)) plan.identifiers[kind].push(value);
      }
      await this.dataSource.transaction(async (manager) => {
        await manager.update(
          ErasurePlanRecord,
          { requestId: request.id },
          { sealed: seal(this.config.encryptionKey, JSON.stringify(plan)) },
        );
        await this.suppress(manager, request.id, plan);
      });
      const only: ErasurePlan = { identifiers: plan.identifiers, records: fresh, mentions: freshMentions };
      for (const source of ERASABLE_SOURCES) {
        if (!fresh[source].length && !(freshMentions as Record<string, string[]>)[source]?.length) continue;
        if (source === 'calendar-connections') {
          const { affected, error } = await this.eraseConnections(actor, request, only);
          await this.dataSource.transaction((manager) =>
            this.addLate(manager, actor, request, source, affected, error),
          );
        } else {
          await this.dataSource.transaction(async (manager) =>
            this.addLate(manager, actor, request, source, await this.apply(manager, only, source), null),
          );
        }
      }
    }
  }

  private async addLate(
    manager: EntityManager,
    actor: Actor,
    request: DataSubjectRequest,
    source: ErasableSource,
    affected: number,
    error: string | null,
  ): Promise<void> {
    const step = await manager.findOne(ErasureStep, { where: { requestId: request.id, source } });
    await this.writeStep(manager, actor, request, source, step, affected, error, true);
  }

  /** Keyed hashes of the e-mails and phones: ingestion refuses them from now on. */
  private async suppress(manager: EntityManager, requestId: string, plan: ErasurePlan): Promise<number> {
    const key = await this.dataKeys.get('suppression', manager);
    const own = (email: string) => this.config.controllerDomains.includes(email.slice(email.lastIndexOf('@') + 1));
    const entries: Array<[SuppressedKind, string]> = [
      ...plan.identifiers.emails
        .filter((e) => !own(e))
        .map((e): [SuppressedKind, string] => ['email', suppressionHash(key, 'email', e)]),
      ...plan.identifiers.phones.map((p): [SuppressedKind, string] => ['phone', suppressionHash(key, 'phone', p)]),
    ];
    if (!entries.length) return 0;
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SUPPRESSION_LOCK]);
    await manager.query(
      `INSERT INTO suppressed_identifiers (kind, hash, request_id) SELECT k, h, $3 FROM unnest($1::text[], $2::text[]) AS t(k, h)
       ON CONFLICT (hash) DO NOTHING`,
      [entries.map((e) => e[0]), entries.map((e) => e[1]), requestId],
    );
    return entries.length;
  }

  /** Runs one source unless done; its outcome (or its error) is written either way. */
  private async runSource(
    actor: Actor,
    request: DataSubjectRequest,
    plan: ErasurePlan,
    source: ErasableSource,
  ): Promise<void> {
    const existing = await this.dataSource
      .getRepository(ErasureStep)
      .findOne({ where: { requestId: request.id, source } });
    if (existing && existing.status !== 'failed') return;
    let affected = 0;
    let error: string | null = null;
    try {
      if (source === 'calendar-connections') {
        ({ affected, error } = await this.eraseConnections(actor, request, plan));
      } else {
        affected = await this.dataSource.transaction(async (manager) => {
          const n = await this.apply(manager, plan, source);
          await this.writeStep(manager, actor, request, source, existing, n, null);
          return n;
        });
        return;
      }
    } catch (cause) {
      error = (cause as Error).message;
      this.logger.warn(`Erasure of ${source} for ${request.reference} failed: ${error}`);
    }
    await this.dataSource.transaction((manager) =>
      this.writeStep(manager, actor, request, source, existing, affected, error),
    );
  }

  private async writeStep(
    manager: EntityManager,
    actor: Actor,
    request: DataSubjectRequest,
    source: ErasableSource,
    existing: ErasureStep | null,
    affected: number,
    error: string | null,
    /** Records that arrived while the plan was being fixed. */
    late = false,
  ): Promise<void> {
    const step =
      existing ?? manager.create(ErasureStep, { requestId: request.id, source, recordsAffected: 0, attempts: 0 });
    step.status = error ? 'failed' : 'done';
    step.recordsAffected += affected;
    step.attempts += 1;
    step.error = error;
    await manager.save(ErasureStep, step);
    const kind = error ? 'erasure_source_failed' : 'erasure_source_done';
    await appendToTimeline(manager, actor, request.id, kind, error, {
      source,
      recordsAffected: affected,
      attempt: step.attempts,
      late,
    });
    await this.audit.record(manager, actor, {
      action: error ? 'erasure.source_failed' : 'erasure.source_erased',
      entity: 'request',
      entityId: request.id,
      details: { reference: request.reference, source, recordsAffected: affected, attempt: step.attempts, error, late },
    });
  }

  /** One source's change, inside its transaction. Safe to run twice: what is gone stays gone, masking masks nothing new. */
  private async apply(
    manager: EntityManager,
    plan: ErasurePlan,
    source: Exclude<ErasableSource, 'calendar-connections'>,
  ): Promise<number> {
    const ids = plan.records[source];
    const mentions = mentionsOf(plan);
    if (!ids.length && !(mentions as Record<string, string[]>)[source]?.length) return 0;
    switch (source) {
      case 'leads': {
        const deleted = ids.length
          ? returnedRows(await manager.query(`DELETE FROM leads WHERE id = ANY($1::uuid[]) RETURNING id`, [ids])).length
          : 0;
        await this.index.remove(manager, 'leads', ids);
        return deleted + (await this.maskMentionsInLeads(manager, plan, mentions.leads));
      }
      case 'access-logs': {
        const deleted = await manager.query(`DELETE FROM access_logs WHERE id = ANY($1::bigint[]) RETURNING id`, [ids]);
        return returnedRows(deleted).length;
      }
      case 'consents': {
        const unlinked = await manager.query(
          `UPDATE consent_records SET email = NULL WHERE id = ANY($1::uuid[]) AND email IS NOT NULL RETURNING id`,
          [ids],
        );
        await manager.query(
          `DELETE FROM subject_identifiers WHERE source = 'consents' AND record_id = ANY($1::text[]) AND kind = 'email'`,
          [ids],
        );
        return returnedRows(unlinked).length;
      }
      case 'chat-conversations':
        return (
          (ids.length ? await this.anonymiseConversations(manager, plan, ids) : 0) +
          (await this.maskMentionsInConversations(manager, plan, mentions['chat-conversations']))
        );
      case 'calendar-events':
        return this.eraseEvents(manager, plan, ids);
    }
  }

  private async anonymiseConversations(manager: EntityManager, plan: ErasurePlan, ids: string[]): Promise<number> {
    const messages = await manager.find(ChatMessage, {
      select: { id: true, role: true, content: true },
      where: { conversationId: In(ids) },
    });
    const changed = messages.flatMap((m) => {
      // The visitor's own messages lose every contact detail; the assistant's only the person's.
      const masked = maskText(m.content, plan.identifiers, { allContacts: m.role === 'user' });
      return masked === m.content ? [] : [{ id: m.id, content: masked }];
    });
    if (changed.length) {
      await manager.query(
        `UPDATE chat_messages AS m SET content = t.content FROM unnest($1::uuid[], $2::text[]) AS t(id, content) WHERE m.id = t.id`,
        [changed.map((c) => c.id), changed.map((c) => c.content)],
      );
    }
    await this.index.remove(
      manager,
      'chat-messages',
      messages.map((m) => m.id),
    );
    // The visitor's identity the widget gave goes with them.
    await manager.query(
      `UPDATE chat_conversations SET visitor_email = NULL, visitor_name = NULL WHERE id = ANY($1::uuid[]) AND (visitor_email IS NOT NULL OR visitor_name IS NOT NULL)`,
      [ids],
    );
    await this.index.remove(manager, 'chat-conversations', ids);
    const updated = await manager.query(
      `UPDATE chat_conversations SET anonymised_at = now() WHERE id = ANY($1::uuid[]) AND anonymised_at IS NULL RETURNING id`,
      [ids],
    );
    return returnedRows(updated).length;
  }

  /** Only the person's e-mails and phones (`mask_mention`): nothing else of the record's owner changes. */
  private mentionIdentifiers(plan: ErasurePlan): SubjectIdentifiers {
    return { emails: plan.identifiers.emails, phones: plan.identifiers.phones, names: [] };
  }

  /** Someone else's contact-form message that names the person: their identifiers are masked in it, the lead stays its owner's. */
  private async maskMentionsInLeads(manager: EntityManager, plan: ErasurePlan, ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const leads = await manager.find(Lead, { where: { id: In(ids) } });
    let affected = 0;
    for (const lead of leads) {
      if (!lead.message) continue;
      const message = maskText(lead.message, this.mentionIdentifiers(plan), { allContacts: false });
      if (message === lead.message) continue;
      await manager.update(Lead, { id: lead.id }, { message });
      await this.index.remove(manager, 'leads', [lead.id]);
      await this.index.add(manager, 'leads', [
        { recordId: lead.id, identifiers: leadIdentifiers({ ...lead, message }) },
      ]);
      affected++;
    }
    return affected;
  }

  /** Someone else's conversation that names the person: their identifiers are masked in the messages, the conversation stays its visitor's. */
  private async maskMentionsInConversations(manager: EntityManager, plan: ErasurePlan, ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const messages = await manager.find(ChatMessage, {
      select: { id: true, role: true, content: true, conversationId: true },
      where: { conversationId: In(ids) },
    });
    const touched = new Set<string>();
    for (const m of messages) {
      const masked = maskText(m.content, this.mentionIdentifiers(plan), { allContacts: false });
      if (masked === m.content) continue;
      await manager.update(ChatMessage, { id: m.id }, { content: masked });
      await this.index.remove(manager, 'chat-messages', [m.id]);
      await this.index.add(manager, 'chat-messages', [
        { recordId: m.id, identifiers: chatMessageIdentifiers({ role: m.role, content: masked }) },
      ]);
      touched.add(m.conversationId);
    }
    return touched.size;
  }

  private async eraseEvents(manager: EntityManager, plan: ErasurePlan, ids: string[]): Promise<number> {
    const events = await manager.find(CalendarEvent, { where: { id: In(ids) } });
    const ownConnections = new Set(plan.records['calendar-connections']);
    const toDelete = events.filter((e) => e.connectionId && ownConnections.has(e.connectionId)).map((e) => e.id);
    let affected = 0;
    if (toDelete.length) {
      affected += returnedRows(
        await manager.query(`DELETE FROM calendar_events WHERE id = ANY($1::uuid[]) RETURNING id`, [toDelete]),
      ).length;
      await this.index.remove(manager, 'calendar-events', toDelete);
    }
    const emails = new Set(plan.identifiers.emails);
    const names = new Set(plan.identifiers.names);
    for (const event of events.filter((e) => !toDelete.includes(e.id))) {
      const attendees = event.attendees.filter(
        (a) =>
          !(a.email && emails.has(normaliseEmail(a.email) ?? '')) &&
          !(a.name && names.has(normaliseName(a.name) ?? '')),
      );
      const title = maskText(event.title, plan.identifiers, { allContacts: false });
      const description =
        event.description === null ? null : maskText(event.description, plan.identifiers, { allContacts: false });
      if (attendees.length === event.attendees.length && title === event.title && description === event.description)
        continue;
      await manager.update(CalendarEvent, { id: event.id }, { attendees, title, description });
      await this.index.remove(manager, 'calendar-events', [event.id]);
      await this.index.add(manager, 'calendar-events', [
        { recordId: event.id, identifiers: calendarEventIdentifiers({ title, description, attendees }) },
      ]);
      affected++;
    }
    return affected;
  }

  /**
   * Revokes each connection's token at Google, outside any transaction (a slow Google must not
   * hold a lock), then destroys the connection, its tokens and its remaining events. A refused
   * revocation keeps the connection, so that the next run can try again.
   */
  private async eraseConnections(
    actor: Actor,
    request: DataSubjectRequest,
    plan: ErasurePlan,
  ): Promise<{ affected: number; error: string | null }> {
    const ids = plan.records['calendar-connections'];
    if (!ids.length) return { affected: 0, error: null };
    const connections = await this.dataSource.getRepository(CalendarConnection).find({ where: { id: In(ids) } });
    const failures: string[] = [];
    let affected = 0;
    for (const connection of connections) {
      const sealed = connection.refreshTokenEncrypted ?? connection.accessTokenEncrypted;
      if (sealed && !connection.revokedAt) {
        const outcome = await revokeGoogleToken(
          this.config.googleOAuthRevokeUrl,
          open(this.config.encryptionKey, sealed),
        );
        if (!outcome.revoked) {
          failures.push(`${connection.accountEmail}: ${outcome.error}`);
          continue;
        }
      }
      await this.dataSource.transaction(async (manager) => {
        const events = returnedRows(
          await manager.query(`DELETE FROM calendar_events WHERE connection_id = $1 RETURNING id`, [connection.id]),
        ) as Array<{ id: string }>;
        await this.index.remove(
          manager,
          'calendar-events',
          events.map((e) => e.id),
        );
        await manager.query(`DELETE FROM calendar_connections WHERE id = $1`, [connection.id]);
        await this.index.remove(manager, 'calendar-connections', [connection.id]);
        await this.audit.record(manager, actor, {
          action: 'erasure.calendar_revoked',
          entity: 'request',
          entityId: request.id,
          details: {
            reference: request.reference,
            connectionId: connection.id,
            tokenRevokedAtGoogle: !!sealed && !connection.revokedAt,
            eventsDeleted: events.length,
          },
        });
      });
      affected++;
    }
    return { affected, error: failures.length ? `Google refused the revocation (${failures.join('; ')})` : null };
  }

  /** When every source is done or waived: the plan (which names the person) is destroyed. */
  private async completeIfDone(actor: Actor, request: DataSubjectRequest, steps: ErasureStep[]): Promise<void> {
    const finished = ERASABLE_SOURCES.every((s) => steps.some((step) => step.source === s && step.status !== 'failed'));
    if (!finished) return;
    await this.dataSource.transaction(async (manager) => {
      const done = await manager.query(
        `UPDATE erasure_plans SET sealed = NULL, completed_at = now() WHERE request_id = $1 AND completed_at IS NULL RETURNING request_id`,
        [request.id],
      );
      if (!returnedRows(done).length) return;
      const totals = Object.fromEntries(steps.map((s) => [s.source, s.recordsAffected]));
      await appendToTimeline(manager, actor, request.id, 'erasure_completed', null, {
        recordsAffected: totals,
        waived: steps.filter((s) => s.status === 'waived').map((s) => s.source),
      });
      await this.audit.record(manager, actor, {
        action: 'erasure.completed',
        entity: 'request',
        entityId: request.id,
        details: { reference: request.reference, recordsAffected: totals },
      });
    });
  }

  /** The records of the plan still to change, as the officer reads them. */
  private async describe(manager: EntityManager, plan: ErasurePlan, steps: ErasureStep[]): Promise<SourceErasure[]> {
    const done = new Set(steps.filter((s) => s.status !== 'failed').map((s) => s.source));
    const out: SourceErasure[] = [];
    const mentions = mentionsOf(plan) as Record<string, string[]>;
    for (const source of ERASABLE_SOURCES) {
      const ids = done.has(source) ? [] : plan.records[source];
      const mentioning = done.has(source) ? [] : (mentions[source] ?? []);
      const records = ids.length ? await this.summarise(manager, plan, source, ids.slice(0, MAX_LISTED)) : [];
      if (mentioning.length) {
        const listed = await this.summarise(manager, plan, source, mentioning.slice(0, MAX_LISTED));
        records.push(...listed.map((r) => ({ ...r, action: 'mask_mention' as const })));
      }
      out.push({
        source,
        total: done.has(source)
          ? 0
          : records.length + Math.max(0, ids.length - MAX_LISTED) + Math.max(0, mentioning.length - MAX_LISTED),
        records,
      });
    }
    return out;
  }

  private async summarise(
    manager: EntityManager,
    plan: ErasurePlan,
    source: ErasableSource,
    ids: string[],
  ): Promise<PlannedChange[]> {
    const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);
    switch (source) {
      case 'leads': {
        const rows: Array<Record<string, any>> = await manager.query(
          `SELECT id, first_name, last_name, email, submitted_at FROM leads WHERE id = ANY($1::uuid[]) ORDER BY submitted_at`,
          [ids],
        );
        return rows.map((r) => ({
          id: r.id,
          action: 'delete',
          summary: `${day(r.submitted_at)} · ${[r.first_name, r.last_name].filter(Boolean).join(' ') || '—'} · ${r.email ?? '—'}`,
        }));
      }
      case 'chat-conversations': {
        const rows: Array<Record<string, any>> = await manager.query(
          `SELECT c.id, c.provider, c.started_at, count(m.id)::int AS messages FROM chat_conversations c LEFT JOIN chat_messages m ON m.conversation_id = c.id
           WHERE c.id = ANY($1::uuid[]) GROUP BY c.id ORDER BY c.started_at`,
          [ids],
        );
        return rows.map((r) => ({
          id: r.id,
          action: 'mask',
          summary: `${day(r.started_at)} · ${r.provider} · ${r.messages} messages`,
        }));
      }
      case 'calendar-connections': {
        const rows = await manager.find(CalendarConnection, { where: { id: In(ids) }, order: { connectedAt: 'ASC' } });
        return rows.map((r) => ({
          id: r.id,
          action: r.revokedAt ? 'delete' : 'revoke_and_delete',
          summary: `${r.accountEmail} · connected ${day(r.connectedAt)}`,
        }));
      }
      case 'calendar-events': {
        const own = new Set(plan.records['calendar-connections']);
        const rows = await manager.find(CalendarEvent, {
          select: { id: true, title: true, startsAt: true, connectionId: true },
          where: { id: In(ids) },
          order: { startsAt: 'ASC' },
        });
        return rows.map((r) => ({
          id: r.id,
          action: r.connectionId && own.has(r.connectionId) ? 'delete' : 'remove_attendee',
          summary: `${day(r.startsAt)} · ${r.title}`,
        }));
      }
      case 'consents': {
        const rows: Array<Record<string, any>> = await manager.query(
          `SELECT id, consent_id, action, recorded_at FROM consent_records WHERE id = ANY($1::uuid[]) ORDER BY recorded_at`,
          [ids],
        );
        return rows.map((r) => ({
          id: r.id,
          action: 'unlink',
          summary: `${day(r.recorded_at)} · ${r.action} · ${r.consent_id}`,
        }));
      }
      case 'access-logs': {
        const rows: Array<Record<string, any>> = await manager.query(
          `SELECT id::text AS id, ip, method, path, at FROM access_logs WHERE id = ANY($1::bigint[]) ORDER BY at`,
          [ids],
        );
        return rows.map((r) => ({
          id: r.id,
          action: 'delete',
          summary: `${new Date(r.at).toISOString().slice(0, 16).replace('T', ' ')} · ${r.ip} · ${r.method} ${r.path}`,
        }));
      }
    }
  }

  private report(
    request: DataSubjectRequest,
    dryRun: boolean,
    plan: ErasurePlan,
    sources: SourceErasure[],
    steps: ErasureStep[],
  ): ErasureReport {
    const bySource = new Map(steps.map((s) => [s.source, s]));
    return {
      requestId: request.id,
      reference: request.reference,
      dryRun,
      state: dryRun
        ? 'preview'
        : ERASABLE_SOURCES.every((s) => bySource.get(s) && bySource.get(s)!.status !== 'failed')
          ? 'complete'
          : 'incomplete',
      identifiers: {
        emails: plan.identifiers.emails.length,
        phones: plan.identifiers.phones.length,
        names: plan.identifiers.names.length,
        ips: plan.identifiers.ips.length,
      },
      suppressed: plan.identifiers.emails.length + plan.identifiers.phones.length,
      sources: sources.map((s) => {
        const step = bySource.get(s.source);
        return step
          ? {
              ...s,
              status: step.status,
              recordsAffected: step.recordsAffected,
              error: step.error,
              waiverReason: step.waiverReason,
            }
          : { ...s, status: dryRun ? undefined : 'pending' };
      }),
    };
  }

  private unseal(sealed: Buffer): ErasurePlan {
    return JSON.parse(open(this.config.encryptionKey, sealed)) as ErasurePlan;
  }

  private async loadRequest(id: string): Promise<DataSubjectRequest> {
    const request = await this.dataSource.getRepository(DataSubjectRequest).findOne({ where: { id } });
    if (!request) throw new NotFoundError('Request', id);
    return request;
  }
}

/** The plan's records that only mention the person (none in a plan sealed before they existed). */
function mentionsOf(plan: ErasurePlan): { leads: string[]; 'chat-conversations': string[] } {
  return { leads: plan.mentions?.leads ?? [], 'chat-conversations': plan.mentions?.['chat-conversations'] ?? [] };
}
