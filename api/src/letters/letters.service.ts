import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { DataKeys } from '../common/crypto/data-keys.service';
import { open, seal } from '../common/crypto/secret-box';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import { queryRows } from '../common/sql-rows';
import type { AppConfig, LettersConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { keptParts } from '../legal-holds/kept-parts';
import { recipientsForSubject } from '../erasure/recipients';
import { SubjectRightsService } from '../erasure/subject-rights.service';
import { romeDate } from '../requests/deadlines';
import { rejectionProblems } from '../requests/request-rules';
import { appendToTimeline } from '../requests/request-timeline';
import { DataSubjectRequest, LANGUAGES, type Language } from '../requests/request.entity';
import type { LetterTemplateDto, PreviewLetterDto, SendLetterDto } from './dto/letter.dtos';
import { LetterTemplateVersion } from './letter-template.entity';
import {
  defaultTemplate,
  letterFacts,
  MISSING_FACT_HINTS,
  MissingFactsError,
  placeholdersOf,
  renderLetter,
  TEMPLATE_KEYS,
  templateKeyOf,
  templateProblems,
  type LetterInput,
  type LetterTemplate,
  type TemplateKey,
} from './letter-texts';
import { Letter } from './letter.entity';
import { nextAttemptAfter, TRY_LEASE_MS } from './retry-schedule';
import { unseal } from './sealed-parts';

/** A letter as written, before it is queued. */
export interface ComposedLetter {
  kind: PreviewLetterDto['kind'];
  templateKey: TemplateKey;
  templateVersion: number;
  language: Language;
  to: string | null;
  processorId: string | null;
  subject: string;
  text: string;
}

/** A template in force: the admin's latest version, or the one in code (version 0). */
export interface TemplateInForce extends LetterTemplate {
  key: TemplateKey;
  language: Language;
  version: number;
  placeholders: string[];
  updatedAt: Date | null;
  updatedBy: string | null;
}

export const NOT_CONFIGURED =
  'Sending is not configured: set SMTP_URL and MAIL_FROM (docs/configuration.md). The preview still works.';

/**
 * The officer's letters: written from the template in force with the request's facts, queued in
 * the outbox in the transaction that audits them, sent after the commit, and tried again with a
 * back-off when the server refuses them. Every letter sent or failed goes on the request's
 * timeline with its Message-ID, so that the subject's reply can be threaded to it.
 */
@Injectable()
export class LettersService implements OnModuleDestroy {
  private readonly logger = new Logger(LettersService.name);
  private transporter: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly rights: SubjectRightsService,
    private readonly dataKeys: DataKeys,
  ) {}

  onModuleDestroy(): void {
    this.transporter?.close();
  }

  /** The letter as it would be sent, in the request's language; works without SMTP. */
  async preview(requestId: string, dto: PreviewLetterDto): Promise<ComposedLetter> {
    return this.compose(await this.loadRequest(requestId), dto);
  }

  /** The request's letters, newest first. */
  async list(requestId: string): Promise<Letter[]> {
    await this.loadRequest(requestId);
    return this.dataSource.getRepository(Letter).find({ where: { requestId }, order: { createdAt: 'DESC' } });
  }

  /**
   * Writes, queues (audited) and sends a letter; answers it with how the first try went.
   * `sealedParts`: what only the recipient may read, by the marker that stands in its place in
   * `dto.text` (sealed-parts.ts); never from the officer's form.
   */
  async send(
    actor: Actor | null,
    requestId: string,
    dto: SendLetterDto,
    sealedParts?: Record<string, string>,
  ): Promise<Letter> {
    const letter = await this.queue(actor, requestId, dto, sealedParts);
    return this.deliver(letter.id, actor);
  }

  /**
   * Sends letters already queued after the caller has answered, one after another: a page that
   * answers a person (the privacy portal's) does not wait on the mail server, which may take a
   * minute to fail. A try that fails is recorded on its letter and retried as scheduled; if the
   * process stops first, the letter's lease runs out and the scheduled retries take it.
   */
  deliverSoon(letters: Letter[]): void {
    void (async () => {
      for (const letter of letters)
        await this.deliver(letter.id, null).catch((error: Error) =>
          this.logger.warn(`Letter ${letter.id} left to the scheduled retries: ${error.message}`),
        );
    })();
  }

  /** Writes and queues a letter (audited), for `send` to try now or `deliverSoon` after the caller's answer. */
  async queue(
    actor: Actor | null,
    requestId: string,
    dto: SendLetterDto,
    sealedParts?: Record<string, string>,
  ): Promise<Letter> {
    const letters = this.lettersConfig();
    const request = await this.loadRequest(requestId);
    const composed = await this.compose(request, dto);
    if (!composed.to)
      throw new ConflictError('The request has no e-mail address to write to: record the subject’s address first', {
        subjectEmail: 'needed to send a letter',
      });
    const subject = dto.subject?.trim() || composed.subject;
    const text = dto.text?.trim() ? `${dto.text.trim()}\n` : composed.text;
    return this.dataSource.transaction(async (manager) => {
      const sealed = sealedParts
        ? seal(await this.dataKeys.get('letters', manager), JSON.stringify(sealedParts))
        : null;
      const saved = await manager.save(
        Letter,
        manager.create(Letter, {
          requestId,
          kind: composed.kind,
          templateKey: composed.templateKey,
          language: composed.language,
          templateVersion: composed.templateVersion,
          edited: subject !== composed.subject || text !== composed.text,
          toAddress: composed.to!,
          processorId: composed.processorId,
          subject,
          body: text,
          state: 'queued',
          attempts: 0,
          lastError: null,
          // The first try is this one, right after the commit: no scheduled try takes it meanwhile.
          nextAttemptAt: new Date(Date.now() + TRY_LEASE_MS),
          messageId: `<${randomUUID()}@${letters.from.domain}>`,
          // Threads the answer under the subject's own e-mail in their mail program.
          inReplyTo: composed.processorId ? null : (request.emailMessageId ?? null),
          createdBy: actor?.email ?? null,
          sentAt: null,
          sealedParts: sealed,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'letter.queued',
        entity: 'request',
        entityId: requestId,
        details: {
          reference: request.reference,
          letterId: saved.id,
          kind: saved.kind,
          templateKey: saved.templateKey,
          templateVersion: saved.templateVersion,
          edited: saved.edited,
          messageId: saved.messageId,
          processorId: saved.processorId,
        },
      });
      return saved;
    });
  }

  /** Whether SMTP_URL and MAIL_FROM are set: without them nothing can be sent. */
  get canSend(): boolean {
    return this.config.letters !== null;
  }

  /**
   * A message that is no request's letter (the privacy portal's confirmation code), sent now
   * through the same server; it is not kept in the outbox, and a failure is the caller's to tell.
   */
  async sendMail(to: string, subject: string, text: string): Promise<void> {
    const letters = this.lettersConfig();
    await this.transport(letters).sendMail({
      from: letters.from.header,
      to,
      subject,
      text,
      messageId: `<${randomUUID()}@${letters.from.domain}>`,
    });
  }

  /** The officer's retry of a failed letter, now. */
  async retry(actor: Actor, requestId: string, letterId: string): Promise<Letter> {
    this.lettersConfig();
    const claimed = await queryRows<{ id: string }>(
      this.dataSource,
      `UPDATE letters SET state = 'queued', next_attempt_at = $3 WHERE id = $1 AND request_id = $2 AND state = 'failed' RETURNING id`,
      [letterId, requestId, new Date(Date.now() + TRY_LEASE_MS)],
    );
    if (!claimed.length) {
      const letter = await this.dataSource.getRepository(Letter).findOne({ where: { id: letterId, requestId } });
      if (!letter) throw new NotFoundError('Letter', letterId);
      throw new ConflictError(
        letter.state === 'sent'
          ? 'The letter was already sent'
          : 'The letter is being sent right now: look again in a minute',
      );
    }
    return this.deliver(letterId, actor);
  }

  /**
   * The scheduled retries: each failed (or abandoned) letter whose time has come, claimed one
   * at a time so that two consoles on one database never send it twice.
   */
  async retryDue(): Promise<number> {
    if (!this.config.letters) return 0;
    let sent = 0;
    for (;;) {
      const [claimed] = await queryRows<{ id: string }>(
        this.dataSource,
        `UPDATE letters SET state = 'queued', next_attempt_at = $1
          WHERE id = (SELECT id FROM letters WHERE state <> 'sent' AND next_attempt_at <= now()
                       ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [new Date(Date.now() + TRY_LEASE_MS)],
      );
      if (!claimed) return sent;
      const letter = await this.deliver(claimed.id, null);
      if (letter.state === 'sent') sent++;
    }
  }

  /** One try: the SMTP conversation, then its outcome recorded (state, timeline, audit). */
  private async deliver(letterId: string, actor: Actor | null): Promise<Letter> {
    const letters = this.lettersConfig();
    const letter = await this.dataSource
      .getRepository(Letter)
      .createQueryBuilder('letter')
      .addSelect('letter.sealedParts')
      .where('letter.id = :letterId', { letterId })
      .getOneOrFail();
    let error: string | null = null;
    try {
      const text = letter.sealedParts
        ? unseal(
            letter.body,
            JSON.parse(open(await this.dataKeys.get('letters'), letter.sealedParts)) as Record<string, string>,
          )
        : letter.body;
      await this.transport(letters).sendMail({
        from: letters.from.header,
        to: letter.toAddress,
        subject: letter.subject,
        text,
        messageId: letter.messageId,
        ...(letter.inReplyTo ? { inReplyTo: letter.inReplyTo, references: letter.inReplyTo } : {}),
      });
    } catch (e) {
      error = ((e as Error).message || String(e)).slice(0, 1000);
      this.logger.warn(`Letter ${letter.id} not sent: ${error}`);
    }
    return this.dataSource.transaction(async (manager) => {
      const attempts = letter.attempts + 1;
      const now = new Date();
      const changes: Partial<Letter> = error
        ? {
            state: 'failed',
            attempts,
            lastError: error,
            nextAttemptAt: nextAttemptAfter(attempts, now, letters.retrySeconds, letters.maxAttempts),
          }
        : // Sent: what only the recipient could read is not kept any longer.
          { state: 'sent', attempts, lastError: null, nextAttemptAt: null, sentAt: now, sealedParts: null };
      await manager.update(Letter, { id: letter.id }, changes);
      // What is answered and audited never carries the sealed parts.
      const updated = { ...letter, ...changes, sealedParts: null };
      await this.recordOutcome(manager, actor, updated);
      return updated;
    });
  }

  private async recordOutcome(manager: EntityManager, actor: Actor | null, letter: Letter): Promise<void> {
    const sent = letter.state === 'sent';
    const details = {
      letterId: letter.id,
      kind: letter.kind,
      to: letter.toAddress,
      subject: letter.subject,
      messageId: letter.messageId,
      inReplyTo: letter.inReplyTo,
      templateKey: letter.templateKey,
      templateVersion: letter.templateVersion,
      attempt: letter.attempts,
      ...(sent
        ? {}
        : { error: letter.lastError, nextAttemptAt: letter.nextAttemptAt ? letter.nextAttemptAt.toISOString() : null }),
    };
    const message = sent
      ? `Letter sent (${letter.kind}) to ${letter.toAddress}: "${letter.subject}"`
      : `Letter not sent (${letter.kind}) to ${letter.toAddress}, try ${letter.attempts}: ${letter.lastError}` +
        (letter.nextAttemptAt ? '; it will be tried again' : '; retry it by hand');
    await appendToTimeline(manager, actor, letter.requestId, sent ? 'letter_sent' : 'letter_failed', message, details);
    await this.audit.record(manager, actor, {
      action: sent ? 'letter.sent' : 'letter.failed',
      entity: 'request',
      entityId: letter.requestId,
      details: { letterId: letter.id, messageId: letter.messageId, attempt: letter.attempts, error: letter.lastError },
    });
  }

  /** Writes the letter of `dto.kind` for the request, from the template in force. */
  private async compose(request: DataSubjectRequest, dto: PreviewLetterDto): Promise<ComposedLetter> {
    const templateKey = templateKeyOf(dto.kind, request.type);
    const input: LetterInput = {
      reasons: dto.reasons,
      identityInfo: dto.identityInfo,
      respondBy: dto.respondBy,
    };
    // Art. 17(3): the erasure's closing letter says what legal holds keep, why and until when.
    if (templateKey === 'completion_erasure')
      input.kept = await keptParts(this.dataSource.manager, request.id, request.language);
    if (dto.kind === 'refusal' && dto.rejectionReason) {
      const problems = rejectionProblems(request.type, dto.rejectionReason, dto.rejectionGround, dto.rejectionDetails);
      const renamed = Object.fromEntries(
        Object.entries(problems).map(([field, problem]) => [
          `rejection${field[0].toUpperCase()}${field.slice(1)}`,
          problem,
        ]),
      );
      if (Object.keys(renamed).length) throw new InvalidInputError('The refusal is incomplete', renamed);
      Object.assign(input, {
        rejectionReason: dto.rejectionReason,
        rejectionGround: dto.rejectionGround,
        rejectionDetails: dto.rejectionDetails,
      });
    }
    let to = request.subjectEmail;
    let processorId: string | null = null;
    if (dto.kind === 'recipient_notice') {
      if (!dto.processorId)
        throw new InvalidInputError('Name the recipient', { processorId: MISSING_FACT_HINTS.notice });
      // Art. 19: the erasure module's list of recipients and its notice, never a second one.
      const { recipients } = await this.rights.recipients(request.id);
      const recipient = recipients.find((r) => r.processorId === dto.processorId);
      if (!recipient)
        throw new ConflictError('This processor received none of the data this request changed (Art. 19)', {
          processorId: 'not among GET /api/requests/:id/recipients',
        });
      const [first, ...rest] = recipient.notice.split('\n');
      input.notice = { subject: first.replace(/^(Oggetto|Subject):\s*/, ''), body: rest.join('\n').trim() };
      to = /[^\s<>(),;:]+@[^\s<>(),;:]+\.[A-Za-z]{2,}/.exec(recipient.contact ?? '')?.[0] ?? null;
      if (!to)
        throw new ConflictError(`The processor register has no e-mail address for ${recipient.name}`, {
          processorId: 'record an e-mail address in the processor’s contact',
        });
      processorId = recipient.processorId;
    }
    if (dto.kind === 'recipients_list') {
      // Art. 19, last sentence: the same list the notices go to, as the subject reads it.
      const { sources, recipients } = await this.rights.recipients(request.id);
      if (!sources.length)
        throw new ConflictError(
          'Nothing of this person’s data was erased, rectified or restricted yet: there are no recipients to name (Art. 19)',
          { kind: MISSING_FACT_HINTS.recipients },
        ).because('nothing_changed_yet');
      input.recipients = recipientsForSubject(request.language, recipients);
    }
    const template = await this.templateInForce(templateKey, request.language);
    try {
      const rendered = renderLetter(template, letterFacts(request, input, romeDate(new Date())));
      return {
        kind: dto.kind,
        templateKey,
        templateVersion: template.version,
        language: request.language,
        to,
        processorId,
        ...rendered,
      };
    } catch (error) {
      if (!(error instanceof MissingFactsError)) throw error;
      throw new InvalidInputError(
        `The ${dto.kind.replace('_', ' ')} letter needs what the request does not record yet: ${error.missing.join(', ')}`,
        Object.fromEntries(error.missing.map((name) => [name, MISSING_FACT_HINTS[name] ?? 'missing'])),
      );
    }
  }

  /** Every template in force, per key and language. */
  async templates(): Promise<TemplateInForce[]> {
    const latest = await queryRows<{ key: TemplateKey; language: Language; version: number }>(
      this.dataSource,
      `SELECT key, language, max(version)::int AS version FROM letter_templates GROUP BY key, language`,
    );
    const out: TemplateInForce[] = [];
    for (const key of TEMPLATE_KEYS)
      for (const language of LANGUAGES)
        out.push(
          latest.some((l) => l.key === key && l.language === language)
            ? await this.templateInForce(key, language)
            : this.inCode(key, language),
        );
    return out;
  }

  /** The template in force and every earlier version, newest first. */
  async template(
    key: TemplateKey,
    language: Language,
  ): Promise<TemplateInForce & { versions: LetterTemplateVersion[]; default: LetterTemplate }> {
    const versions = await this.dataSource
      .getRepository(LetterTemplateVersion)
      .find({ where: { key, language }, order: { version: 'DESC' } });
    return {
      ...(await this.templateInForce(key, language)),
      versions,
      default: defaultTemplate(key, language),
    };
  }

  /** An admin's edit: a new version, audited with what it replaces. */
  async updateTemplate(
    actor: Actor,
    key: TemplateKey,
    language: Language,
    dto: LetterTemplateDto,
  ): Promise<TemplateInForce> {
    const edited = { subject: dto.subject.trim(), body: dto.body.replace(/\r\n?/g, '\n').trim() };
    const problems = templateProblems(key, edited);
    if (Object.keys(problems).length) throw new InvalidInputError('The template cannot be used as it is', problems);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const before = await this.templateInForce(key, language, manager);
        const saved = await manager.save(
          LetterTemplateVersion,
          manager.create(LetterTemplateVersion, {
            key,
            language,
            version: before.version + 1,
            ...edited,
            createdBy: actor.email,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'letter_template.updated',
          entity: 'letter_template',
          entityId: saved.id,
          details: {
            key,
            language,
            version: saved.version,
            before: { version: before.version, subject: before.subject, body: before.body },
            after: edited,
          },
        });
        return this.present(saved);
      });
    } catch (error) {
      // Two admins saving at once: the second would number the same version.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw new ConflictError('Someone saved this template meanwhile: reload it and edit again');
      throw error;
    }
  }

  private async templateInForce(
    key: TemplateKey,
    language: Language,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TemplateInForce> {
    const latest = await manager
      .getRepository(LetterTemplateVersion)
      .findOne({ where: { key, language }, order: { version: 'DESC' } });
    return latest ? this.present(latest) : this.inCode(key, language);
  }

  private present(v: LetterTemplateVersion): TemplateInForce {
    const template = { subject: v.subject, body: v.body };
    return {
      key: v.key,
      language: v.language,
      version: v.version,
      ...template,
      placeholders: placeholdersOf(template),
      updatedAt: v.createdAt,
      updatedBy: v.createdBy,
    };
  }

  private inCode(key: TemplateKey, language: Language): TemplateInForce {
    const template = defaultTemplate(key, language);
    return {
      key,
      language,
      version: 0,
      ...template,
      placeholders: placeholdersOf(template),
      updatedAt: null,
      updatedBy: null,
    };
  }

  private async loadRequest(id: string): Promise<DataSubjectRequest> {
    const request = await this.dataSource.getRepository(DataSubjectRequest).findOne({ where: { id } });
    if (!request) throw new NotFoundError('Request', id);
    return request;
  }

  private lettersConfig(): LettersConfig {
    if (!this.config.letters) throw new ConflictError(NOT_CONFIGURED);
    return this.config.letters;
  }

  private transport(letters: LettersConfig): Transporter {
    this.transporter ??= createTransport({
      host: letters.smtp.host,
      port: letters.smtp.port,
      secure: letters.smtp.secure,
      requireTLS: letters.smtp.requireTls,
      // A relay on this host is spoken to in plain text (see smtp-settings.ts).
      ignoreTLS: !letters.smtp.secure && !letters.smtp.requireTls,
      ...(letters.smtp.auth ? { auth: letters.smtp.auth } : {}),
      // Well inside TRY_LEASE_MS: a try never outlives its claim.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
    return this.transporter;
  }
}
