import type { EntityManager } from 'typeorm';
import type { RetentionAction } from '../registers/retention/retention-policy.entity';

/**
 * What retention means for one personal-data source: its rule (the date that says a record is
 * past retention, what a policy may do to it) and its sweeper (the SQL that counts the records
 * past a cutoff and changes them a batch at a time). Each source declares it in its folder
 * (`sources/<folder>/<name>.retention.ts`).
 */

export interface SourceRule {
  /**
   * The date that says a record is past retention (named for the report):
   * submittedAt (leads), lastActivity (a conversation's last message, or its start),
   * revokedAt (a calendar connection: kept until the user disconnects it), endsAt (an event),
   * validUntil (a consent's own end of validity), at (an access-log line).
   */
  dateField: string;
  /**
   * age: past retention once the date is older than now minus the policy's period;
   * expiry: the date is the record's own end of validity, past once it has gone by (consents
   * carry `validUntil`, set from the 12 months at ingestion).
   */
  basis: 'age' | 'expiry';
  /** The policy actions a sweep can carry out on this source. */
  actions: readonly RetentionAction[];
}

export interface PastCount {
  /** Past retention and not restricted: what a sweep changes. */
  past: number;
  /** Past retention but restricted: kept. */
  restricted: number;
  /** Past retention, not restricted, but kept by a legal hold in force (Art. 17(3)). */
  held: number;
  oldest: Date | null;
}

export interface BatchOutcome {
  /** Records the batch picked; fewer than asked means it was the last. */
  picked: number;
  /** Where the next batch starts (the keyset), as PostgreSQL text. */
  next: string;
  changed: number;
  indexRows: number;
}

export type SweepAction = 'delete' | 'anonymise';

export interface SourceSweeper {
  /** The keyset's value before the first record. */
  start: string;
  count(m: EntityManager, cutoff: Date, effect: SweepAction | 'keep'): Promise<PastCount>;
  /** One batch, inside the caller's transaction. Never called for records that only lapse. */
  batch(m: EntityManager, cutoff: Date, action: SweepAction, from: string, limit: number): Promise<BatchOutcome>;
}

/** A source a retention policy can name: the sweep acts on it. */
export interface SweptSource {
  kind: 'swept';
  rule: SourceRule;
  sweeper: SourceSweeper;
}

/** A source no policy names on its own, and why (e.g. its records go with another source's). */
export interface NotSwept {
  kind: 'none';
  reason: string;
}

export type SourceRetention = SweptSource | NotSwept;

export const notSwept = (reason: string): NotSwept => ({ kind: 'none', reason });
