import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataKeys } from '../common/crypto/data-keys.service';
import { queryRows } from '../common/sql-rows';
import { FLAGGED_ON_ROW } from '../erasure/restrictable-sources';
import { suppressedKindOf, suppressionHash } from '../erasure/suppression';
import { grantedCategories, ingestionEffect, stopApplies, type StopReason } from '../objections/stop-rules';
import { appendToTimeline } from '../requests/request-timeline';
import { sourceSystemOf } from '../sources/source-registry';
import type { FoundIdentifier } from '../subjects/record-identifiers';

interface Candidate {
  row: Record<string, unknown>;
  identifiers: FoundIdentifier[];
}

/** What the stops of objections and withdrawals did to a batch (stop-rules.ts says which is which). */
export interface StopTally {
  /** Records refused: a direct-marketing objection to their activity (Art. 21(3)). */
  refusedAfterObjection: number;
  /** Records stored flagged: an objection or a withdrawal stopped their activity for the person. */
  flaggedAfterStop: number;
  /** Withdrawals lifted by the person's fresh grant of consent. */
  withdrawalsLifted: number;
}

interface StopRow {
  id: string;
  hash: string;
  reason: StopReason;
  activity_id: string | null;
  source_system: string | null;
}

/**
 * What ingestion checks before storing: a record that carries an erased person's e-mail or
 * phone is refused (the suppression list, counted per entry); a record of a person whose
 * processing is restricted is stored flagged as restricted; a record of a person whose
 * processing for its activity is stopped (objection, withdrawal) is refused or stored flagged.
 */
@Injectable()
export class IngestionGate {
  constructor(private readonly dataKeys: DataKeys) {}

  /** The stops each admitted row was stored under, for `flagStopped` once the rows have ids. */
  private readonly stopsOfRow = new WeakMap<object, string[]>();

  /** Answers, per record, whether it may be stored; flags the restricted ones in place. */
  async admit(
    manager: EntityManager,
    source: string,
    records: Candidate[],
    tally: { suppressed: number; restricted: number },
    stopTally: StopTally = { refusedAfterObjection: 0, flaggedAfterStop: 0, withdrawalsLifted: 0 },
  ): Promise<boolean[]> {
    const key = await this.dataKeys.get('suppression', manager);
    // Only what a record holds as its owner's: a record that merely names an erased person is someone else's (Art. 17 does not erase them).
    const hashes = records.map((r) =>
      r.identifiers
        .filter((i) => i.role === 'owner')
        .flatMap((i) => {
          const kind = suppressedKindOf(i.kind);
          return kind ? [suppressionHash(key, kind, i.value)] : [];
        }),
    );
    const all = [...new Set(hashes.flat())];
    const suppressed = new Set<string>();
    if (all.length) {
      const rows: Array<{ hash: string }> = await manager.query(
        `SELECT hash FROM suppressed_identifiers WHERE hash = ANY($1::text[])`,
        [all],
      );
      for (const row of rows) suppressed.add(row.hash);
    }
    const admitted = hashes.map((h) => !h.some((x) => suppressed.has(x)));
    const refusals = new Map<string, number>();
    hashes.forEach((h, i) => {
      if (admitted[i]) return;
      tally.suppressed++;
      for (const x of h.filter((x) => suppressed.has(x))) refusals.set(x, (refusals.get(x) ?? 0) + 1);
    });
    if (refusals.size) {
      await manager.query(
        `UPDATE suppressed_identifiers AS s SET refused_count = s.refused_count + t.n, last_refused_at = now()
         FROM unnest($1::text[], $2::int[]) AS t(hash, n) WHERE s.hash = t.hash`,
        [[...refusals.keys()], [...refusals.values()]],
      );
    }
    await this.liftWithdrawals(manager, records, hashes, admitted, stopTally);
    await this.applyStops(manager, source, records, hashes, admitted, stopTally);
    await this.flagRestricted(
      manager,
      source,
      records.filter((_, i) => admitted[i]),
      tally,
    );
    return admitted;
  }

  /**
   * The stops in force for each record's owner and its source's activity: a refusal takes the
   * record out of the batch (Art. 21(3)); a flag is kept for `flagStopped`.
   */
  private async applyStops(
    manager: EntityManager,
    source: string,
    records: Candidate[],
    hashes: string[][],
    admitted: boolean[],
    tally: StopTally,
  ): Promise<void> {
    const all = [...new Set(hashes.filter((_, i) => admitted[i]).flat())];
    if (!all.length) return;
    const stops: StopRow[] = await manager.query(
      `SELECT id, hash, reason, activity_id, source_system FROM processing_stops
       WHERE lifted_at IS NULL AND hash = ANY($1::text[])`,
      [all],
    );
    if (!stops.length) return;
    const system = sourceSystemOf(source);
    records.forEach((record, i) => {
      if (!admitted[i]) return;
      const applying = stops.filter(
        (s) => hashes[i].includes(s.hash) && stopApplies({ sourceSystem: s.source_system, reason: s.reason }, system),
      );
      if (!applying.length) return;
      if (applying.some((s) => ingestionEffect({ reason: s.reason, activityId: s.activity_id }) === 'refuse')) {
        admitted[i] = false;
        tally.refusedAfterObjection++;
        return;
      }
      tally.flaggedAfterStop++;
      this.stopsOfRow.set(record.row, [...new Set(applying.map((s) => s.id))]);
    });
  }

  /**
   * A consent record that grants a category the person withdrew is their own fresh choice (Art.
   * 7(3) does not forbid consenting again): it lifts the withdrawal for that category, noted on
   * the withdrawal request's timeline.
   */
  private async liftWithdrawals(
    manager: EntityManager,
    records: Candidate[],
    hashes: string[][],
    admitted: boolean[],
    tally: StopTally,
  ): Promise<void> {
    for (const [i, record] of records.entries()) {
      const categories = admitted[i] ? grantedCategories(record.row) : [];
      if (!categories.length || !hashes[i].length) continue;
      const { externalId, consentId } = record.row;
      const by = `consents:${typeof externalId === 'string' ? externalId : typeof consentId === 'string' ? consentId : ''}`;
      const lifted = await queryRows<{ request_id: string; consent_category: string }>(
        manager,
        `UPDATE processing_stops SET lifted_at = now(), lifted_by = $3
         WHERE reason = 'withdrawal' AND lifted_at IS NULL AND hash = ANY($1::text[]) AND consent_category = ANY($2::text[])
         RETURNING request_id, consent_category`,
        [hashes[i], categories, by],
      );
      if (!lifted.length) continue;
      tally.withdrawalsLifted += lifted.length;
      const perRequest = new Map<string, Set<string>>();
      for (const l of lifted)
        perRequest.set(l.request_id, (perRequest.get(l.request_id) ?? new Set()).add(l.consent_category));
      for (const [requestId, lifts] of perRequest) {
        await appendToTimeline(manager, null, requestId, 'withdrawal_lifted', null, {
          categories: [...lifts],
          consentRecord: by,
          recordedAt: record.row.recordedAt ?? null,
        });
      }
    }
  }

  /** Notes, once the rows have ids, which stored records a stop applied to. */
  async flagStopped(manager: EntityManager, source: string, rows: object[], ids: Array<string | null>): Promise<void> {
    const flags = rows.flatMap((row, i) => {
      const id = ids[i];
      const stops = this.stopsOfRow.get(row);
      return id && stops ? stops.map((stopId) => [stopId, id]) : [];
    });
    if (!flags.length) return;
    await manager.query(
      `INSERT INTO processing_stop_flags (stop_id, source, record_id)
       SELECT s, $1, r FROM unnest($2::uuid[], $3::text[]) AS t(s, r) ON CONFLICT DO NOTHING`,
      [source, flags.map((f) => f[0]), flags.map((f) => f[1])],
    );
  }

  /** A chat message of a restricted person restricts the conversation it was stored in. */
  async flagConversations(
    manager: EntityManager,
    source: string,
    rows: Array<Record<string, unknown>>,
    ids: Array<string | null>,
  ): Promise<void> {
    if (source !== 'chat-messages') return;
    const flagged = rows.filter((r, i) => ids[i] && r.restrictedByRequestId);
    for (const row of flagged) {
      await manager.query(
        `UPDATE chat_conversations SET restricted_at = now(), restricted_by_request_id = $2 WHERE id = $1 AND restricted_at IS NULL`,
        [row.conversationId, row.restrictedByRequestId],
      );
    }
  }

  private async flagRestricted(
    manager: EntityManager,
    source: string,
    records: Candidate[],
    tally: { restricted: number },
  ): Promise<void> {
    const keyOf = (kind: string, value: string) => `${kind}\u0000${value}`;
    const pairs = records.map((r) => [
      ...r.identifiers
        .filter((i) => i.role === 'owner' && (i.kind === 'email' || i.kind === 'phone' || i.kind === 'account'))
        .map((i) => keyOf(i.kind, i.value)),
      ...(source === 'access-logs' && typeof r.row.ip === 'string' && r.row.ip
        ? [keyOf('ip', r.row.ip.toLowerCase())]
        : []),
    ]);
    const wanted = [...new Set(pairs.flat())];
    if (!wanted.length) return;
    const rows: Array<{ kind: string; value: string; request_id: string }> = await manager.query(
      `SELECT kind, value, request_id FROM subject_restrictions
       WHERE lifted_at IS NULL AND (kind, value) IN (SELECT k, v FROM unnest($1::text[], $2::text[]) AS t(k, v))`,
      [wanted.map((w) => w.split('\u0000')[0]), wanted.map((w) => w.split('\u0000')[1])],
    );
    const active = new Map(rows.map((r) => [keyOf(r.kind, r.value), r.request_id]));
    records.forEach((record, i) => {
      const requestId = pairs[i].map((p) => active.get(p)).find(Boolean);
      if (!requestId) return;
      tally.restricted++;
      // On a chat message it is only a note for flagConversations: the column is its conversation's.
      record.row.restrictedByRequestId = requestId;
      if (FLAGGED_ON_ROW.has(source)) record.row.restrictedAt = new Date();
    });
  }
}
