import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImapFlow } from 'imapflow';
import { DataSource, EntityManager, In, IsNull, QueryFailedError } from 'typeorm';
import { AuditService, type Actor, type HeldEvents } from '../audit/audit.service';
import { DataKeys } from '../common/crypto/data-keys.service';
import { open as openSealed, seal } from '../common/crypto/secret-box';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import type { Page } from '../common/rest/content-range';
import { findPage } from '../common/rest/find-page';
import type { ListQuery } from '../common/rest/list-query';
import { tryRunLock } from '../common/run-lock';
import { queryRow, queryRows } from '../common/sql-rows';
import type { AppConfig, MailboxConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { headerText, parseRequestEmail, type ParsedIntake } from '../requests/email-intake';
import { headerFields } from '../requests/request-record';
import { appendToTimeline } from '../requests/request-timeline';
import { DataSubjectRequest } from '../requests/request.entity';
import { RequestsService } from '../requests/requests.service';
import { messageIdOf, referenceInSubject, threadMessageIds } from './mail-threading';
import { REQUEST_OF_THREAD_SQL, unfiledMessagesSql } from './mailbox-lookups';
import { triageMail, triageReading, type HeaderList, type Triage } from './mail-triage';
import { otherMailCutoff } from './mail-retention';
import { withMailServer } from './mail-server.error';
import { MailboxMessage } from './mailbox-message.entity';
import { OTHER_MAIL_LIST } from './other-mail.list';
import { OtherMail } from './other-mail.entity';

/** Advisory-lock namespace of the mailbox reading (one console at a time reads the mailbox). */
const MAILBOX_LOCK = 727_019;
/** Messages fetched from the server per round trip. */
const FETCH_BATCH = 200;
/** Messages filed in one transaction (`fileBatch`). */
const FILE_BATCH = 50;

export type ReadTrigger = 'startup' | 'schedule' | 'idle' | 'manual';

/** What one reading of the mailbox did (counts only: no personal data). */
export interface ReadSummary {
  trigger: ReadTrigger;
  startedAt: string;
  finishedAt: string;
  /** Messages found in the folder. */
  found: number;
  /** New messages stored as evidence. */
  stored: number;
  /** Messages already imported, found again (the same UID, or the same Message-ID). */
  known: number;
  requests: number;
  replies: number;
  other: number;
  /** Messages that could not be filed this time (they stay on the server and are tried again). */
  failed: number;
  /** Messages marked \Seen and moved to the processed folder. */
  moved: number;
  /** Other mail past OTHER_MAIL_RETENTION_DAYS, deleted with its raw copy. */
  deleted: number;
}

/**
 * Reads the privacy@ mailbox: each new message is stored sealed (a transaction per fetched
 * batch), then filed (a new request, a line on its request's timeline, or other mail, with its
 * audit events; fifty messages a transaction, see `fileBatch`), and only then marked \Seen and
 * moved on the server. A crash between two steps repeats the unfinished one on the next
 * reading: a message stored but not filed is filed from its sealed copy, one filed but not moved
 * is moved, and one fetched again (the same UID, or the same Message-ID after a move that did not
 * finish) is known and not imported twice.
 */
@Injectable()
export class MailboxService implements OnModuleDestroy {
  private readonly logger = new Logger(MailboxService.name);
  /** Readings in this process run one after the other. */
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private processedFolderReady = false;
  private last: ReadSummary | null = null;
  private closing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly dataKeys: DataKeys,
    private readonly requests: RequestsService,
  ) {}

  get settings(): MailboxConfig | null {
    return this.config.mailbox;
  }

  lastRead(): ReadSummary | null {
    return this.last;
  }

  /**
   * Reads the mailbox now, after any reading already under way in this process. A scheduled or
   * IDLE reading is skipped when one is already waiting (it will see the same new mail). Null
   * when another console is reading the mailbox.
   */
  read(trigger: ReadTrigger): Promise<ReadSummary | null> {
    if (!this.config.mailbox) throw new ConflictError('The mailbox is not set up: IMAP_URL is not set');
    if (this.closing) return Promise.resolve(null);
    if (trigger !== 'manual' && this.waiting > 0) return Promise.resolve(null);
    this.waiting++;
    const run = this.tail.then(() => {
      this.waiting--;
      return this.readOnce(trigger);
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** A reading under way finishes its step before the database closes (at most 10 s, then it is repeated at the next start). */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.tail, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
    clearTimeout(timer);
  }

  private async readOnce(trigger: ReadTrigger): Promise<ReadSummary | null> {
    const settings = this.config.mailbox!;
    const lock = await tryRunLock(
      this.dataSource,
      this.config.databaseUrl === null,
      MAILBOX_LOCK,
      mailboxName(settings),
    );
    if (!lock) return null;
    const summary: ReadSummary = {
      trigger,
      startedAt: new Date().toISOString(),
      finishedAt: '',
      found: 0,
      stored: 0,
      known: 0,
      requests: 0,
      replies: 0,
      other: 0,
      failed: 0,
      moved: 0,
      deleted: 0,
    };
    const client = imapClient(settings, true);
    try {
      const mailboxLock = await withMailServer(serverName(settings), async () => {
        await client.connect();
        await this.ensureProcessedFolder(client, settings);
        return client.getMailboxLock(settings.folder);
      });
      let tried: string[];
      try {
        tried = await this.readFolder(client, settings, summary);
      } finally {
        mailboxLock.release();
      }
      // Stored earlier but not filed (a crash, a failure): filed now from the sealed copy. Not
      // those of the folder this reading tried already: once a reading (and counted once).
      await this.fileUnfiled(summary, { except: tried });
      summary.deleted = await this.deleteExpiredOtherMail(settings);
    } finally {
      await client.logout().catch(() => client.close());
      await lock.release();
    }
    summary.finishedAt = new Date().toISOString();
    this.last = summary;
    const { requests, replies, other, failed, moved, stored, known, deleted } = summary;
    this.logger.log(
      `Mailbox read (${trigger}): ${stored} new, ${known} known, ${requests} requests, ${replies} replies, ${other} other, ${failed} failed, ${moved} moved, ${deleted} other mail deleted`,
    );
    return summary;
  }

  /** Reads the folder; answers the rows of its messages (filed now, or tried and failed). */
  private async readFolder(client: ImapFlow, settings: MailboxConfig, summary: ReadSummary): Promise<string[]> {
    const box = client.mailbox;
    if (!box) throw new Error(`the folder ${settings.folder} could not be opened`);
    const uidValidity = box.uidValidity.toString();
    const server = serverName(settings);
    const found =
      box.exists === 0 ? [] : (await withMailServer(server, () => client.search({ all: true }, { uid: true }))) || [];
    summary.found = found.length;
    if (found.length === 0) return [];
    const mailbox = mailboxName(settings);

    // Which of the UIDs are already stored (their row id), which are new.
    const rowOfUid = new Map<number, string>();
    for (let i = 0; i < found.length; i += 1000) {
      const uids = found.slice(i, i + 1000);
      const rows = await queryRows<{ id: string; uid: string }>(
        this.dataSource,
        `SELECT id, uid FROM mailbox_messages WHERE mailbox = $1 AND uid_validity = $2 AND uid = ANY($3::bigint[])`,
        [mailbox, uidValidity, uids],
      );
      for (const row of rows) rowOfUid.set(Number(row.uid), row.id);
    }
    summary.known += rowOfUid.size;
    const fresh = found.filter((uid) => !rowOfUid.has(uid));
    for (let i = 0; i < fresh.length; i += FETCH_BATCH) {
      const batch = await withMailServer(server, () => fetchMessages(client, fresh.slice(i, i + FETCH_BATCH)));
      for (const { uid, id, stored } of await this.storeAll(mailbox, uidValidity, batch)) {
        rowOfUid.set(uid, id);
        if (stored) summary.stored++;
        else summary.known++;
      }
    }

    const rowIds = [...new Set(rowOfUid.values())];
    await this.fileUnfiled(summary, { only: rowIds });

    // Only what is filed leaves the folder; the rest is tried again on the next reading.
    const filedIds = new Set(
      (
        await queryRows<{ id: string }>(
          this.dataSource,
          `SELECT id FROM mailbox_messages WHERE id = ANY($1::uuid[]) AND filed_at IS NOT NULL`,
          [rowIds],
        )
      ).map((r) => r.id),
    );
    const done = [...rowOfUid].filter(([, id]) => filedIds.has(id)).map(([uid]) => uid);
    for (let i = 0; i < done.length; i += 500) {
      const uids = done.slice(i, i + 500);
      try {
        await withMailServer(server, async () => {
          await client.messageFlagsAdd(uids, ['\\Seen'], { uid: true });
          await client.messageMove(uids, settings.processedFolder, { uid: true });
        });
      } catch (error) {
        // The folder may have been removed on the server meanwhile: look for it again next time.
        this.processedFolderReady = false;
        throw error;
      }
      await this.dataSource.query(
        `UPDATE mailbox_messages SET moved_at = now() WHERE mailbox = $1 AND uid_validity = $2 AND uid = ANY($3::bigint[]) AND moved_at IS NULL`,
        [mailbox, uidValidity, uids],
      );
      summary.moved += uids.length;
    }
    return rowIds;
  }

  /**
   * Keeps a batch of fetched messages as evidence, sealed, in one transaction (one commit for
   * the batch: a mailbox of thousands is imported in minutes, not in one disk flush per
   * message): answers each message's row, and whether it was new. The same message again (its
   * UID in this folder, or its Message-ID, or its content when it has none) answers the row
   * already there.
   */
  private async storeAll(
    mailbox: string,
    uidValidity: string,
    batch: Array<{ uid: number; source: Buffer; arrivedAt: Date | null }>,
  ): Promise<Array<{ uid: number; id: string; stored: boolean }>> {
    if (batch.length === 0) return [];
    return this.dataSource.transaction(async (manager) => {
      const key = await this.dataKeys.get('mailbox', manager);
      const rows = batch.map(({ uid, source, arrivedAt }) => {
        const sha256 = createHash('sha256').update(source).digest('hex');
        const messageId = messageIdOf(headerFields(source));
        const dedupeKey = messageId ? `message-id:${messageId}` : `sha256:${sha256}`;
        return {
          uid,
          sha256,
          messageId,
          dedupeKey,
          size: source.length,
          sealed: seal(key, source.toString('base64')),
          arrivedAt,
        };
      });
      const params: unknown[] = [mailbox, uidValidity];
      const values = rows.map((r) => {
        const at = params.length;
        params.push(r.uid, r.dedupeKey, r.messageId, r.sha256, r.size, r.sealed, r.arrivedAt);
        return `($1, $2, $${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}::timestamptz, now())`;
      });
      // A message conflicting with one stored before, or with another of this batch, is not inserted.
      const inserted = await queryRows<{ id: string; uid: string }>(
        manager,
        `INSERT INTO mailbox_messages (mailbox, uid_validity, uid, dedupe_key, message_id, sha256, size, sealed, arrived_at, imported_at)
         VALUES ${values.join(', ')}
         ON CONFLICT DO NOTHING RETURNING id, uid`,
        params,
      );
      const idOfUid = new Map(inserted.map((r) => [Number(r.uid), r.id]));
      const out: Array<{ uid: number; id: string; stored: boolean }> = [];
      for (const r of rows) {
        const id = idOfUid.get(r.uid);
        if (id) {
          out.push({ uid: r.uid, id, stored: true });
          continue;
        }
        const existing = await queryRow<{ id: string; sha256: string }>(
          manager,
          `SELECT id, sha256 FROM mailbox_messages WHERE dedupe_key = $1 OR (mailbox = $2 AND uid_validity = $3 AND uid = $4) LIMIT 1`,
          [r.dedupeKey, mailbox, uidValidity, r.uid],
        );
        if (!existing) throw new Error('a stored message conflicted with no row');
        await this.audit.record(manager, null, {
          action: 'mailbox.duplicate_skipped',
          entity: 'mailbox_message',
          entityId: existing.id,
          // Known by its Message-ID with other content: recorded, for the officer to compare if need be.
          details: { uid: r.uid, sha256: r.sha256, sameContent: existing.sha256 === r.sha256 },
        });
        out.push({ uid: r.uid, id: existing.id, stored: false });
      }
      return out;
    });
  }

  /** Deletes the other mail past its retention that no one made a request of, and its raw copy; audited. */
  private async deleteExpiredOtherMail(settings: MailboxConfig): Promise<number> {
    const cutoff = otherMailCutoff(new Date(), settings.otherMailRetentionDays);
    return this.dataSource.transaction(async (manager) => {
      const gone = await queryRows<{ id: string }>(
        manager,
        `WITH expired AS (
           DELETE FROM other_mail WHERE request_id IS NULL AND received_at < $1 RETURNING mailbox_message_id
         )
         DELETE FROM mailbox_messages WHERE id IN (SELECT mailbox_message_id FROM expired) RETURNING id`,
        [cutoff],
      );
      if (gone.length > 0) {
        await this.audit.record(manager, null, {
          action: 'mailbox.other_mail_deleted',
          entity: 'other_mail',
          details: {
            count: gone.length,
            receivedBefore: cutoff.toISOString(),
            retentionDays: settings.otherMailRetentionDays,
          },
        });
      }
      return gone.length;
    });
  }

  /**
   * Files the messages stored but not yet filed (`only` those, or all `except` those), oldest
   * first, a batch at a time (`fileBatch`).
   */
  private async fileUnfiled(summary: ReadSummary, which: { only?: string[]; except?: string[] }): Promise<void> {
    const rows = await queryRows<{ id: string }>(this.dataSource, unfiledMessagesSql(which.only ? 'only' : 'except'), [
      which.only ?? which.except ?? [],
    ]);
    for (let i = 0; i < rows.length; i += FILE_BATCH)
      await this.fileBatch(
        rows.slice(i, i + FILE_BATCH).map((r) => r.id),
        summary,
      );
  }

  /**
   * Files a batch of stored messages, in order, in one transaction (`fileTogether`), with the
   * batch's audit events appended together before the commit; a reply finds a request made
   * earlier in the same batch. First without savepoints (the common case: every message files);
   * should anything fail, the batch is filed again with each change in a savepoint of its own,
   * so that a message that fails is undone alone and tried again on the next reading. Should
   * that fail too (its commit, a lost connection), each message is filed alone.
   */
  private async fileBatch(ids: string[], summary: ReadSummary): Promise<void> {
    const found = await this.dataSource
      .getRepository(MailboxMessage)
      .find({ where: { id: In(ids), filedAt: IsNull() } });
    const byId = new Map(found.map((row) => [row.id, row]));
    // Read before the transaction (the slow part, a PDF attachment may take a while): it holds locks.
    const readings: Array<{ row: MailboxMessage; reading: Reading }> = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) continue;
      try {
        readings.push({ row, reading: await this.readMessage(row) });
      } catch (error) {
        fileFailed(summary, this.logger, id, error);
      }
    }
    if (readings.length === 0) return;
    const outcomes = await this.fileTogether(readings, false)
      .catch(() => this.fileTogether(readings, true))
      .catch(async (error: unknown) => {
        if (readings.length === 1) return [asError(error)];
        const alone: Array<Disposition | Error> = [];
        for (const one of readings) alone.push(...(await this.fileTogether([one], true).catch((e) => [asError(e)])));
        return alone;
      });
    outcomes.forEach((outcome, i) => {
      if (outcome instanceof Error) fileFailed(summary, this.logger, readings[i].row.id, outcome);
      else if (outcome === 'request') summary.requests++;
      else if (outcome === 'reply') summary.replies++;
      else if (outcome === 'other') summary.other++;
    });
  }

  /**
   * Files the messages in one transaction: each change in a savepoint when `careful` (a change
   * that fails is undone and answered as its message's outcome), else straight (anything that
   * fails fails the transaction).
   */
  private fileTogether(
    readings: Array<{ row: MailboxMessage; reading: Reading }>,
    careful: boolean,
  ): Promise<Array<Disposition | Error>> {
    return this.dataSource.transaction(async (manager) => {
      const filing: Filing = { held: this.audit.hold(manager), careful, undone: null };
      const out: Array<Disposition | Error> = [];
      for (const { row, reading } of readings) {
        try {
          out.push(await this.file(manager, filing, row, reading));
        } catch (error) {
          // Only a change undone to its savepoint leaves the transaction usable.
          if (!careful || error !== filing.undone) throw error;
          out.push(asError(error));
        }
      }
      await this.audit.appendHeld(manager);
      return out;
    });
  }

  /** A stored message opened and read: its headers, what triage says of them, and the letter. */
  private async readMessage(row: MailboxMessage): Promise<Reading> {
    const raw = await this.rawOf(row);
    const headers = headerFields(raw);
    let triage: Triage | null = triageMail(headers);
    let parsed: ParsedIntake | null = null;
    try {
      parsed = await parseRequestEmail(raw, row.arrivedAt ?? row.importedAt);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      triage ??= { kind: 'unreadable', reason: error.message };
    }
    return { headers, triage, parsed };
  }

  /**
   * Files one stored message in the batch's transaction: a line on its request's timeline (a
   * reply), a new request, or other mail (by its headers, or a letter that asks no right). Each
   * change is made with its audit events through `attempt` (in a savepoint when careful).
   */
  private async file(
    manager: EntityManager,
    filing: Filing,
    row: MailboxMessage,
    { headers, triage, parsed }: Reading,
  ): Promise<Disposition> {
    if (triage || !parsed) return this.fileAsOther(manager, filing, row, headers, triage!, parsed);

    const reply = await this.requestRepliedTo(manager, headers, parsed);
    if (reply) {
      const filed = await this.attempt(manager, filing, async (m) => {
        if (!(await claim(m, row.id, 'reply', reply.requestId))) return false;
        await appendToTimeline(m, null, reply.requestId, 'email_received', parsed.received.message, {
          ...parsed.received.details,
          mailboxMessageId: row.id,
          matchedBy: reply.matchedBy,
        });
        await this.audit.record(m, null, {
          action: 'mailbox.reply_filed',
          entity: 'request',
          entityId: reply.requestId,
          details: { mailboxMessageId: row.id, matchedBy: reply.matchedBy, sha256: row.sha256 },
        });
        return true;
      });
      return filed ? 'reply' : null;
    }

    // A person wrote, but asks us no right (a complaint to the Garante, a question): no legal
    // deadline, unless the same e-mail already made a request (imported by hand, or made one by the officer).
    const noRight = triageReading(parsed.received.details);
    if (noRight && !(await requestByFingerprint(manager, parsed.email.fingerprint)))
      return this.fileAsOther(manager, filing, row, headers, noRight, parsed);

    // The request, the message filed on it and its audit events: one savepoint.
    const received = { ...parsed.received, details: { ...parsed.received.details, mailboxMessageId: row.id } };
    try {
      return await this.attempt(manager, filing, async (m) => {
        const made = await this.requests.create(null, parsed.request, received, parsed.email, m);
        await this.fileOnRequest(m, row, made);
        return 'request' as const;
      });
    } catch (error) {
      if (!filing.careful) throw error;
      if (error instanceof FiledMeanwhile) return null;
      // A receipt the intake refuses (a date in the future, before 2000): other mail for the officer to look at.
      if (error instanceof InvalidInputError)
        return this.fileAsOther(manager, filing, row, headers, { kind: 'unreadable', reason: error.message }, parsed);
      // The same e-mail made a request already (uploaded by hand, or meanwhile; its fingerprint
      // is unique): the message is filed on that one.
      if (!isUniqueViolation(error)) throw error;
      const first = await requestByFingerprint(manager, parsed.email.fingerprint);
      if (!first) throw error;
      try {
        await this.attempt(manager, filing, (m) => this.fileOnRequest(m, row, first));
      } catch (again) {
        if (again instanceof FiledMeanwhile) return null;
        throw again;
      }
      return 'request';
    }
  }

  /**
   * Runs `change` in the batch's transaction: in a savepoint of its own when the filing is
   * careful, so that when it throws, what it made and the audit events it recorded are undone.
   */
  private async attempt<T>(
    manager: EntityManager,
    filing: Filing,
    change: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    if (!filing.careful) return change(manager);
    const mark = filing.held.length;
    try {
      return await manager.transaction(change);
    } catch (error) {
      filing.held.length = mark;
      filing.undone = error;
      throw error;
    }
  }

  /**
   * Files a message on the request it made, with its audit event; throws FiledMeanwhile when it
   * was filed meanwhile, so that the savepoint undoes what it made.
   */
  private async fileOnRequest(manager: EntityManager, row: MailboxMessage, request: DataSubjectRequest): Promise<void> {
    if (!(await claim(manager, row.id, 'request', request.id))) throw new FiledMeanwhile();
    await this.audit.record(manager, null, {
      action: 'mailbox.request_created',
      entity: 'request',
      entityId: request.id,
      details: { mailboxMessageId: row.id, reference: request.reference, sha256: row.sha256 },
    });
  }

  private async fileAsOther(
    manager: EntityManager,
    filing: Filing,
    row: MailboxMessage,
    headers: HeaderList,
    triage: Triage,
    parsed: ParsedIntake | null,
  ): Promise<'other' | null> {
    const subject = parsed
      ? ((parsed.received.details.subject as string | null) ?? null)
      : (headers.find(([n]) => n === 'subject')?.[1] ?? null);
    const from = parsed?.request.subjectEmail ?? rawSenderAddress(headers);
    const filed = await this.attempt(manager, filing, async (m) => {
      if (!(await claim(m, row.id, 'other', null))) return null;
      const other = await m.save(
        OtherMail,
        m.create(OtherMail, {
          mailboxMessageId: row.id,
          kind: triage.kind,
          reason: triage.reason.slice(0, 500),
          fromAddress: from?.slice(0, 320) ?? null,
          subject: subject === null ? null : headerText(subject).slice(0, 998),
          receivedAt: parsed ? new Date(parsed.request.receivedAt) : (row.arrivedAt ?? row.importedAt),
        }),
      );
      await this.audit.record(m, null, {
        action: 'mailbox.other_mail',
        entity: 'other_mail',
        entityId: other.id,
        details: { mailboxMessageId: row.id, kind: triage.kind, reason: triage.reason, sha256: row.sha256 },
      });
      return other;
    });
    return filed ? 'other' : null;
  }

  /**
   * The request a message answers: one whose messages it names (In-Reply-To, References), or
   * whose reference its subject line carries when it comes from that request's own subject (a
   * reference alone is easy to copy: another person's mail never lands on someone's request).
   */
  private async requestRepliedTo(
    manager: EntityManager,
    headers: HeaderList,
    parsed: ParsedIntake,
  ): Promise<{ requestId: string; matchedBy: 'thread' | 'reference' } | null> {
    const ids = threadMessageIds(headers);
    if (ids.length > 0) {
      const bare = ids.map((id) => id.slice(1, -1));
      const hit = await queryRow<{ request_id: string }>(manager, REQUEST_OF_THREAD_SQL, [ids, bare]);
      if (hit) return { requestId: hit.request_id, matchedBy: 'thread' };
    }
    const reference = referenceInSubject(parsed.received.details.subject as string | null);
    if (reference && parsed.request.subjectEmail) {
      const own = await queryRow<{ id: string }>(
        manager,
        `SELECT id FROM requests WHERE reference = $1 AND lower(subject_email) = lower($2)`,
        [reference, parsed.request.subjectEmail],
      );
      if (own) return { requestId: own.id, matchedBy: 'reference' };
    }
    return null;
  }

  listOtherMail(query: ListQuery): Promise<Page<OtherMail>> {
    return findPage(this.dataSource.getRepository(OtherMail), query, OTHER_MAIL_LIST.searchable);
  }

  async getOtherMail(id: string): Promise<OtherMail> {
    const other = await this.dataSource.getRepository(OtherMail).findOne({ where: { id } });
    if (!other) throw new NotFoundError('Other mail', id);
    return other;
  }

  /** Turns a message of the other-mail list into a request (the officer judged it one); audited. */
  async makeRequest(actor: Actor, id: string): Promise<DataSubjectRequest> {
    const other = await this.getOtherMail(id);
    if (other.requestId) throw new ConflictError('This message was already made into a request');
    const row = await this.dataSource.getRepository(MailboxMessage).findOne({ where: { id: other.mailboxMessageId } });
    if (!row) throw new NotFoundError('Mailbox message', other.mailboxMessageId);
    const parsed = await parseRequestEmail(await this.rawOf(row), row.arrivedAt ?? row.importedAt);
    if (await requestByFingerprint(this.dataSource.manager, parsed.email.fingerprint))
      throw new ConflictError('This message was already made into a request');
    let request: DataSubjectRequest;
    try {
      request = await this.requests.create(
        actor,
        parsed.request,
        {
          ...parsed.received,
          details: { ...parsed.received.details, mailboxMessageId: row.id, otherMailId: other.id },
        },
        parsed.email,
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('This message was already made into a request');
      throw error;
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE other_mail SET request_id = $2, made_request_at = now(), made_request_by = $3 WHERE id = $1 AND request_id IS NULL`,
        [other.id, request.id, actor.email],
      );
      await manager.query(`UPDATE mailbox_messages SET request_id = $2 WHERE id = $1`, [row.id, request.id]);
      await this.audit.record(manager, actor, {
        action: 'mailbox.other_mail_made_request',
        entity: 'other_mail',
        entityId: other.id,
        details: { requestId: request.id, reference: request.reference, kind: other.kind, mailboxMessageId: row.id },
      });
    });
    return request;
  }

  /** The raw message as it arrived, for the officer; the reading is audited. */
  async readRaw(actor: Actor, id: string): Promise<{ message: MailboxMessage; raw: Buffer }> {
    return this.dataSource.transaction(async (manager) => {
      const message = await manager.findOne(MailboxMessage, { where: { id } });
      if (!message) throw new NotFoundError('Mailbox message', id);
      const raw = await this.rawOf(message, manager);
      await this.audit.record(manager, actor, {
        action: 'mailbox.message_downloaded',
        entity: 'mailbox_message',
        entityId: id,
        details: { sha256: message.sha256, requestId: message.requestId },
      });
      return { message, raw };
    });
  }

  private async rawOf(row: MailboxMessage, manager?: EntityManager): Promise<Buffer> {
    const key = await this.dataKeys.get('mailbox', manager);
    return Buffer.from(openSealed(key, row.sealed), 'base64');
  }

  /** Creates the processed folder on the server once, if missing. */
  private async ensureProcessedFolder(client: ImapFlow, settings: MailboxConfig): Promise<void> {
    if (this.processedFolderReady) return;
    const folders = await client.list();
    if (!folders.some((f) => f.path === settings.processedFolder)) await client.mailboxCreate(settings.processedFolder);
    this.processedFolderReady = true;
  }
}

type Disposition = 'request' | 'reply' | 'other' | null;

/** A batch being filed: its held audit events, whether each change has a savepoint, and the last change undone. */
interface Filing {
  held: HeldEvents;
  careful: boolean;
  undone: unknown;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** A stored message as read: its headers, triage by them, and the letter (null when unreadable). */
interface Reading {
  headers: HeaderList;
  triage: Triage | null;
  parsed: ParsedIntake | null;
}

/** The request an e-mail with this fingerprint made, seen from `manager` (a batch sees its own). */
function requestByFingerprint(manager: EntityManager, fingerprint: string): Promise<DataSubjectRequest | null> {
  return manager.findOne(DataSubjectRequest, { where: { emailFingerprint: fingerprint } });
}

/** A message that could not be filed this time: counted, and logged by its row id and the kind of failure only (never its content). */
function fileFailed(summary: ReadSummary, logger: Logger, id: string, error: unknown): void {
  summary.failed++;
  logger.error(`Mailbox message ${id} could not be filed: ${failureKind(error)}`);
}

/** A message another reading filed first: what this filing made is rolled back. */
class FiledMeanwhile extends Error {}

/** Marks a stored message filed, in the filing transaction; false when it was filed meanwhile. */
async function claim(
  manager: EntityManager,
  id: string,
  disposition: 'request' | 'reply' | 'other',
  requestId: string | null,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    manager,
    `UPDATE mailbox_messages SET disposition = $2, request_id = $3, filed_at = now() WHERE id = $1 AND filed_at IS NULL RETURNING id`,
    [id, disposition, requestId],
  );
  return rows.length > 0;
}

/** The messages of these UIDs, as the server holds them, with the date it received each. */
async function fetchMessages(
  client: ImapFlow,
  uids: number[],
): Promise<Array<{ uid: number; source: Buffer; arrivedAt: Date | null }>> {
  const batch: Array<{ uid: number; source: Buffer; arrivedAt: Date | null }> = [];
  for await (const message of client.fetch(
    uids.join(','),
    { uid: true, source: true, internalDate: true },
    { uid: true },
  )) {
    if (!message.source) continue;
    const arrived = message.internalDate ? new Date(message.internalDate) : null;
    batch.push({ uid: message.uid, source: message.source, arrivedAt: arrived && !isNaN(+arrived) ? arrived : null });
  }
  return batch;
}

/** host:port, to name the server in an error (never the user or the password). */
function serverName(settings: MailboxConfig): string {
  return `${settings.host}:${settings.port}`;
}

/** user@host/folder: names the mailbox (in the table and the lock) without its password. */
export function mailboxName(settings: MailboxConfig): string {
  return `${settings.user}@${settings.host}:${settings.port}/${settings.folder}`;
}

/** An IMAP client for the mailbox; its own log stays off (it would carry addresses and subjects). */
export function imapClient(settings: MailboxConfig, disableAutoIdle: boolean): ImapFlow {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    disableAutoIdle,
    // Watching: IDLE a second after the last command (not imapflow's 15 s), renewed every
    // 5 minutes (servers and firewalls drop sessions silent for longer).
    ...(disableAutoIdle ? {} : { autoIdleDelay: 1_000, maxIdleTime: 5 * 60_000 }),
  });
  // A dropped connection is an 'error' event: unheard, it would stop the process. The command
  // under way fails on its own and is reported by its caller.
  client.on('error', () => undefined);
  return client;
}

function rawSenderAddress(headers: HeaderList): string | null {
  const from = headers.find(([n]) => n === 'from')?.[1] ?? '';
  return /<([^<>@\s]+@[^<>\s]+)>/.exec(from)?.[1]?.toLowerCase() ?? /([^\s<>"]+@[^\s<>"]+)/.exec(from)?.[1] ?? null;
}

function failureKind(error: unknown): string {
  if (error instanceof QueryFailedError)
    return `database error ${(error as QueryFailedError & { code?: string }).code}`;
  return error instanceof Error ? error.name : 'unknown error';
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505';
}
