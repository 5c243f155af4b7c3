import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataKeys } from '../common/crypto/data-keys.service';
import { FLAGGED_ON_ROW } from '../erasure/restrictable-sources';
import { suppressedKindOf, suppressionHash } from '../erasure/suppression';
import type { FoundIdentifier } from '../subjects/record-identifiers';

interface Candidate {
  row: Record<string, any>;
  identifiers: FoundIdentifier[];
}

/**
 * What ingestion checks before storing: a record that carries an erased person's e-mail or
 * phone is refused (the suppression list, counted per entry); a record of a person whose
 * processing is restricted is stored flagged as restricted.
 */
@Injectable()
export class IngestionGate {
  constructor(private readonly dataKeys: DataKeys) {}

  /** Answers, per record, whether it may be stored; flags the restricted ones in place. */
  async admit(
    manager: EntityManager,
    source: string,
    records: Candidate[],
    tally: { suppressed: number; restricted: number },
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
    await this.flagRestricted(
      manager,
      source,
      records.filter((_, i) => admitted[i]),
      tally,
    );
    return admitted;
  }

  /** A chat message of a restricted person restricts the conversation it was stored in. */
  async flagConversations(
    manager: EntityManager,
    source: string,
    rows: Array<Record<string, any>>,
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
      ...(source === 'access-logs' && r.row.ip ? [keyOf('ip', String(r.row.ip).toLowerCase())] : []),
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
