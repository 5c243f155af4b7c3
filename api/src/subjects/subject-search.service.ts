import { presentStops, type ActiveStop } from '../objections/active-stops';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AccessLog } from '../sources/access-logs/access-log.entity';
import { multiPersonSources, SOURCES, sourceNamed } from '../sources/source-registry';
import { DataKeys } from '../common/crypto/data-keys.service';
import { entitiesFromJson, loadByIds } from '../database/load-by-ids';
import { preparedQuery } from '../database/prepared-query';
import {
  graphParameters,
  IDENTITY_GRAPH,
  MAX_RECORDS_PER_SOURCE,
  searchParametersFor,
  subjectSearchStatement,
} from './search-statement';
import { isPlainIpAddress } from '../common/ip-address';
import { classifyQuery, type ClassifiedQuery, type IdentifierKind } from './identifiers';
import type { IdentifierRole } from './attribution';
import { attributeRecords, type Relation, type Unit } from './record-attribution';

export interface Match {
  kind: IdentifierKind | 'ip';
  value: string;
  field: string;
  /** 0: the searched identifier; 1: an identifier found in a record that matched it. */
  hop: 0 | 1;
}

/** An index entry that brought a record in, with whose it is there (the officer may correct it: PATCH /api/subjects/identifiers/:id). */
export interface MatchedEntry {
  entryId: string;
  kind: IdentifierKind;
  value: string;
  field: string;
  /** The record's `owner`'s identifier, or a `mention` of someone else. */
  role: IdentifierRole;
}

export interface SubjectSearchResult {
  query: string;
  understoodAs: 'email' | 'phone' | 'name' | 'ip';
  normalised: string;
  identifiers: Array<Pick<Match, 'kind' | 'value' | 'hop'>>;
  total: number;
  /**
   * Per record, whose it is for the person searched (Art. 15(4)): `own` (theirs), `shared` (theirs
   * and someone else's: an event with several attendees, a phone two people give), `mention`
   * (someone else's record that names them).
   */
  sources: Array<{
    source: string;
    total: number;
    records: Array<{
      id: string;
      record: Record<string, unknown>;
      matches: Match[];
      relation: Relation;
      entries: MatchedEntry[];
    }>;
  }>;
  /** The searched e-mail or phone is on the suppression list: the person was erased (and by which request). */
  erased: {
    kind: string;
    requestId: string | null;
    reference: string | null;
    /** When the erasure put the identifier on the suppression list (its first run). */
    since: string;
    /** When the erasure completed (every source done or waived); null while it is still under way. */
    completedAt: string | null;
    refusedCount: number;
  } | null;
  /** Requests made by this e-mail address: after an erasure, the proof of what was asked and done. */
  requests: Array<{ id: string; reference: string; type: string; status: string }>;
  /** Objections (Art. 21) and withdrawals (Art. 7(3)) in force for the searched e-mail or phone, with their requests. */
  processingStops: ActiveStop[];
}

interface IndexRow {
  id: string;
  kind: IdentifierKind;
  value: string;
  source: string;
  record_id: string;
  field: string;
  role: IdentifierRole;
}

/** What the index says about one person: their own records, those that mention them or are shared, and their identifiers. */
export interface LocatedSubject {
  /** Own records per source (chat: `chat-conversations`). */
  records: Map<string, Set<string>>;
  /** Records that only mention the person, or that they share with someone else, per source, with the index rows that matched. */
  others: Map<string, Map<string, { relation: 'mention' | 'shared'; rows: IndexRow[] }>>;
  /** The person's identifiers beyond those asked for (the other e-mails, phones and accounts of their own records). */
  followed: Array<[IdentifierKind, string]>;
  /** The person's identifiers another person owns too (never suppressed). */
  shared: Array<{ kind: IdentifierKind; value: string }>;
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
    if (trimmed.includes('\u0000'))
      throw new InvalidInputError('q: must not contain NUL characters', { q: 'must not contain NUL characters' });

    const matches = new Map<string, Map<string, Match[]>>();
    const addMatch = (source: string, recordId: string, match: Match) => {
      const bySource = matches.get(source) ?? new Map<string, Match[]>();
      matches.set(source, bySource);
      const list = bySource.get(recordId) ?? [];
      if (!list.some((m) => m.kind === match.kind && m.value === match.value && m.field === match.field))
        list.push(match);
      bySource.set(recordId, list);
    };

    let understoodAs: SubjectSearchResult['understoodAs'];
    // Access-log lines are linked to a person by their IP only: they are the person's as searched.
    let relations: (source: string, recordId: string) => Relation = () => 'own';
    const entries = new Map<string, MatchedEntry[]>();
    let normalised: string;
    const identifiers: SubjectSearchResult['identifiers'] = [];
    let conversationOf = new Map<string, string>();

    // The erasure and request history of the searched e-mail or phone (none for a name or an IP).
    let history: Pick<SubjectSearchResult, 'erased' | 'requests' | 'processingStops'> = {
      erased: null,
      requests: [],
      processingStops: [],
    };
    // The records the search statement brought, per source, before attribution kept them or not.
    let fetched = new Map<string, Map<string, Record<string, unknown>>>();
    if (isPlainIpAddress(trimmed)) {
      understoodAs = 'ip';
      normalised = trimmed.toLowerCase();
      identifiers.push({ kind: 'ip', value: normalised, hop: 0 });
      const logs = await this.dataSource
        .getRepository(AccessLog)
        .find({ select: { id: true }, where: { ip: normalised }, order: { at: 'DESC' }, take: MAX_RECORDS_PER_SOURCE });
      for (const log of logs) addMatch('access-logs', log.id, { kind: 'ip', value: normalised, field: 'ip', hop: 0 });
    } else {
      const classified = classifyQuery(trimmed);
      if (!classified)
        throw new InvalidInputError('q: give an e-mail, a phone number or a name', {
          q: 'is not an e-mail, a phone number or a name',
        });
      understoodAs = classified.kind;
      normalised = classified.value;
      identifiers.push({ kind: classified.kind, value: normalised, hop: 0 });

      const answer = await this.searchAll(classified, trimmed);
      const graph = answer.graph;
      history = answer.history;
      fetched = answer.records;
      // Names are not the person's identity (two people share one): a name search labels nothing as shared by it.
      const person =
        classified.kind === 'email'
          ? { emails: [normalised], phones: [] }
          : classified.kind === 'phone'
            ? { emails: [], phones: [normalised] }
            : { emails: [], phones: [], consentIds: [trimmed] };
      const attributed = this.attribute(person, graph, classified.kind === 'name');
      conversationOf = graph.conversationOf;
      relations = attributed.relationOf;
      const match = (row: IndexRow, hop: 0 | 1): Match => {
        const list = entries.get(`${row.source}\u0000${row.record_id}`) ?? [];
        list.push({ entryId: String(row.id), kind: row.kind, value: row.value, field: row.field, role: row.role });
        entries.set(`${row.source}\u0000${row.record_id}`, list);
        return { kind: row.kind, value: row.value, field: row.field, hop };
      };
      for (const row of attributed.first) addMatch(row.source, row.record_id, match(row, 0));
      if (classified.kind === 'name' && graph.first.some((r) => r.kind === 'consent_id'))
        identifiers[0] = { kind: 'consent_id', value: trimmed, hop: 0 };

      // One hop, owner to owner: the other e-mails, phones, accounts and consent ids the person's own records hold.
      for (const [kind, value] of attributed.followed) identifiers.push({ kind, value, hop: 1 });
      for (const row of attributed.second) {
        // A record the searched identifier already found needs no second reason.
        if (
          matches
            .get(row.source)
            ?.get(row.record_id)
            ?.some((m) => m.hop === 0)
        )
          continue;
        addMatch(row.source, row.record_id, match(row, 1));
      }
    }

    // A message that mentions the person makes its conversation part of what is held about them.
    for (const [messageId, messageMatches] of matches.get('chat-messages') ?? []) {
      const conversationId = conversationOf.get(messageId);
      if (!conversationId) continue;
      for (const match of messageMatches)
        addMatch('chat-conversations', conversationId, { ...match, field: 'messages' });
    }

    // The records found, from what the statement brought (a source with more than it brings, or
    // the IP search, loads the rest), then the audit event: one write, waited for before answering.
    const found = SOURCES.filter((definition) => matches.get(definition.resource)?.size).map((definition) => ({
      definition,
      byRecord: matches.get(definition.resource)!,
    }));
    const sources = await Promise.all(
      found.map(async ({ definition, byRecord }) => {
        const ids = [...byRecord.keys()].slice(0, MAX_RECORDS_PER_SOURCE);
        const brought = fetched.get(definition.resource) ?? new Map<string, Record<string, unknown>>();
        const missing = ids.filter((id) => !brought.has(id));
        const loaded = await loadByIds<{ id: string | number }>(
          this.dataSource,
          sourceNamed(definition.resource).entity,
          missing,
        );
        const rows = new Map<string, Record<string, unknown>>(brought);
        for (const row of loaded) rows.set(String(row.id), row);
        return {
          source: definition.resource,
          total: byRecord.size,
          records: ids
            .filter((id) => rows.has(id))
            .map((id) => ({
              id,
              record: definition.present(rows.get(id) as never),
              matches: byRecord.get(id)!,
              relation: relations(definition.resource, id),
              entries: entries.get(`${definition.resource}\u0000${id}`) ?? [],
            })),
        };
      }),
    );
    await this.audit.recordNow(actor, {
      action: 'subject.searched',
      entity: 'subject',
      details: {
        query: trimmed,
        understoodAs,
        requestId: purpose.requestId ?? null,
        found: Object.fromEntries(found.map((f) => [f.definition.resource, f.byRecord.size])),
      },
    });
    const total = sources.reduce((n, s) => n + s.total, 0);
    return { query: trimmed, understoodAs, normalised, identifiers, total, sources, ...history };
  }

  /**
   * The officer's correction of whose an identifier is in one record: `owner` (it says whose the
   * record is) or `mention`. The search, the packages, erasure and the other rights follow it.
   * Audited (`subject.attribution_corrected`) with the role before and after.
   */
  async setRole(actor: Actor, entryId: string, role: IdentifierRole, reason: string | null) {
    return this.dataSource.transaction(async (manager) => {
      const [entry]: IndexRow[] = await manager.query(
        `SELECT id::text AS id, kind, value, source, record_id, field, role FROM subject_identifiers WHERE id = $1 FOR UPDATE`,
        [entryId],
      );
      if (!entry) throw new NotFoundError('Index entry', entryId);
      // Marked as the officer's even when the role stays: a re-index must not undo a confirmation.
      await manager.query(`UPDATE subject_identifiers SET role = $2, corrected_at = now() WHERE id = $1`, [
        entryId,
        role,
      ]);
      await this.audit.record(manager, actor, {
        action: 'subject.attribution_corrected',
        entity: 'subject_identifier',
        entityId: entryId,
        details: {
          source: entry.source,
          recordId: entry.record_id,
          field: entry.field,
          kind: entry.kind,
          value: entry.value,
          before: { role: entry.role },
          after: { role },
          reason,
        },
      });
      return {
        id: entry.id,
        kind: entry.kind,
        value: entry.value,
        source: entry.source,
        recordId: entry.record_id,
        field: entry.field,
        role,
      };
    });
  }

  /**
   * The search's one statement (`search-statement.ts`): the identity graph from the starting
   * identifiers, the records it found, and the searched e-mail's or phone's history (the
   * suppression entry is looked up by its HMAC).
   */
  private async searchAll(
    query: ClassifiedQuery,
    typed: string,
  ): Promise<{
    graph: IdentityGraph;
    records: Map<string, Map<string, Record<string, unknown>>>;
    history: Pick<SubjectSearchResult, 'erased' | 'requests' | 'processingStops'>;
  }> {
    const [row] = await preparedQuery<{
      graph: GraphRow[];
      records: Record<string, Array<Record<string, unknown>>>;
      erased: SuppressionRow | null;
      requests: SubjectSearchResult['requests'];
      stops: Parameters<typeof presentStops>[0];
    }>(
      this.dataSource,
      subjectSearchStatement(this.dataSource),
      await searchParametersFor(query, typed, this.config.controllerDomains, () => this.dataKeys.get('suppression')),
    );
    const records = new Map<string, Map<string, Record<string, unknown>>>();
    for (const definition of SOURCES) {
      const entities = entitiesFromJson<{ id: string | number }>(
        this.dataSource,
        definition.entity,
        row.records[definition.resource] ?? [],
      );
      records.set(definition.resource, new Map(entities.map((e) => [String(e.id), e])));
    }
    const erased = row.erased;
    return {
      graph: graphOf(row.graph),
      records,
      history: {
        erased: erased
          ? {
              kind: erased.kind,
              requestId: erased.request_id,
              reference: erased.reference,
              since: new Date(erased.created_at).toISOString(),
              completedAt: erased.completed_at ? new Date(erased.completed_at).toISOString() : null,
              refusedCount: erased.refused_count,
            }
          : null,
        requests: row.requests,
        processingStops: presentStops(row.stops),
      },
    };
  }

  /**
   * The person's own records, per source, following one hop (owner to owner) as the search does
   * but without its display limits (for exports, erasure and the other rights).
   */
  async locate(emails: string[], phones: string[]): Promise<Map<string, Set<string>>> {
    return (await this.locateSubject(emails, phones)).records;
  }

  /**
   * As `locate`, with the records that only mention the person or that they share with someone
   * else (reviewed by the officer, never handed over or erased as theirs), the identifiers the
   * hop followed (the same person's other e-mails and phones) and those another person owns too.
   */
  async locateSubject(emails: string[], phones: string[]): Promise<LocatedSubject> {
    const start: Array<[string, string]> = [
      ...emails.flatMap((e): Array<[string, string]> => [
        ['email', e],
        ['account', e],
      ]),
      ...phones.map((p): [string, string] => ['phone', p]),
    ];
    const graph = await this.identityGraph(start, 1_000_000);
    const attributed = this.attribute({ emails, phones }, graph, false);
    const records = new Map<string, Set<string>>();
    const others: LocatedSubject['others'] = new Map();
    for (const row of [...attributed.first, ...attributed.second]) {
      const [source, id] = attributed.unitOf(row);
      const relation = attributed.relationOf(source, id);
      if (relation === 'own') {
        const set = records.get(source) ?? new Set<string>();
        set.add(id);
        records.set(source, set);
      } else {
        type OthersOfSource = NonNullable<ReturnType<LocatedSubject['others']['get']>>;
        const bySource: OthersOfSource = others.get(source) ?? (new Map() as OthersOfSource);
        const entry = bySource.get(id) ?? { relation, rows: [] };
        entry.rows.push(row);
        bySource.set(id, entry);
        others.set(source, bySource);
      }
    }
    return { records, others, followed: attributed.followed, shared: attributed.shared };
  }

  /**
   * Whose each record found is, for the person (`record-attribution.ts`): from the owner entries
   * of every record found (a chat conversation is one record: its visitor identity and its
   * messages), decides the first step's records, keeps only the hop's identifiers that the
   * person's own records hold, then decides the second step's records.
   */
  private attribute(
    person: { emails: string[]; phones: string[]; consentIds?: string[] },
    graph: IdentityGraph,
    byName: boolean,
  ): {
    first: IndexRow[];
    second: IndexRow[];
    followed: Array<[IdentifierKind, string]>;
    shared: Array<{ kind: IdentifierKind; value: string }>;
    unitOf: (row: { source: string; record_id: string }) => [string, string];
    relationOf: (source: string, recordId: string) => Relation;
  } {
    const all = [...graph.first, ...graph.second];
    const { conversationOf, owners } = graph;
    const unitOf = (row: { source: string; record_id: string }): [string, string] =>
      row.source === 'chat-messages'
        ? ['chat-conversations', conversationOf.get(row.record_id) ?? row.record_id]
        : [row.source, row.record_id];
    const keyOf = (source: string, id: string) => `${source}\u0000${id}`;
    const units = new Map<string, Unit>();
    const unit = (source: string, id: string) => {
      const key = keyOf(source, id);
      const u = units.get(key) ?? { key, multiPerson: multiPersonSources().includes(source), identifiers: [] };
      units.set(key, u);
      return u;
    };
    for (const o of owners)
      unit(o.source, o.record_id).identifiers.push({ kind: o.kind, value: o.value, role: 'owner' });
    for (const row of all) {
      const [source, id] = unitOf(row);
      unit(source, id).identifiers.push({ kind: row.kind, value: row.value, role: row.role });
    }
    const keysOf = (rows: IndexRow[]) => new Set(rows.map((r) => keyOf(...unitOf(r))));
    // The first step: whose are the records the identifiers asked for found.
    const firstKeys = keysOf(graph.first);
    const firstPass = attributeRecords(
      person,
      [...units.values()].filter((u) => firstKeys.has(u.key)),
    );
    // The hop follows only what the person's own records hold as theirs (owner to owner).
    const followedIds = new Set([
      ...firstPass.emails.flatMap((e) => [`email:${e}`, `account:${e}`]),
      ...firstPass.phones.map((p) => `phone:${p}`),
      ...firstPass.consentIds.map((c) => `consent_id:${c}`),
    ]);
    const followed = graph.followed.filter(([kind, value]) => byName || followedIds.has(`${kind}:${value}`));
    const wanted = new Set(
      followed.flatMap(([kind, value]) =>
        kind === 'email' || kind === 'account' ? [`email:${value}`, `account:${value}`] : [`${kind}:${value}`],
      ),
    );
    const second = graph.second.filter((r) => wanted.has(`${r.kind}:${r.value}`));
    const used = new Set([...graph.first, ...second].map((r) => keyOf(...unitOf(r))));
    const final = byName
      ? { relation: new Map<string, Relation>(), shared: [] }
      : attributeRecords(
          person,
          [...units.values()].filter((u) => used.has(u.key)),
        );
    // A name is no identity (two people share one): a record found by name is labelled by the role of what matched.
    const ownedByName = new Set(all.filter((r) => r.role === 'owner').map((r) => keyOf(...unitOf(r))));
    const relationOf = (source: string, recordId: string): Relation => {
      const [s, id] = source === 'chat-messages' ? unitOf({ source, record_id: recordId }) : [source, recordId];
      if (byName) return ownedByName.has(keyOf(s, id)) ? 'own' : 'mention';
      return final.relation.get(keyOf(s, id)) ?? 'mention';
    };
    // A record the person neither owns nor is mentioned in (reached through someone else's identifier) is left out.
    const known = (r: IndexRow) => byName || final.relation.has(keyOf(...unitOf(r)));
    return {
      first: graph.first.filter(known),
      second: second.filter(known),
      followed,
      shared: final.shared,
      unitOf,
      relationOf,
    };
  }

  /**
   * The records that hold the starting identifiers (`first`), the other e-mails, phones,
   * accounts and consent ids of those records (`followed`), and the records that hold these
   * (`second`): one prepared statement, so that a search is one round trip for the whole hop.
   * Not followed: names (too ambiguous), identifiers of records that hold several people (an
   * event's attendees), the company's own addresses, and an identifier found in more than
   * MAX_SHARED_RECORDS records (`search-statement.ts`; a colleague invited to every appointment,
   * an office switchboard): it would pull in other people.
   */
  private async identityGraph(start: Array<[string, string]>, limit: number): Promise<IdentityGraph> {
    return graphOf(
      await preparedQuery<GraphRow>(
        this.dataSource,
        IDENTITY_GRAPH,
        graphParameters(start, limit, this.config.controllerDomains),
      ),
    );
  }
}

type GraphRow = IndexRow & { part: 'first' | 'followed' | 'second' | 'owner'; conversation_id: string | null };

/** The graph's rows, split by part. */
function graphOf(rows: GraphRow[]): IdentityGraph {
  const conversationOf = new Map<string, string>();
  const step = (part: 'first' | 'second'): IndexRow[] =>
    rows
      .filter((r) => r.part === part)
      .map(({ part: _part, conversation_id, ...row }) => {
        if (conversation_id) conversationOf.set(row.record_id, conversation_id);
        return row;
      });
  return {
    first: step('first'),
    followed: rows.filter((r) => r.part === 'followed').map((r): [IdentifierKind, string] => [r.kind, r.value]),
    second: step('second'),
    owners: rows.filter((r) => r.part === 'owner'),
    conversationOf,
  };
}

/** What IDENTITY_GRAPH answers, split by part. */
interface IdentityGraph {
  first: IndexRow[];
  followed: Array<[IdentifierKind, string]>;
  second: IndexRow[];
  /** The owner entries of every record found; a chat message's are its conversation's. */
  owners: Array<{ kind: IdentifierKind; value: string; source: string; record_id: string }>;
  /** The conversation of each chat message found. */
  conversationOf: Map<string, string>;
}

interface SuppressionRow {
  kind: string;
  request_id: string | null;
  reference: string | null;
  created_at: string;
  completed_at: string | null;
  refused_count: number;
}
