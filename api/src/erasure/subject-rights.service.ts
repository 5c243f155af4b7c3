import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { ConflictError, fieldRefusal, InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import { addMonthsUtc } from '../common/time';
import { ProcessingStopsService } from '../objections/processing-stops.service';
import { ProcessingActivity } from '../registers/activities/activity.entity';
import { appendToTimeline } from '../requests/request-timeline';
import { liftRefusal } from '../requests/request-decisions';
import { DataSubjectRequest } from '../requests/request.entity';
import {
  CONSENT_CATEGORIES,
  CONSENT_VALIDITY_MONTHS,
  ConsentRecord,
  type ConsentCategory,
} from '../sources/consents/consent-record.entity';
import { Lead } from '../sources/leads/lead.entity';
import { normaliseEmail, normalisePhone } from '../subjects/identifiers';
import { consentIdentifiers, leadIdentifiers } from '../subjects/record-identifiers';
import { SubjectIndexService } from '../subjects/subject-index.service';
import { SubjectSearchService } from '../subjects/subject-search.service';
import type { RectifyDto } from './dto/subject-rights.dtos';
import { notReceivedByOf } from './recipients-received';
import { recipientsToTell } from './recipients-to-tell';
import { normaliseIps, requireActionable } from './request-guards';
import { queryRow, queryRows, returnedRows } from '../common/sql-rows';
import { restrictableSources } from './restrictable-sources';

/** The lead fields a rectification may correct. */
const RECTIFIABLE = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'company',
  'spaceType',
  'objective',
  'message',
] as const;

/**
 * Rectification (Art. 16), restriction (Art. 18), objection (Art. 21) and withdrawal of consent
 * (Art. 7(3)) applied to the records the index finds for the request's subject; and the
 * recipients to tell (Art. 19, recipients-to-tell.ts).
 */
@Injectable()
export class SubjectRightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly search: SubjectSearchService,
    private readonly index: SubjectIndexService,
    private readonly stops: ProcessingStopsService,
  ) {}

  /** Corrects the subject's leads (and the e-mail of their consent records) in place; the index follows. */
  async rectify(actor: Actor, requestId: string, dto: RectifyDto) {
    const request = await this.loadRequest(requestId);
    requireActionable(request, ['rectification']);
    const corrections = Object.fromEntries(
      RECTIFIABLE.filter((f) => dto[f] !== undefined).map((f) => [f, dto[f] === '' ? null : dto[f]]),
    );
    if (Object.keys(corrections).length === 0)
      throw new InvalidInputError(`Give at least one field to correct: ${RECTIFIABLE.join(', ')}`).because(
        'nothing_to_correct',
      );
    if (corrections.email !== undefined) {
      const email = normaliseEmail(corrections.email);
      if (!email)
        throw new InvalidInputError('email: must be an e-mail address', { email: 'must be an e-mail address' })
          .because('invalid_email')
          .withFieldReasons({ email: 'isEmail' });
      corrections.email = email;
    }
    if (corrections.phone) {
      const phone = normalisePhone(corrections.phone);
      if (!phone)
        throw new InvalidInputError('phone: must be a phone number (Italian, or with its country code)', {
          phone: 'must be a phone number',
        })
          .because('invalid_phone')
          .withFieldReasons({ phone: 'invalid_phone' });
      corrections.phone = phone;
    }
    const found = await this.locate(request);
    const leadIds = found.get('leads') ?? [];
    if (!leadIds.length)
      throw new ConflictError(
        `The console holds no contact-form record of the subject of ${request.reference} to correct`,
      );

    return this.dataSource.transaction(async (manager) => {
      const changes: Array<{
        source: string;
        recordId: string;
        before: Record<string, unknown>;
        after: Record<string, unknown>;
      }> = [];
      const leads = await manager.find(Lead, { where: { id: In(leadIds) }, lock: { mode: 'pessimistic_write' } });
      for (const lead of leads) {
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        // Only the RECTIFIABLE fields, all of them strings or null on a lead.
        const fields = lead as unknown as Record<string, string | null | undefined>;
        for (const [field, value] of Object.entries(corrections)) {
          if (fields[field] === value) continue;
          before[field] = fields[field];
          after[field] = value;
          fields[field] = value;
        }
        if (!Object.keys(after).length) continue;
        await manager.save(Lead, lead);
        await this.index.remove(manager, 'leads', [lead.id]);
        await this.index.add(manager, 'leads', [{ recordId: lead.id, identifiers: leadIdentifiers(lead) }]);
        changes.push({ source: 'leads', recordId: lead.id, before, after });
      }
      if (typeof corrections.email === 'string') {
        const consents = await manager.find(ConsentRecord, { where: { id: In(found.get('consents') ?? []) } });
        for (const consent of consents.filter((c) => c.email && c.email !== corrections.email)) {
          changes.push({
            source: 'consents',
            recordId: consent.id,
            before: { email: consent.email },
            after: { email: corrections.email },
          });
          consent.email = corrections.email;
          await manager.save(ConsentRecord, consent);
          await this.index.remove(manager, 'consents', [consent.id]);
          await this.index.add(manager, 'consents', [
            { recordId: consent.id, identifiers: consentIdentifiers(consent) },
          ]);
        }
      }
      const sources = [...new Set(changes.map((c) => c.source))];
      await appendToTimeline(manager, actor, request.id, 'rectified', null, { sources, changes });
      await this.audit.record(manager, actor, {
        action: 'subject.rectified',
        entity: 'request',
        entityId: request.id,
        details: { reference: request.reference, changes },
      });
      return { reference: request.reference, recordsChanged: changes.length, changes };
    });
  }

  /** Flags every record of the subject as restricted and remembers their identifiers, so that new data arrives flagged. */
  async restrict(actor: Actor, requestId: string, ipsInput: unknown[] = []) {
    const request = await this.loadRequest(requestId);
    requireActionable(request, ['restriction', 'rectification', 'objection']);
    const ips = normaliseIps(ipsInput);
    const found = await this.locate(request, ips);
    const identifiers = await this.identifiersOf(request);
    return this.dataSource.transaction(async (manager) => {
      const restricted: Record<string, number> = {};
      for (const { source, table, idCast } of restrictableSources()) {
        const ids = found.get(source) ?? [];
        if (!ids.length) continue;
        const rows = await queryRows(
          manager,
          `UPDATE ${table} SET restricted_at = now(), restricted_by_request_id = $2 WHERE id = ANY($1::${idCast}[]) AND restricted_at IS NULL RETURNING id`,
          [ids, request.id],
        );
        restricted[source] = rows.length;
      }
      const pairs: Array<[string, string]> = [
        ...identifiers.emails.flatMap((e): Array<[string, string]> => [
          ['email', e],
          ['account', e],
        ]),
        ...identifiers.phones.map((p): [string, string] => ['phone', p]),
        ...ips.map((ip): [string, string] => ['ip', ip]),
      ];
      await manager.query(
        `UPDATE subject_restrictions SET lifted_at = now() WHERE request_id = $1 AND lifted_at IS NULL`,
        [request.id],
      );
      if (pairs.length) {
        await manager.query(
          `INSERT INTO subject_restrictions (request_id, kind, value) SELECT $3, k, v FROM unnest($1::text[], $2::text[]) AS t(k, v)`,
          [pairs.map((p) => p[0]), pairs.map((p) => p[1]), request.id],
        );
      }
      const sources = Object.keys(restricted).filter((s) => restricted[s] > 0);
      // Who never received these records: their Art. 19 notices are not sent to them.
      const notReceivedBy = await notReceivedByOf(manager, sources, (s) => found.get(s) ?? []);
      await appendToTimeline(manager, actor, request.id, 'restricted', null, {
        sources,
        restricted,
        identifiers: pairs.length,
        ...(notReceivedBy.length ? { notReceivedBy } : {}),
      });
      await this.audit.record(manager, actor, {
        action: 'subject.restricted',
        entity: 'request',
        entityId: request.id,
        details: { reference: request.reference, restricted },
      });
      return { reference: request.reference, restricted };
    });
  }

  /** Lifts the restriction this request put (Art. 18(3): the subject is told before, `subjectToldAt`). */
  async lift(actor: Actor, requestId: string, reason: string, subjectToldAt?: string) {
    const request = await this.loadRequest(requestId);
    const since = await queryRow<{ at: Date | null }>(
      this.dataSource,
      `SELECT min(created_at) AS at FROM subject_restrictions WHERE request_id = $1 AND lifted_at IS NULL`,
      [request.id],
    );
    const told = liftRefusal(subjectToldAt, since?.at ? new Date(since.at) : request.receivedAt, new Date());
    if (told) throw fieldRefusal('subjectToldAt', told);
    return this.dataSource.transaction(async (manager) => {
      const active = returnedRows(
        await manager.query(
          `UPDATE subject_restrictions SET lifted_at = now() WHERE request_id = $1 AND lifted_at IS NULL RETURNING id`,
          [request.id],
        ),
      );
      const lifted: Record<string, number> = {};
      for (const { source, table } of restrictableSources()) {
        const rows = await queryRows(
          manager,
          `UPDATE ${table} SET restricted_at = NULL, restricted_by_request_id = NULL WHERE restricted_by_request_id = $1 RETURNING id`,
          [request.id],
        );
        lifted[source] = rows.length;
      }
      if (!active.length && Object.values(lifted).every((n) => n === 0))
        throw new ConflictError(`${request.reference} has no restriction in force`).because('no_restriction_in_force');
      const toldAt = new Date(subjectToldAt!).toISOString();
      await appendToTimeline(manager, actor, request.id, 'restriction_lifted', reason, {
        lifted,
        subjectToldAt: toldAt,
      });
      await this.audit.record(manager, actor, {
        action: 'subject.restriction_lifted',
        entity: 'request',
        entityId: request.id,
        details: { reference: request.reference, lifted, reason, subjectToldAt: toldAt },
      });
      return { reference: request.reference, lifted };
    });
  }

  /**
   * Records the withdrawal (or objection) as a consent record, the proof the website's banner and
   * the auditor read, and lists the processing that stops. By default: every consent-based
   * activity for a withdrawal, every legitimate-interest one for an objection.
   */
  async withdraw(actor: Actor, requestId: string, activityIds?: string[]) {
    const request = await this.loadRequest(requestId);
    requireActionable(request, ['consent_withdrawal', 'objection']);
    const activities = await this.dataSource.getRepository(ProcessingActivity).find({ order: { name: 'ASC' } });
    const chosen = activityIds?.length
      ? activityIds.map((id) => activities.find((a) => a.id === id) ?? invalidActivity(id))
      : activities.filter((a) =>
          request.type === 'objection' ? a.legalBasis === 'legitimate_interests' : a.legalBasis === 'consent',
        );
    if (!chosen.length)
      throw new InvalidInputError('activityIds: no processing activity to stop').because('no_activity_to_stop');
    const email = normaliseEmail(request.subjectEmail);
    const found = await this.locate(request);
    const cookieCategories = chosen
      .map((a) => a.consentCategory)
      .filter((c): c is ConsentCategory => (CONSENT_CATEGORIES as readonly string[]).includes(c ?? ''));
    // A withdrawal is enforced at ingestion (ProcessingStopsService); an objection is decided in objections/.
    const withdrawn = request.type === 'consent_withdrawal' ? chosen.filter((a) => a.sourceSystem) : [];
    const identifiers = withdrawn.length ? await this.stops.identifiersOf(request) : [];

    return this.dataSource.transaction(async (manager) => {
      const latest = await manager.findOne(ConsentRecord, {
        where: { id: In(found.get('consents') ?? []) },
        order: { recordedAt: 'DESC' },
      });
      const now = new Date();
      const categories = Object.fromEntries(
        CONSENT_CATEGORIES.map((c) => [
          c,
          c === 'necessary' ? true : cookieCategories.includes(c) ? false : (latest?.categories[c] ?? false),
        ]),
      ) as ConsentRecord['categories'];
      const record = await manager.save(
        ConsentRecord,
        manager.create(ConsentRecord, {
          externalId: `${request.reference}:${now.getTime()}`,
          consentId: latest?.consentId ?? `request:${request.reference}`,
          email,
          categories,
          action: 'withdraw',
          policyVersion: latest?.policyVersion ?? 'request',
          doNotTrack: latest?.doNotTrack ?? false,
          recordedAt: now,
          validUntil: addMonthsUtc(now, CONSENT_VALIDITY_MONTHS),
        }),
      );
      await this.index.add(manager, 'consents', [{ recordId: record.id, identifiers: consentIdentifiers(record) }]);
      const identifiersFlagged = await this.stops.record(manager, request.id, 'withdrawal', identifiers, withdrawn);
      const effects = chosen.map((a) => ({
        activityId: a.id,
        activity: a.name,
        legalBasis: a.legalBasis,
        consentCategory: a.consentCategory,
        sourceSystem: a.sourceSystem,
        recordsHeld: a.sourceSystem ? (found.get(a.sourceSystem)?.length ?? 0) : 0,
        bannerRefuses:
          a.consentCategory && cookieCategories.includes(a.consentCategory as ConsentCategory)
            ? a.consentCategory
            : null,
      }));
      const kind = request.type === 'objection' ? 'objection_recorded' : 'consent_withdrawn';
      await appendToTimeline(manager, actor, request.id, kind, null, {
        consentRecordId: record.id,
        consentId: record.consentId,
        effects,
        identifiersFlagged,
      });
      await this.audit.record(manager, actor, {
        action: `subject.${kind}`,
        entity: 'request',
        entityId: request.id,
        details: {
          reference: request.reference,
          consentRecordId: record.id,
          activities: effects.map((e) => e.activity),
          identifiersFlagged,
        },
      });
      return {
        reference: request.reference,
        consentRecordId: record.id,
        consentId: record.consentId,
        categories,
        effects,
        identifiersFlagged,
      };
    });
  }

  /** Art. 19: the processors to tell of what this request changed, each with a notice. */
  recipients(requestId: string) {
    return recipientsToTell(this.dataSource, requestId);
  }

  /**
   * The subject's own records per source (chat: the conversations that are theirs; access logs: by
   * the IPs given). Records that only mention them, or that they share with someone else, are not
   * theirs to restrict, rectify or count (Art. 15(4)): the attribution of the index decides.
   */
  private async locate(request: DataSubjectRequest, ips: string[] = []): Promise<Map<string, string[]>> {
    const { emails, phones } = await this.identifiersOf(request);
    const located =
      emails.length || phones.length ? await this.search.locate(emails, phones) : new Map<string, Set<string>>();
    const out = new Map<string, string[]>([...located].map(([source, ids]) => [source, [...ids]]));
    const messageIds = out.get('chat-messages') ?? [];
    if (messageIds.length) {
      const rows: Array<{ conversation_id: string }> = await this.dataSource.query(
        `SELECT DISTINCT conversation_id FROM chat_messages WHERE id = ANY($1::uuid[])`,
        [messageIds],
      );
      out.set('chat-conversations', [
        ...new Set([...(out.get('chat-conversations') ?? []), ...rows.map((r) => r.conversation_id)]),
      ]);
    }
    if (ips.length) {
      const rows: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id::text AS id FROM access_logs WHERE ip = ANY($1::inet[])`,
        [ips],
      );
      out.set(
        'access-logs',
        rows.map((r) => r.id),
      );
    }
    return out;
  }

  private async identifiersOf(request: DataSubjectRequest): Promise<{ emails: string[]; phones: string[] }> {
    const emails = [normaliseEmail(request.subjectEmail)].filter((e): e is string => !!e);
    const phones = [normalisePhone(request.subjectPhone)].filter((p): p is string => !!p);
    if (!emails.length && !phones.length) return { emails, phones };
    const { followed, shared } = await this.search.locateSubject(emails, phones);
    for (const [kind, value] of followed) {
      if ((kind === 'email' || kind === 'account') && !emails.includes(value)) emails.push(value);
      if (kind === 'phone' && !phones.includes(value)) phones.push(value);
    }
    // An identifier another person owns too (a shared phone) would restrict their data as well.
    const sharedValues = new Set(shared.map((x) => x.value));
    return { emails: emails.filter((e) => !sharedValues.has(e)), phones: phones.filter((p) => !sharedValues.has(p)) };
  }

  private async loadRequest(id: string): Promise<DataSubjectRequest> {
    const request = await this.dataSource.getRepository(DataSubjectRequest).findOne({ where: { id } });
    if (!request) throw new NotFoundError('Request', id);
    return request;
  }
}

function invalidActivity(id: string): never {
  throw new InvalidInputError(`activityIds: no processing activity has the id ${id}`, {
    activityIds: `unknown activity ${id}`,
  })
    .because('unknown_activity')
    .withFieldReasons({ activityIds: 'unknown_activity' });
}
