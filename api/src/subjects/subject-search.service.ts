import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isIP } from 'node:net';
import { DataSource, In } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { InvalidInputError } from '../common/errors/domain.error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AccessLog } from '../sources/access-logs/access-log.entity';
import { ChatMessage } from '../sources/chat/chat-message.entity';
import { SOURCES, sourceNamed } from '../sources/source-registry';
import { DataKeys } from '../common/crypto/data-keys.service';
import { suppressionHash } from '../erasure/suppression';
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

    if (isIP(trimmed)) {
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

      const first = await this.lookup(start);
      for (const row of first) addMatch(row.source, row.record_id, { kind: row.kind, value: row.value, field: row.field, hop: 0 });
      if (classified.kind === 'name' && first.some((r) => r.kind === 'consent_id')) identifiers[0] = { kind: 'consent_id', value: trimmed, hop: 0 };

      // One hop: the other e-mails, phones, accounts and consent ids of the records found.
      const hop = await this.followOneHop(first, start);
      for (const [kind, value] of hop.followed) identifiers.push({ kind, value, hop: 1 });
      for (const row of hop.rows) {
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

    // One query per source, side by side: on a server the pool runs them at once.
    const loaded = await Promise.all(
      SOURCES.filter((definition) => matches.get(definition.resource)?.size).map(async (definition) => {
        const byRecord = matches.get(definition.resource)!;
        const ids = [...byRecord.keys()].slice(0, MAX_RECORDS_PER_SOURCE);
        const rows = await this.dataSource.getRepository(sourceNamed(definition.resource).entity).find({ where: { id: In(ids) } });
        return {
          source: definition.resource,
          total: byRecord.size,
          records: rows.map((row) => ({ id: String(row.id), record: definition.present(row as never), matches: byRecord.get(String(row.id))! })),
        };
      }),
    );
    const sources: SubjectSearchResult['sources'] = loaded;
    const total = sources.reduce((n, s) => n + s.total, 0);

    await this.audit.recordNow(actor, {
      action: 'subject.searched',
      entity: 'subject',
      details: { query: trimmed, understoodAs, requestId: purpose.requestId ?? null, found: Object.fromEntries(sources.map((s) => [s.source, s.total])) },
    });
    const [erased, requests] = await Promise.all([this.suppressionOf(understoodAs, normalised), this.requestsOf(understoodAs, normalised)]);
    return { query: trimmed, understoodAs, normalised, identifiers, total, sources, erased, requests };
  }

  private async suppressionOf(kind: string, value: string): Promise<SubjectSearchResult['erased']> {
    if (kind !== 'email' && kind !== 'phone') return null;
    const hash = suppressionHash(await this.dataKeys.get('suppression'), kind, value);
    const [row] = await this.dataSource.query(
      `SELECT s.kind, s.request_id, r.reference, s.created_at, s.refused_count FROM suppressed_identifiers s
       LEFT JOIN requests r ON r.id = s.request_id WHERE s.hash = $1`,
      [hash],
    );
    return row
      ? { kind: row.kind, requestId: row.request_id, reference: row.reference, since: new Date(row.created_at).toISOString(), refusedCount: row.refused_count }
      : null;
  }

  private async requestsOf(kind: string, value: string): Promise<SubjectSearchResult['requests']> {
    if (kind !== 'email') return [];
    return this.dataSource.query(
      `SELECT id, reference, type, status FROM requests WHERE lower(subject_email) = $1 ORDER BY received_at DESC LIMIT 50`,
      [value],
    );
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
    const first = await this.lookup(start, 1_000_000);
    add(first);
    const hop = await this.followOneHop(first, start, 1_000_000);
    add(hop.rows);
    return { records, followed: hop.followed };
  }

  /**
   * The records reached through the other identifiers of the records found first. An identifier
   * found in many records is shared (a colleague invited to every appointment, an office
   * switchboard) and is not followed: it would pull in other people.
   */
  private async followOneHop(
    first: IndexRow[],
    start: Array<[string, string]>,
    limit?: number,
  ): Promise<{ followed: Array<[IdentifierKind, string]>; rows: IndexRow[] }> {
    const linked = await this.linkedIdentifiers(first, new Set(start.map(([k, v]) => `${k}\u0000${v}`)));
    // An account is the same person's e-mail: look each up as both.
    const twins = (kind: string, value: string): Array<[string, string]> =>
      kind === 'email' ? [[kind, value], ['account', value]] : kind === 'account' ? [[kind, value], ['email', value]] : [[kind, value]];
    const second = await this.lookup(linked.flatMap(([kind, value]) => twins(kind, value)), limit);
    const uses = new Map<string, number>();
    for (const row of second) uses.set(`${row.kind}\u0000${row.value}`, (uses.get(`${row.kind}\u0000${row.value}`) ?? 0) + 1);
    const shared = (kind: string, value: string) => (uses.get(`${kind}\u0000${value}`) ?? 0) > MAX_SHARED_RECORDS;
    return {
      followed: linked.filter(([kind, value]) => !shared(kind, value)),
      rows: second.filter((row) => !shared(row.kind, row.value)),
    };
  }

  private async lookup(pairs: Array<[string, string]>, limit = 5000): Promise<IndexRow[]> {
    if (pairs.length === 0) return [];
    return this.dataSource.query(
      `SELECT kind, value, source, record_id, field FROM subject_identifiers
       WHERE (kind, value) IN (SELECT k, v FROM unnest($1::text[], $2::text[]) AS t(k, v))
       LIMIT ${Math.trunc(limit)}`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
  }

  private async linkedIdentifiers(rows: IndexRow[], seen: Set<string>): Promise<Array<[IdentifierKind, string]>> {
    if (rows.length === 0) return [];
    const linked: Array<{ kind: IdentifierKind; value: string }> = await this.dataSource.query(
      `SELECT DISTINCT kind, value FROM subject_identifiers
       WHERE (source, record_id) IN (SELECT s, r FROM unnest($1::text[], $2::text[]) AS t(s, r)) AND kind = ANY($3::text[])
         AND source <> ALL($4::text[])
       LIMIT ${MAX_LINKED * 2}`,
      [rows.map((r) => r.source), rows.map((r) => r.record_id), LINKING_KINDS, MULTI_PERSON_SOURCES],
    );
    const out: Array<[IdentifierKind, string]> = [];
    const ownDomain = (value: string) => this.config.controllerDomains.includes(value.slice(value.lastIndexOf('@') + 1));
    for (const { kind, value } of linked) {
      if ((kind === 'email' || kind === 'account') && ownDomain(value)) continue;
      const key = `${kind}\u0000${value}`;
      // An account is the same person's e-mail: do not follow it twice.
      const twin = kind === 'account' ? `email\u0000${value}` : kind === 'email' ? `account\u0000${value}` : key;
      if (seen.has(key) || seen.has(twin)) continue;
      seen.add(key);
      out.push([kind, value]);
      if (out.length >= MAX_LINKED) break;
    }
    return out;
  }
}
