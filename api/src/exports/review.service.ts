import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import { appendToTimeline } from '../requests/request-timeline';
import { DataSubjectRequest } from '../requests/request.entity';
import { normaliseEmail, normalisePhone } from '../subjects/identifiers';
import { SubjectSearchService } from '../subjects/subject-search.service';
import { redactOthers, type PersonIdentifiers } from './excerpts';

export const REVIEW_DECISIONS = ['include', 'exclude'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** A record that is not only the person's: listed for the officer, never exported automatically. */
export interface ReviewItem {
  source: string;
  recordId: string;
  /** `mention`: someone else's record names the person; `shared`: the person and someone else own it. */
  relation: 'mention' | 'shared';
  /** When, and what kind of record (no other person's data). */
  date: string | null;
  /** Other participants (an event), counted, not named. */
  otherParticipants: number | null;
  /** The passage about the person, other people redacted (`excerpts.ts`): what would be included. */
  passage: string;
  decision: ReviewDecision | null;
  /** The excerpt the officer included (redacted), or null. */
  excerpt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
}

/** What a `review_decided` event keeps in its details (written by `decide`, read back by `decisions`). */
type ReviewDecided = {
  source: string;
  recordId: string;
  relation: 'mention' | 'shared';
  date: string | null;
  decision: ReviewDecision;
  excerpt: string | null;
};

/** An included excerpt, as the access package writes it. */
export interface IncludedExcerpt {
  source: string;
  recordId: string;
  relation: 'mention' | 'shared';
  date: string | null;
  excerpt: string;
}

/**
 * Art. 15(4) GDPR: records that only mention the person, or that they share with someone else,
 * are listed for the officer's review with the passage about the person; the officer may include
 * an excerpt with the other people redacted. The decision and the excerpt go on the request's
 * timeline (`review_decided`) and in the audit log; the access package holds the included ones.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly search: SubjectSearchService,
    private readonly audit: AuditService,
  ) {}

  async list(requestId: string): Promise<{ reference: string; items: ReviewItem[] }> {
    const request = await this.loadRequest(requestId);
    const { items } = await this.itemsOf(request);
    return { reference: request.reference, items };
  }

  async decide(
    actor: Actor,
    requestId: string,
    input: { source: string; recordId: string; decision: ReviewDecision; excerpt?: string },
  ): Promise<ReviewItem> {
    const request = await this.loadRequest(requestId);
    if (request.status === 'completed' || request.status === 'rejected')
      throw new ConflictError(`${request.reference} is ${request.status}: its package is no longer made`);
    const { items, person } = await this.itemsOf(request);
    const item = items.find((i) => i.source === input.source && i.recordId === input.recordId);
    if (!item) throw new NotFoundError('Record to review', `${input.source}/${input.recordId}`);
    let excerpt: string | null = null;
    if (input.decision === 'include') {
      // Whatever the officer writes, other people's identifiers and the sentences about them are taken out.
      excerpt = input.excerpt?.trim()
        ? redactOthers(input.excerpt, person, { onlyAboutThePerson: false })
        : item.passage;
      if (!excerpt)
        throw new InvalidInputError('excerpt: nothing about the person is left once the other people are redacted', {
          excerpt: 'is empty once redacted',
        });
    }
    await this.dataSource.transaction(async (manager) => {
      const message = `${input.decision === 'include' ? 'Included an excerpt of' : 'Left out'} ${input.source} ${input.recordId} (${item.relation})`;
      const decided: ReviewDecided = {
        source: input.source,
        recordId: input.recordId,
        relation: item.relation,
        date: item.date,
        decision: input.decision,
        excerpt,
      };
      await appendToTimeline(manager, actor, request.id, 'review_decided', message, decided);
      await this.audit.record(manager, actor, {
        action: 'request.review_decided',
        entity: 'request',
        entityId: request.id,
        details: {
          reference: request.reference,
          source: input.source,
          recordId: input.recordId,
          relation: item.relation,
          decision: input.decision,
          excerptLength: excerpt?.length ?? 0,
        },
      });
    });
    return {
      ...item,
      decision: input.decision,
      excerpt,
      decidedAt: new Date().toISOString(),
      decidedBy: actor?.email ?? null,
    };
  }

  /** The excerpts the officer included, latest decision per record (for the access package). */
  async included(requestId: string): Promise<IncludedExcerpt[]> {
    const decisions = await this.decisions(requestId);
    return [...decisions.values()]
      .filter((d) => d.decision === 'include' && d.excerpt)
      .map((d) => ({
        source: d.source,
        recordId: d.recordId,
        relation: d.relation,
        date: d.date,
        excerpt: d.excerpt!,
      }));
  }

  private async decisions(requestId: string) {
    const rows: Array<{ at: Date; actor_email: string | null; details: ReviewDecided }> = await this.dataSource.query(
      `SELECT at, actor_email, details FROM request_events WHERE request_id = $1 AND kind = 'review_decided' ORDER BY at, id`,
      [requestId],
    );
    const latest = new Map<string, ReviewDecided & { at: Date; by: string | null }>();
    for (const r of rows)
      latest.set(`${r.details.source}/${r.details.recordId}`, { ...r.details, at: r.at, by: r.actor_email });
    return latest;
  }

  private async itemsOf(request: DataSubjectRequest): Promise<{ items: ReviewItem[]; person: PersonIdentifiers }> {
    const emails = [normaliseEmail(request.subjectEmail)].filter((e): e is string => !!e);
    const phones = [normalisePhone(request.subjectPhone)].filter((p): p is string => !!p);
    if (!emails.length && !phones.length) return { items: [], person: { emails, phones } };
    const located = await this.search.locateSubject(emails, phones);
    const person: PersonIdentifiers = {
      emails: [...emails, ...located.followed.filter(([k]) => k === 'email' || k === 'account').map(([, v]) => v)],
      phones: [...phones, ...located.followed.filter(([k]) => k === 'phone').map(([, v]) => v)],
    };
    const decisions = await this.decisions(request.id);
    const items: ReviewItem[] = [];
    const db = this.dataSource;
    const day = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
    for (const [source, records] of located.others) {
      const ids = [...records.keys()];
      const facts = new Map<string, { date: string | null; text: string[]; otherParticipants: number | null }>();
      if (source === 'leads') {
        const rows: Array<{ id: string; message: string | null; submitted_at: Date }> = await db.query(
          `SELECT id, message, submitted_at FROM leads WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        for (const r of rows)
          facts.set(r.id, { date: day(r.submitted_at), text: r.message ? [r.message] : [], otherParticipants: null });
      } else if (source === 'chat-conversations') {
        // The visitor's messages that name the person; the assistant's replies are not the visitor's words about them.
        const messageIds = ids.flatMap((id) =>
          records
            .get(id)!
            .rows.filter((r) => r.source === 'chat-messages')
            .map((r) => r.record_id),
        );
        const rows: Array<{ conversation_id: string; content: string; started_at: Date }> = await db.query(
          `SELECT m.conversation_id::text AS conversation_id, m.content, c.started_at FROM chat_messages m JOIN chat_conversations c ON c.id = m.conversation_id
           WHERE m.id = ANY($1::uuid[]) AND m.role = 'user' ORDER BY m.sent_at`,
          [messageIds],
        );
        const starts: Array<{ id: string; started_at: Date }> = await db.query(
          `SELECT id::text AS id, started_at FROM chat_conversations WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        for (const c of starts)
          facts.set(c.id, {
            date: day(c.started_at),
            text: rows.filter((r) => r.conversation_id === c.id).map((r) => r.content),
            otherParticipants: null,
          });
      } else if (source === 'calendar-events') {
        const rows: Array<{
          id: string;
          title: string;
          description: string | null;
          starts_at: Date;
          attendees: Array<{ email: string | null }>;
        }> = await db.query(
          `SELECT id, title, description, starts_at, attendees FROM calendar_events WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        for (const r of rows) {
          const others = (r.attendees ?? []).filter(
            (a) => !(a.email && person.emails.includes(a.email.toLowerCase())),
          ).length;
          facts.set(r.id, {
            date: day(r.starts_at),
            text: [r.title, r.description ?? ''].filter(Boolean),
            otherParticipants: others,
          });
        }
      } else if (source === 'consents') {
        const rows: Array<{ id: string; recorded_at: Date }> = await db.query(
          `SELECT id, recorded_at FROM consent_records WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        for (const r of rows) facts.set(r.id, { date: day(r.recorded_at), text: [], otherParticipants: null });
      }
      for (const id of ids) {
        const f = facts.get(id);
        if (!f) continue; // gone since it was indexed
        const decided = decisions.get(`${source}/${id}`);
        items.push({
          source,
          recordId: id,
          relation: records.get(id)!.relation,
          date: f.date,
          otherParticipants: f.otherParticipants,
          passage: f.text
            .map((t) => redactOthers(t, person, { onlyAboutThePerson: true }))
            .filter(Boolean)
            .join(' … '),
          decision: decided?.decision ?? null,
          excerpt: decided?.excerpt ?? null,
          decidedAt: decided ? new Date(decided.at).toISOString() : null,
          decidedBy: decided?.by ?? null,
        });
      }
    }
    items.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.source.localeCompare(b.source));
    return { items, person };
  }

  private async loadRequest(id: string): Promise<DataSubjectRequest> {
    const request = await this.dataSource.getRepository(DataSubjectRequest).findOne({ where: { id } });
    if (!request) throw new NotFoundError('Request', id);
    return request;
  }
}
