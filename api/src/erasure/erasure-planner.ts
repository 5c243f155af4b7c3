import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DataSubjectRequest } from '../requests/request.entity';
import { normaliseEmail, normaliseName, normalisePhone } from '../subjects/identifiers';
import { SubjectSearchService, type LocatedSubject } from '../subjects/subject-search.service';
import { erasureRun } from './erasable-sources';
import type { SourceErasureReport } from './erasure-report';
import type { ErasureStep } from './erasure-step.entity';
import type { HeldRecord } from '../legal-holds/held-sql';
import type { SubjectIdentifiers } from './masking';
import { mentionRecords, ownRecords, type ErasurePlan } from './source-erasure';

const MAX_LISTED = 1000;

/**
 * What an erasure takes of each source: the plan (the person's records, the records that only
 * mention them, the identifiers to mask and suppress) and its description for the officer.
 * Each source says what its records get (`sources/<folder>/<name>.erasure.ts`).
 */
@Injectable()
export class ErasurePlanner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly search: SubjectSearchService,
  ) {}

  /** Everything the console holds about the person, and the identifiers to mask and suppress. */
  async plan(request: DataSubjectRequest, ips: string[], known?: SubjectIdentifiers): Promise<ErasurePlan> {
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
    const input = {
      manager: this.dataSource.manager,
      ips,
      own: (source: string) => [...(located.records.get(source) ?? [])],
      others: (source: string, relation?: 'mention' | 'shared') =>
        [...(located.others.get(source)?.entries() ?? [])]
          .filter(([, v]) => !relation || v.relation === relation)
          .map(([id]) => id),
    };
    const names = new Set<string>();
    const subjectName = normaliseName(request.subjectName);
    if (subjectName) names.add(subjectName);
    const records: ErasurePlan['records'] = {};
    const mentions: NonNullable<ErasurePlan['mentions']> = {};
    for (const { source, erasure } of erasureRun()) {
      const part = await erasure.plan(input);
      records[source] = part.records;
      if (part.mentions) mentions[source] = part.mentions;
      for (const name of part.names ?? []) names.add(name);
    }
    return {
      identifiers: {
        emails,
        phones,
        names: [...names].flatMap((n) => [n, ...n.split(' ').filter((part) => part.length >= 2)]),
        ips,
      },
      records,
      mentions,
    };
  }

  /** The records of `late` not in `plan` yet: what arrived while the plan was being fixed. */
  newIn(plan: ErasurePlan, late: ErasurePlan): ErasurePlan | null {
    const records: ErasurePlan['records'] = {};
    const mentions: NonNullable<ErasurePlan['mentions']> = {};
    let any = false;
    for (const { source } of erasureRun()) {
      const known = new Set(ownRecords(plan, source));
      records[source] = ownRecords(late, source).filter((id) => !known.has(id));
      const mentioned = new Set(mentionRecords(plan, source));
      const freshMentions = mentionRecords(late, source).filter((id) => !mentioned.has(id));
      if (freshMentions.length) mentions[source] = freshMentions;
      any ||= records[source].length > 0 || freshMentions.length > 0;
    }
    return any ? { identifiers: plan.identifiers, records, mentions } : null;
  }

  /**
   * The records of the plan still to change, as the officer reads them; those a legal hold keeps
   * (`held`, by `source:id`) listed apart as `kept`, with the hold's ground and date.
   */
  async describe(
    manager: EntityManager,
    plan: ErasurePlan,
    steps: ErasureStep[],
    held: ReadonlyMap<string, HeldRecord> = new Map(),
  ): Promise<SourceErasureReport[]> {
    const done = new Set(steps.filter((s) => s.status !== 'failed').map((s) => s.source));
    const out: SourceErasureReport[] = [];
    for (const { source, erasure } of erasureRun()) {
      const isHeld = (id: string) => held.has(`${source}:${id}`);
      const keptIds = [...ownRecords(plan, source), ...mentionRecords(plan, source)].filter(isHeld);
      const ids = done.has(source) ? [] : ownRecords(plan, source).filter((id) => !isHeld(id));
      const mentioning = done.has(source) ? [] : mentionRecords(plan, source).filter((id) => !isHeld(id));
      const records = ids.length ? await erasure.summarise(manager, plan, ids.slice(0, MAX_LISTED)) : [];
      if (mentioning.length) {
        const listed = await erasure.summarise(manager, plan, mentioning.slice(0, MAX_LISTED));
        records.push(...listed.map((r) => ({ ...r, action: 'mask_mention' as const })));
      }
      const total = done.has(source)
        ? 0
        : records.length + Math.max(0, ids.length - MAX_LISTED) + Math.max(0, mentioning.length - MAX_LISTED);
      if (keptIds.length) {
        const listed = await erasure.summarise(manager, plan, keptIds.slice(0, MAX_LISTED));
        records.push(
          ...listed.map((r) => {
            const h = held.get(`${source}:${r.id}`)!;
            const hold = {
              id: h.holdId,
              ground: h.ground,
              legalReference: h.legalReference,
              endsAt: h.endsAt?.toISOString() ?? null,
              reviewAt: h.reviewAt?.toISOString() ?? null,
            };
            return { ...r, action: 'kept' as const, hold };
          }),
        );
      }
      out.push({ source, total, records, ...(keptIds.length ? { kept: keptIds.length } : {}) });
    }
    return out;
  }
}
