import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { InvalidInputError } from '../common/errors/domain.error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AccessLog } from '../sources/access-logs/access-log.entity';
import { ChatMessage } from '../sources/chat/chat-message.entity';
import { SOURCES, sourceNamed } from '../sources/source-registry';
import { DataKeys } from '../common/crypto/data-keys.service';
import { loadByIds } from '../database/load-by-ids';
import { preparedQuery, type PreparedStatement } from '../database/prepared-query';
import { suppressionHash } from '../erasure/suppression';
import { isPlainIpAddress } from '../common/ip-address';
import { classifyQuery, type IdentifierKind } from './identifiers';

export interface Match {
  kind: IdentifierKind | 'ip';
  value: string;
  field: string;
  /** 0: the searched identifier; 1: an identifier found in a record that matched it. */
  hop: 0 | 1;
}

export interface SubjectSearchResult {
  query: string;
  understoodAs: 'email' | 'phone' | 'name' | 'ip';
  normalised: string;
  identifiers: Array<{ kind: string; value: string; hop: 0 | 1 }>;
  total: number;
  sources: Array<{ source: string; total: number; records: Array<{ id: string; record: Record<string, unknown>; matches: Match[] }> }>;
  /** The searched e-mail or phone is on the suppression list: the person was erased (and by which request). */
  erased: { kind: string; requestId: string | null; reference: string | null; since: string; refusedCount: number } | null;
  /** Requests made by this e-mail address: after an erasure, the proof of what was asked and done. */
  requests: Array<{ id: string; reference: string; type: string; status: string }>;
}

/** Identifiers worth following to other records; names are too ambiguous to follow. */
const LINKING_KINDS = ['email', 'phone', 'account', 'consent_id'];
const MAX_LINKED = 50;
/**
 * Sources whose records hold several people (an event lists all its attendees): their
 * identifiers are found, but never followed to other records.
 */
const MULTI_PERSON_SOURCES = ['calendar-events'];
/**
 * An identifier found in more records than this is shared (a colleague invited to every
 * appointment, an office switchboard) and is not followed: it would pull in other people.
 */
const MAX_SHARED_RECORDS = 25;
const MAX_RECORDS_PER_SOURCE = 200;

interface IndexRow {
  kind: IdentifierKind;
  value: string;
  source: string;
  record_id: string;
  field: string;
}

/** "Everything we hold about this person": one search across every source. */
@Injectable()
export class SubjectSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly dataKeys: DataKeys,
  ) {}

  /** `purpose`: the request the search is made for, recorded in the audit log as the reason. */
  async search(actor: Actor, query: string, purpose: { requestId?: string } = {}): Promise<SubjectSearchResult> {
    const trimmed = (query ?? '').trim();
    if (!trimmed) throw new InvalidInputError('q: give an e-mail, a phone number or a name', { q: 'is required' });
    if (trimmed.length > 320) throw new InvalidInputError('q: at most 320 characters', { q: 'is too long' });
    // PostgreSQL text cannot hold a NUL character: a clear 400 instead of a failed query.
    if (trimmed.includes('\u0000')) throw new InvalidInputError('q: must not contain NUL characters', { q: 'must not contain NUL characters' });

    const matches = new Map<string, Map<string, Match[]>>();
    const addMatch = (source: string, recordId: string, match: Match) => {
      const bySource = matches.get(source) ?? new Map<string, Match[]>();
      matches.set(source, bySource);
      const list = bySource.get(recordId) ?? [];
      if (!list.some((m) => m.kind === match.kind && m.value === match.value && m.field === match.field)) list.push(match);
      bySource.set(recordId, list);
    };

    let understoodAs: SubjectSearchResult['understoodAs'];
    let normalised: string;
    const identifiers: SubjectSearchResult['identifiers'] = [];

    if (isPlainIpAddress(trimmed)) {
      understoodAs = 'ip';
      normalised = trimmed.toLowerCase();
      identifiers.push({ kind: 'ip', value: normalised, hop: 0 });
      const logs = await this.dataSource.getRepository(AccessLog).find({ select: { id: true }, where: { ip: normalised }, order: { at: 'DESC' }, take: MAX_RECORDS_PER_SOURCE });
      for (const log of logs) addMatch('access-logs', log.id, { kind: 'ip', value: normalised, field: 'ip', hop: 0 });
    } else {
      const classified = classifyQuery(trimmed);
      if (!classified) throw new InvalidInputError('q: give an e-mail, a phone number or a name', { q: 'is not an e-mail, a phone number or a name' });
      understoodAs = classified.kind;
      normalised = classified.value;
      const start: Array<[string, string]> =
        classified.kind === 'email'
          ? [['email', normalised], ['account', normalised]]
          : classified.kind === 'phone'
            ? [['phone', normalised]]
            : [['name', normalised], ['consent_id', trimmed]];
      identifiers.push({ kind: classified.kind, value: normalised, hop: 0 });

      const graph = await this.identityGraph(start);
      for (const row of graph.first) addMatch(row.source, row.record_id, { kind: row.kind, value: row.value, field: row.field, hop: 0 });
      if (classified.kind === 'name' && graph.first.some((r) => r.kind === 'consent_id')) identifiers[0] = { kind: 'consent_id', value: trimmed, hop: 0 };

      // One hop: the other e-mails, phones, accounts and consent ids of the records found.
      for (const [kind, value] of graph.followed) identifiers.push({ kind, value, hop: 1 });
      for (const row of graph.second) {
        // A record the searched identifier already found needs no second reason.
        if (matches.get(row.source)?.get(row.record_id)?.some((m) => m.hop === 0)) continue;
        addMatch(row.source, row.record_id, { kind: row.kind, value: row.value, field: row.field, hop: 1 });
      }
    }

    // A message that mentions the person makes its conversation part of what is held about them.
    const messageIds = [...(matches.get('chat-messages')?.keys() ?? [])];
    if (messageIds.length) {
      const messages = await this.dataSource.getRepository(ChatMessage).find({ select: { id: true, conversationId: true }, where: { id: In(messageIds) } });
      for (const m of messages) {
        for (const match of matches.get('chat-messages')!.get(m.id)!) addMatch('chat-conversations', m.conversationId, { ...match, field: 'messages' });
      }
    }

    // The records (one query per source), the audit event and the erasure/request history side
    // by side: on a server the pool runs them at once. The answer waits for the audit commit.
    const found = SOURCES.filter((definition) => matches.get(definition.resource)?.size).map((definition) => ({ definition, byRecord: matches.get(definition.resource)! }));
    const [sources, , history] = await Promise.all([
      Promise.all(
        found.map(async ({ definition, byRecord }) => {
          const ids = [...byRecord.keys()].slice(0, MAX_RECORDS_PER_SOURCE);
          const rows = await loadByIds<{ id: string | number }>(this.dataSource, sourceNamed(definition.resource).entity, ids);
          return {
            source: definition.resource,
            total: byRecord.size,
            records: rows.map((row) => ({ id: String(row.id), record: definition.present(row as never), matches: byRecord.get(String(row.id))! })),
          };
        }),
      ),
      this.audit.recordNow(actor, {
        action: 'subject.searched',
        entity: 'subject',
        details: { query: trimmed, understoodAs, requestId: purpose.requestId ?? null, found: Object.fromEntries(found.map((f) => [f.definition.resource, f.byRecord.size])) },
      }),
      this.historyOf(understoodAs, normalised),
    ]);
    const total = sources.reduce((n, s) => n + s.total, 0);
    return { query: trimmed, understoodAs, normalised, identifiers, total, sources, ...history };
  }

  /**
   * Whether the searched e-mail or phone is on the suppression list, and the requests made by
   * that e-mail: one prepared statement (the suppression entry is looked up by its HMAC).
   */
  private async historyOf(kind: string, value: string): Promise<Pick<SubjectSearchResult, 'erased' | 'requests'>> {
    if (kind !== 'email' && kind !== 'phone') return { erased: null, requests: [] };
    const hash = suppressionHash(await this.dataKeys.get('suppression'), kind, value);
    const [row] = await preparedQuery<{ erased: SuppressionRow | null; requests: SubjectSearchResult['requests'] }>(this.dataSource, HISTORY_OF_IDENTIFIER, [
      hash,
      kind === 'email' ? value : null,
    ]);
    const erased = row.erased;
    return {
      erased: erased
        ? { kind: erased.kind, requestId: erased.request_id, reference: erased.reference, since: new Date(erased.created_at).toISOString(), refusedCount: erased.refused_count }
        : null,
      requests: row.requests,
    };
  }

  /**
   * Every record held about a person known by e-mails and phones, per source, following one
   * hop as the search does but without its display limits (for exports and erasure).
   */
  async locate(emails: string[], phones: string[]): Promise<Map<string, Set<string>>> {
    return (await this.locateSubject(emails, phones)).records;
  }

  /** As `locate`, with the identifiers the hop followed (the same person's other e-mails and phones). */
  async locateSubject(
    emails: string[],
    phones: string[],
  ): Promise<{ records: Map<string, Set<string>>; followed: Array<[IdentifierKind, string]> }> {
    const start: Array<[string, string]> = [
      ...emails.flatMap((e): Array<[string, string]> => [['email', e], ['account', e]]),
      ...phones.map((p): [string, string] => ['phone', p]),
    ];
    const records = new Map<string, Set<string>>();
    const add = (rows: IndexRow[]) => {
      for (const row of rows) {
        const set = records.get(row.source) ?? new Set<string>();
        set.add(row.record_id);
        records.set(row.source, set);
      }
    };
    const graph = await this.identityGraph(start, 1_000_000);
    add(graph.first);
    add(graph.second);
    return { records, followed: graph.followed };
  }

  /**
   * The records that hold the starting identifiers (`first`), the other e-mails, phones,
   * accounts and consent ids of those records (`followed`), and the records that hold these
   * (`second`): one prepared statement, so that a search is one round trip for the whole hop.
   * Not followed: names (too ambiguous), identifiers of records that hold several people (an
   * event's attendees), the company's own addresses, and an identifier found in more than
   * MAX_SHARED_RECORDS records (a colleague invited to every appointment, an office switchboard):
   * it would pull in other people.
   */
  private async identityGraph(
    start: Array<[string, string]>,
    limit = 5000,
  ): Promise<{ first: IndexRow[]; followed: Array<[IdentifierKind, string]>; second: IndexRow[] }> {
    const rows = await preparedQuery<IndexRow & { part: 'first' | 'followed' | 'second' }>(this.dataSource, IDENTITY_GRAPH, [
      start.map((p) => p[0]),
      start.map((p) => p[1]),
      Math.trunc(limit),
      LINKING_KINDS,
      MULTI_PERSON_SOURCES,
      this.config.controllerDomains,
      MAX_LINKED,
      MAX_SHARED_RECORDS,
    ]);
    return {
      first: rows.filter((r) => r.part === 'first'),
      followed: rows.filter((r) => r.part === 'followed').map((r): [IdentifierKind, string] => [r.kind, r.value]),
      second: rows.filter((r) => r.part === 'second'),
    };
  }
}

interface SuppressionRow {
  kind: string;
  request_id: string | null;
  reference: string | null;
  created_at: string;
  refused_count: number;
}

/** $1, $2: the starting kinds and values; $3: at most this many records per step. */
const IDENTITY_GRAPH: PreparedStatement = {
  name: 'subjects.identity-graph',
  text: `
    WITH start AS (
      SELECT k, v FROM unnest($1::text[], $2::text[]) AS t(k, v)
    ), first AS (
      SELECT kind, value, source, record_id, field FROM subject_identifiers
      WHERE (kind, value) IN (SELECT k, v FROM start)
      LIMIT $3
    ), candidates AS (
      SELECT DISTINCT kind, value FROM subject_identifiers
      WHERE (source, record_id) IN (SELECT source, record_id FROM first)
        AND kind = ANY($4::text[]) AND source <> ALL($5::text[])
    ), linked AS (
      -- An account is the same person's e-mail: neither is followed if the other was searched,
      -- and the two are followed once (as the e-mail).
      SELECT DISTINCT ON (CASE WHEN kind = 'account' THEN 'email' ELSE kind END, value) kind, value
      FROM candidates c
      WHERE NOT (kind IN ('email', 'account') AND substring(value FROM '[^@]*$') = ANY($6::text[]))
        AND NOT EXISTS (
          SELECT 1 FROM start s
          WHERE s.v = c.value AND (s.k = c.kind OR (s.k IN ('email', 'account') AND c.kind IN ('email', 'account'))))
      ORDER BY CASE WHEN kind = 'account' THEN 'email' ELSE kind END, value, kind DESC
      LIMIT $7
    ), wanted AS (
      SELECT kind, value FROM linked
      UNION SELECT 'account', value FROM linked WHERE kind = 'email'
      UNION SELECT 'email', value FROM linked WHERE kind = 'account'
    ), second AS (
      SELECT kind, value, source, record_id, field FROM subject_identifiers
      WHERE (kind, value) IN (SELECT kind, value FROM wanted)
      LIMIT $3
    ), shared AS (
      SELECT kind, value FROM second GROUP BY kind, value HAVING count(*) > $8
    )
    SELECT 'first' AS part, kind, value, source, record_id, field FROM first
    UNION ALL
    SELECT 'followed', kind, value, NULL, NULL, NULL FROM linked WHERE (kind, value) NOT IN (SELECT kind, value FROM shared)
    UNION ALL
    SELECT 'second', kind, value, source, record_id, field FROM second WHERE (kind, value) NOT IN (SELECT kind, value FROM shared)`,
};

/** $1: the HMAC of the searched e-mail or phone; $2: the e-mail (null for a phone). */
const HISTORY_OF_IDENTIFIER: PreparedStatement = {
  name: 'subjects.history-of-identifier',
  text: `
    SELECT
      (SELECT row_to_json(x) FROM (
         SELECT s.kind, s.request_id, r.reference, s.created_at, s.refused_count
         FROM suppressed_identifiers s LEFT JOIN requests r ON r.id = s.request_id WHERE s.hash = $1) x) AS erased,
      coalesce((SELECT json_agg(x) FROM (
         SELECT id, reference, type, status FROM requests
         WHERE $2::text IS NOT NULL AND lower(subject_email) = $2::text ORDER BY received_at DESC LIMIT 50) x), '[]') AS requests`,
};
