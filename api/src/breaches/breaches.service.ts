import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import { findPage } from '../common/rest/find-page';
import type { ListQuery } from '../common/rest/list-query';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { csvLine } from '../exports/export-csv';
import { CONTROLLER } from '../registers/activities/record-of-processing';
import { Processor } from '../registers/processors/processor.entity';
import { affectedCountSql, affectedPageSql } from './affected-people';
import {
  communicationLanguage,
  missingForCommunication,
  renderCommunication,
  type CommunicationLanguage,
} from './art34-communication';
import { BreachCommunication } from './breach-communication.entity';
import { dataWindow, dateProblems, decisionProblems, notificationProblems } from './breach-rules';
import { Breach, type BreachDecision, type BreachNotification } from './breach.entity';
import type {
  CreateBreachDto,
  CreateCommunicationDto,
  CreateDecisionDto,
  CreateNotificationDto,
  UpdateBreachDto,
} from './breach.dto';
import { queryRows } from '../common/sql-rows';
import { presentBreach, type PresentedBreach, type ProcessorNames } from './breach.presenter';
import { BREACH_CSV_COLUMNS, renderBreachRegister, type RegisterLanguage } from './breach-register-page';

export const BREACHES_LIST = {
  resource: 'breaches',
  fields: {
    id: 'uuid',
    title: 'text',
    status: { enum: ['open', 'closed'] },
    riskLevel: { enum: ['none', 'risk', 'high'] },
    startedAt: 'datetime',
    awareAt: 'datetime',
    ongoing: 'boolean',
    createdAt: 'datetime',
    updatedAt: 'datetime',
  },
  searchable: ['title', 'description'],
  defaultSort: ['awareAt', 'DESC'],
} as const satisfies import('../common/rest/list-query').ListSpec;

export interface AffectedCount {
  people: number;
  byKind: Record<string, number>;
  records: number;
  recordsBySource: Record<string, number>;
  window: { from: string | null; until: string };
}

export interface AffectedPerson {
  kind: string;
  value: string;
  sources: string[];
  records: number;
  fields: string[];
  /** Their language where a request of theirs tells it, else null (written to in Italian). */
  language: string | null;
  communicatedAt: string | null;
  channel: string | null;
}

/** A row of affectedCountSql. */
interface AffectedCountRow {
  people: number;
  by_kind: Record<string, number>;
  records: number;
  records_by_source: Record<string, number>;
}

/** A row of affectedPageSql. */
interface AffectedPersonRow {
  kind: string;
  value: string;
  sources: string[];
  records: number;
  fields: string[] | null;
  language: string | null;
  sent_at: Date | string | null;
  channel: string | null;
}

/** The contact point of Art. 34(2)(b) when none is given: no DPO is appointed, the privacy contact is. */
const DEFAULT_CONTACT = { name: CONTROLLER.name, details: CONTROLLER.email };

const orNull = <V>(v: V | '' | null | undefined): V | null => (v === '' || v === undefined ? null : v);
const instant = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? null : new Date(v));

@Injectable()
export class BreachesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'controllerDomains'>,
  ) {}

  async list(query: ListQuery) {
    const page = await findPage(this.dataSource.getRepository(Breach), query, BREACHES_LIST.searchable);
    const names = await this.processorNames(this.dataSource.manager, page.rows);
    return { page, present: (b: Breach) => presentBreach(b, names) };
  }

  async get(id: string): Promise<PresentedBreach> {
    return this.present(this.dataSource.manager, await this.load(this.dataSource.manager, id));
  }

  create(actor: Actor, body: CreateBreachDto): Promise<PresentedBreach> {
    return this.dataSource.transaction(async (manager) => {
      const row = manager.create(Breach, {
        notifications: [],
        decisions: [],
        processors: [],
        sources: [],
        dataCategories: [],
        status: 'open',
        ongoing: false,
      });
      await this.apply(manager, row, body);
      const saved = await manager.save(Breach, row);
      const after = await this.present(manager, await this.load(manager, saved.id));
      await this.audit.record(manager, actor, {
        action: 'breach.created',
        entity: 'breach',
        entityId: saved.id,
        details: { after: withoutClock(after) },
      });
      return after;
    });
  }

  update(actor: Actor, id: string, body: UpdateBreachDto): Promise<PresentedBreach> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.load(manager, id, true);
      const before = withoutClock(await this.present(manager, row));
      await this.apply(manager, row, body);
      await manager.save(Breach, row);
      const presented = await this.present(manager, await this.load(manager, id));
      const after = withoutClock(presented);
      const changed = Object.keys(after).filter(
        (k) => k !== 'updatedAt' && JSON.stringify(after[k]) !== JSON.stringify(before[k]),
      );
      if (changed.length) {
        await this.audit.record(manager, actor, {
          action: 'breach.updated',
          entity: 'breach',
          entityId: id,
          details: { before: pick(before, changed), after: pick(after, changed) },
        });
      }
      return presented;
    });
  }

  addNotification(actor: Actor, id: string, body: CreateNotificationDto): Promise<PresentedBreach> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.load(manager, id, true);
      const at = new Date(body.at);
      const problems = notificationProblems(
        row.awareAt,
        row.notifications,
        { kind: body.kind, at, delayReasons: orNull(body.delayReasons) },
        new Date(),
      );
      throwProblems(problems);
      const notification: BreachNotification = {
        id: randomUUID(),
        kind: body.kind,
        at: at.toISOString(),
        protocolNumber: body.protocolNumber,
        delayReasons: orNull(body.delayReasons),
        notes: orNull(body.notes),
        recordedBy: actor.email,
        recordedAt: new Date().toISOString(),
      };
      row.notifications = [...row.notifications, notification].sort((a, b) => a.at.localeCompare(b.at));
      await manager.save(Breach, row);
      await this.audit.record(manager, actor, {
        action: 'breach.notified',
        entity: 'breach',
        entityId: id,
        details: { notification },
      });
      return this.present(manager, await this.load(manager, id));
    });
  }

  addDecision(actor: Actor, id: string, body: CreateDecisionDto): Promise<PresentedBreach> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.load(manager, id, true);
      throwProblems(decisionProblems(row.riskLevel, { kind: body.kind, reason: orNull(body.reason) }));
      const decision: BreachDecision = {
        id: randomUUID(),
        kind: body.kind,
        reason: orNull(body.reason),
        decidedBy: body.decidedBy,
        decidedAt: (body.decidedAt ? new Date(body.decidedAt) : new Date()).toISOString(),
        recordedBy: actor.email,
      };
      row.decisions = [...row.decisions, decision];
      await manager.save(Breach, row);
      await this.audit.record(manager, actor, {
        action: 'breach.decided',
        entity: 'breach',
        entityId: id,
        details: { decision },
      });
      return this.present(manager, await this.load(manager, id));
    });
  }

  /** How many people and records the breach concerns: counts only, nobody named. */
  async affectedCount(id: string): Promise<AffectedCount> {
    const row = await this.load(this.dataSource.manager, id);
    const window = dataWindow(row, new Date());
    const [r] = await queryRows<AffectedCountRow>(this.dataSource, affectedCountSql(row.sources), [
      window.from,
      window.until,
      this.config.controllerDomains,
    ]);
    return {
      people: r.people,
      byKind: r.by_kind,
      records: r.records,
      recordsBySource: r.records_by_source,
      window: { from: window.from?.toISOString() ?? null, until: window.until.toISOString() },
    };
  }

  /** One page of the people affected; the caller audits the read. */
  async affectedPage(
    id: string,
    skip: number,
    take: number,
  ): Promise<{ rows: AffectedPerson[]; total: number; skip: number }> {
    const row = await this.load(this.dataSource.manager, id);
    const window = dataWindow(row, new Date());
    const params = [window.from, window.until, this.config.controllerDomains];
    const [rows, count] = await Promise.all([
      queryRows<AffectedPersonRow>(this.dataSource, affectedPageSql(row.sources), [...params, id, take, skip]),
      skip === 0
        ? Promise.resolve(null)
        : queryRows<AffectedCountRow>(this.dataSource, affectedCountSql(row.sources), params),
    ]);
    const people: AffectedPerson[] = rows.map((r) => ({
      kind: r.kind,
      value: r.value,
      sources: r.sources,
      records: r.records,
      fields: r.fields ?? [],
      language: r.language,
      communicatedAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
      channel: r.channel,
    }));
    const total = count
      ? count[0].people
      : rows.length < take
        ? rows.length
        : (await queryRows<AffectedCountRow>(this.dataSource, affectedCountSql(row.sources), params))[0].people;
    return { rows: people, total, skip };
  }

  /** The Art. 34 letter in `language`, and what it still lacks. */
  async communication(id: string, language: CommunicationLanguage) {
    const row = await this.load(this.dataSource.manager, id);
    return { ...renderCommunication(row, language), missing: missingForCommunication(row, language) };
  }

  /**
   * The recipients for mailing, as CSV: identifier, language, subject and the letter in their
   * language, one row per person reachable by e-mail or phone. 409 naming the missing texts
   * while a language the recipients need lacks its own words.
   */
  async recipientsCsv(id: string): Promise<{ csv: string; recipients: number }> {
    const row = await this.load(this.dataSource.manager, id);
    const all: AffectedPerson[] = [];
    for (let skip = 0; ; skip += 1000) {
      const page = await this.affectedPage(id, skip, 1000);
      all.push(...page.rows.filter((p) => p.kind === 'email' || p.kind === 'phone'));
      if (page.rows.length < 1000) break;
    }
    const needed = new Set(all.map((p) => communicationLanguage(p.language)));
    const missing = [...needed].flatMap((l) => missingForCommunication(row, l));
    if (missing.length) {
      throw new ConflictError(
        `Write the communication's own words first: ${missing.join(', ')}`,
        Object.fromEntries(missing.map((m) => [m, 'is required for the recipients in this language'])),
      );
    }
    const letters = { it: renderCommunication(row, 'it'), en: renderCommunication(row, 'en') };
    const lines = [csvLine(['kind', 'recipient', 'language', 'already_communicated_at', 'subject', 'body'])];
    for (const p of all) {
      const letter = letters[communicationLanguage(p.language)];
      lines.push(csvLine([p.kind, p.value, letter.language, p.communicatedAt, letter.subject, letter.body]));
    }
    return { csv: '\ufeff' + lines.join(''), recipients: all.length };
  }

  recordCommunication(actor: Actor, id: string, body: CreateCommunicationDto) {
    return this.dataSource.transaction(async (manager) => {
      await this.load(manager, id, true);
      const value = body.kind === 'email' ? body.value.toLowerCase() : body.value;
      const existing = await manager.findOne(BreachCommunication, { where: { breachId: id, kind: body.kind, value } });
      if (existing)
        throw new ConflictError(
          `This person's communication is already recorded (${existing.sentAt.toISOString()}, ${existing.channel})`,
        );
      const known: Array<{ language: string }> =
        body.kind === 'email'
          ? await manager.query(
              `SELECT language FROM requests WHERE lower(subject_email) = $1 ORDER BY received_at DESC LIMIT 1`,
              [value],
            )
          : [];
      const saved = await manager.save(
        manager.create(BreachCommunication, {
          breachId: id,
          kind: body.kind,
          value,
          language: body.language ?? communicationLanguage(known[0]?.language),
          channel: body.channel,
          sentAt: new Date(body.sentAt),
          recordedBy: actor.email,
        }),
      );
      const answer = {
        id: saved.id,
        breachId: id,
        kind: saved.kind,
        value: saved.value,
        language: saved.language,
        channel: saved.channel,
        sentAt: saved.sentAt.toISOString(),
        recordedBy: saved.recordedBy,
      };
      // The audit log keeps who was told by the communication's id, not the address itself.
      await this.audit.record(manager, actor, {
        action: 'breach.communicated',
        entity: 'breach',
        entityId: id,
        details: {
          communicationId: saved.id,
          kind: saved.kind,
          channel: saved.channel,
          sentAt: answer.sentAt,
          language: saved.language,
        },
      });
      return answer;
    });
  }

  async csv(): Promise<string> {
    const rows = await this.dataSource.getRepository(Breach).find({ order: { awareAt: 'DESC', id: 'DESC' } });
    const names = await this.processorNames(this.dataSource.manager, rows);
    const records = rows.map((r) => presentBreach(r, names));
    return (
      '\ufeff' +
      [BREACH_CSV_COLUMNS.map(([h]) => h), ...records.map((r) => BREACH_CSV_COLUMNS.map(([, read]) => read(r)))]
        .map(csvLine)
        .join('')
    );
  }

  async registerHtml(language: RegisterLanguage): Promise<string> {
    const rows = await this.dataSource.getRepository(Breach).find({ order: { awareAt: 'DESC', id: 'DESC' } });
    const names = await this.processorNames(this.dataSource.manager, rows);
    return renderBreachRegister(
      rows.map((r) => presentBreach(r, names)),
      language,
    );
  }

  private async apply(manager: EntityManager, row: Breach, b: UpdateBreachDto): Promise<void> {
    if (b.title !== undefined) row.title = b.title;
    if (b.description !== undefined) row.description = b.description;
    if (b.startedAt !== undefined) row.startedAt = new Date(b.startedAt);
    if (b.endedAt !== undefined) row.endedAt = instant(b.endedAt);
    if (b.ongoing !== undefined) row.ongoing = b.ongoing;
    if (b.awareAt !== undefined) row.awareAt = new Date(b.awareAt);
    if (b.nature !== undefined) row.nature = [...new Set(b.nature)];
    if (b.sources !== undefined) row.sources = [...new Set(b.sources)];
    if (b.dataCategories !== undefined) row.dataCategories = b.dataCategories;
    if (b.subjectsApprox !== undefined) row.subjectsApprox = b.subjectsApprox;
    if (b.recordsApprox !== undefined) row.recordsApprox = b.recordsApprox;
    if (b.consequences !== undefined) row.consequences = orNull(b.consequences);
    if (b.measuresTaken !== undefined) row.measuresTaken = orNull(b.measuresTaken);
    if (b.measuresProposed !== undefined) row.measuresProposed = orNull(b.measuresProposed);
    if (b.riskLevel !== undefined) row.riskLevel = orNull(b.riskLevel);
    if (b.riskReasoning !== undefined) row.riskReasoning = orNull(b.riskReasoning);
    // Left empty (or cleared): the controller's privacy contact, as its privacy policy names it.
    if (b.contactName !== undefined || !row.contactName)
      row.contactName = orNull(b.contactName) ?? DEFAULT_CONTACT.name;
    if (b.contactDetails !== undefined || !row.contactDetails)
      row.contactDetails = orNull(b.contactDetails) ?? DEFAULT_CONTACT.details;
    if (b.dataFrom !== undefined) row.dataFrom = instant(b.dataFrom);
    if (b.dataUntil !== undefined) row.dataUntil = instant(b.dataUntil);
    for (const f of [
      'noticeNatureIt',
      'noticeNatureEn',
      'noticeConsequencesIt',
      'noticeConsequencesEn',
      'noticeMeasuresIt',
      'noticeMeasuresEn',
    ] as const) {
      if (b[f] !== undefined) row[f] = orNull(b[f]);
    }
    if (b.status !== undefined) row.status = b.status;
    if (row.ongoing && b.endedAt === undefined && b.ongoing === true) row.endedAt = null;
    if (b.processors !== undefined) {
      const ids = [...new Set(b.processors.map((p) => p.processorId.toLowerCase()))];
      const found = ids.length ? await manager.find(Processor, { where: { id: In(ids) }, select: { id: true } }) : [];
      const missing = ids.filter((pid) => !found.some((f) => f.id === pid));
      if (missing.length)
        throw new InvalidInputError(`processors: not in the processors register: ${missing.join(', ')}`, {
          processors: `not in the processors register: ${missing.join(', ')}`,
        });
      if (ids.length !== b.processors.length)
        throw new InvalidInputError('processors: a processor is named twice', {
          processors: 'names a processor twice',
        });
      row.processors = b.processors.map((p) => ({
        processorId: p.processorId.toLowerCase(),
        noticeAt: instant(p.noticeAt)?.toISOString() ?? null,
        notes: orNull(p.notes),
      }));
    }
    const problems = dateProblems(row, new Date());
    const all: Record<string, string> = { ...problems };
    if (row.processors.some((p) => p.noticeAt && new Date(p.noticeAt).getTime() > Date.now() + 5 * 60_000))
      all.processors = 'a notice date is in the future';
    if (Object.keys(all).length) {
      throw new InvalidInputError(
        `Invalid request body: ${Object.entries(all)
          .map(([k, v]) => `${k} ${v}`)
          .join('; ')}`,
        all,
      );
    }
  }

  private async load(manager: EntityManager, id: string, lock = false): Promise<Breach> {
    const row = await manager
      .getRepository(Breach)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!row) throw new NotFoundError('breach', id);
    return row;
  }

  private async present(manager: EntityManager, row: Breach): Promise<PresentedBreach> {
    return presentBreach(row, await this.processorNames(manager, [row]));
  }

  private async processorNames(manager: EntityManager, rows: Breach[]): Promise<ProcessorNames> {
    const ids = [...new Set(rows.flatMap((r) => r.processors.map((p) => p.processorId)))];
    if (!ids.length) return new Map();
    const found = await manager.find(Processor, { where: { id: In(ids) }, select: { id: true, name: true } });
    return new Map(found.map((p) => [p.id, p.name]));
  }
}

function throwProblems(problems: { field?: Record<string, string>; state?: string }): void {
  if (problems.field) {
    throw new InvalidInputError(
      `Invalid request body: ${Object.entries(problems.field)
        .map(([k, v]) => `${k} ${v}`)
        .join('; ')}`,
      problems.field,
    );
  }
  if (problems.state) throw new ConflictError(problems.state);
}

/** The audit log keeps the facts, not the clock (it moves every minute). */
function withoutClock(p: PresentedBreach): Record<string, unknown> {
  const { clock: _clock, ...rest } = p;
  return rest;
}

function pick(o: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}
