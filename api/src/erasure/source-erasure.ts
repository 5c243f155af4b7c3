import type { DataSource, EntityManager } from 'typeorm';
import type { AuditService, Actor } from '../audit/audit.service';
import type { AppConfig } from '../config/config';
import type { DataSubjectRequest } from '../requests/request.entity';
import type { SubjectIndexService } from '../subjects/subject-index.service';
import type { SubjectIdentifiers } from './masking';

/**
 * What an erasure (Art. 17) does to one personal-data source: which of its records the plan takes
 * (plan), how the officer reads them before the run (summarise), and the change itself (apply).
 * Each source declares it in its folder (`sources/<folder>/<name>.erasure.ts`); the planner and
 * the runner know no source by name.
 */

/**
 * What happens to a record (docs/erasure.md says why):
 * delete: gone; mask: kept for statistics with the person's identifiers masked (chat);
 * unlink: kept as proof with the e-mail removed (consents); revoke_and_delete: the token is
 * revoked at Google, then the connection and its tokens are destroyed; remove_attendee: an event
 * of someone else's calendar loses the person from its attendees and text; mask_mention: a record
 * of someone else that only mentions the person (a lead's message, a visitor's chat) loses the
 * person's e-mails and phones, nothing else (Art. 17 for the person, nothing taken from the owner).
 */
export type ErasureAction =
  | 'delete'
  | 'mask'
  | 'unlink'
  | 'revoke_and_delete'
  | 'remove_attendee'
  | 'mask_mention'
  // kept whole: a legal hold (Art. 17(3)) keeps the record until it ends (legal-holds/)
  | 'kept';

export interface PlannedChange {
  id: string;
  action: ErasureAction;
  /** The record as the officer recognises it: a date, a title, an address. */
  summary: string;
  /** kept: the hold that keeps it, its ground and until when (the end date, else the review date). */
  hold?: { id: string; ground: string; legalReference: string | null; endsAt: string | null; reviewAt: string | null };
}

/** The plan without the records `isHeld` says a legal hold keeps: what a run changes. */
export function withoutHeld(plan: ErasurePlan, isHeld: (source: string, id: string) => boolean): ErasurePlan {
  const records: ErasurePlan['records'] = {};
  const mentions: NonNullable<ErasurePlan['mentions']> = {};
  for (const [source, ids] of Object.entries(plan.records)) records[source] = ids.filter((id) => !isHeld(source, id));
  for (const [source, ids] of Object.entries(plan.mentions ?? {}))
    mentions[source] = ids.filter((id) => !isHeld(source, id));
  return { identifiers: plan.identifiers, records, mentions };
}

/**
 * Per source, the records the plan changes (own and mentioning, those a legal hold keeps left
 * out): what the preview lists, the run changes and the timeline records (one count).
 */
export function plannedCounts(
  plan: ErasurePlan,
  sources: readonly string[],
  isHeld: (source: string, id: string) => boolean = () => false,
): Record<string, number> {
  return Object.fromEntries(
    sources.map((source) => [
      source,
      [...ownRecords(plan, source), ...mentionRecords(plan, source)].filter((id) => !isHeld(source, id)).length,
    ]),
  );
}

/** Every record id of the plan, own and mentioning, of every source. */
export function planRecordIds(plan: ErasurePlan): string[] {
  return [...Object.values(plan.records), ...Object.values(plan.mentions ?? {})].flat();
}

/** The plan fixed at the first run (sealed in erasure_plans). */
export interface ErasurePlan {
  identifiers: SubjectIdentifiers & { ips: string[] };
  /** The person's own records, by source (a source registered after the plan was sealed has none). */
  records: Record<string, string[]>;
  /**
   * Records of other people that only mention the person (or that they share with someone else):
   * only the person's e-mails and phones are masked in them. Absent in plans sealed before.
   */
  mentions?: Record<string, string[]>;
}

/** The plan's own records of a source. */
export function ownRecords(plan: ErasurePlan, source: string): string[] {
  return plan.records[source] ?? [];
}

/** The plan's records of a source that only mention the person (none in a plan sealed before they existed). */
export function mentionRecords(plan: ErasurePlan, source: string): string[] {
  return plan.mentions?.[source] ?? [];
}

/**
 * Only the person's e-mails, phones and full names (`mask_mention`): nothing else of the record's
 * owner changes, and a lone first name (perhaps someone else's) stays.
 */
export function mentionIdentifiers(plan: ErasurePlan): SubjectIdentifiers {
  return {
    emails: plan.identifiers.emails,
    phones: plan.identifiers.phones,
    names: plan.identifiers.names.filter((name) => name.includes(' ')),
  };
}

/** What the search found of the person, as a source's planner asks for it. */
export interface PlanningInput {
  manager: EntityManager;
  /** The IP addresses the officer gave at the first run (normalised). */
  ips: string[];
  /** The person's own records of a source, as the search found them. */
  own: (source: string) => string[];
  /** Records of others the search found (with `relation`, only those mentioning or shared). */
  others: (source: string, relation?: 'mention' | 'shared') => string[];
}

/** A source's part of the plan. */
export interface SourcePlan {
  records: string[];
  mentions?: string[];
  /** Names of the person the records state (normalised), masked wherever the person appears. */
  names?: string[];
}

/** What a change inside the run's transaction may use. */
export interface ErasureTools {
  index: SubjectIndexService;
}

/** What a change that calls out of the console (and commits as it goes) may use. */
export interface ErasureRun extends ErasureTools {
  dataSource: DataSource;
  config: AppConfig;
  audit: AuditService;
  actor: Actor;
  request: DataSubjectRequest;
}

interface ErasureBehaviour {
  /**
   * Where the source's step runs in an erasure, lowest first. Declared, because the order
   * matters: events before the connections that delete them, leads (which link the person's
   * identifiers) last.
   */
  runOrder: number;
  plan(input: PlanningInput): Promise<SourcePlan>;
  /** The records as the officer reads them, in the order to list them. */
  summarise(manager: EntityManager, plan: ErasurePlan, ids: string[]): Promise<PlannedChange[]>;
}

/** Changed in one transaction, with the step's outcome. Safe to run twice: what is gone stays gone. */
export interface ErasureInTransaction extends ErasureBehaviour {
  kind: 'in-transaction';
  apply(manager: EntityManager, plan: ErasurePlan, tools: ErasureTools): Promise<number>;
}

/**
 * Calls out of the console (a slow outside service must not hold a lock) and commits record by
 * record; what is refused stays for the next run, named in `error`.
 */
export interface ErasureCallingOut extends ErasureBehaviour {
  kind: 'calling-out';
  apply(run: ErasureRun, plan: ErasurePlan): Promise<{ affected: number; error: string | null }>;
}

/** A source whose records an erasure never changes on their own, and why (e.g. they go with another source's). */
export interface NoErasure {
  kind: 'none';
  reason: string;
}

export type SourceErasure = ErasureInTransaction | ErasureCallingOut | NoErasure;
export type ErasingSource = ErasureInTransaction | ErasureCallingOut;

export const noErasure = (reason: string): NoErasure => ({ kind: 'none', reason });

/** The day of a date, as summaries show it. */
export const dayOf = (d: Date | string) => new Date(d).toISOString().slice(0, 10);
