import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { checkTypedCode, mailCodeOrForget, openStatusLink } from './portal-codes';
import { addMonthsUtc } from '../common/time';
import type { Letter } from '../letters/letter.entity';
import { LettersService } from '../letters/letters.service';
import { sealedMarker } from '../letters/sealed-parts';
import { ProcessingStopsService } from '../objections/processing-stops.service';
import { ProcessingActivity } from '../registers/activities/activity.entity';
import { appendToTimeline } from '../requests/request-timeline';
import type { DataSubjectRequest, Language, RequestType } from '../requests/request.entity';
import { RequestsService } from '../requests/requests.service';
import {
  CONSENT_CATEGORIES,
  CONSENT_VALIDITY_MONTHS,
  ConsentRecord,
  type ConsentCategory,
} from '../sources/consents/consent-record.entity';
import { consentIdentifiers } from '../subjects/record-identifiers';
import { SubjectIndexService } from '../subjects/subject-index.service';
import {
  activitiesWithdrawn,
  CATEGORY_NAMES,
  choicesDone,
  withdrawableCategories,
  type Choices,
  type ConsentChoice,
} from './portal-choices-rules';
import { choiceText } from './portal-choices-texts';
import { PortalChoiceForm } from './portal-choice-form.entity';
import { PortalKeys } from './portal-keys';
import {
  afterAttempt,
  CODE,
  hashCode,
  newCode,
  newToken,
  overLimit,
  PORTAL_LIMITS,
  throttleKey,
  withStatusLink,
} from './portal-rules';
import { withLanguage } from './portal-pages';
import { text } from './portal-texts';
import { PortalThrottle } from './portal-throttle.entity';
import type { SubmitOutcome, VerifyOutcome } from './portal.service';

/** A form never confirmed is kept a day after its code expired, at most. */
const STALE_AFTER_MS = 24 * 60 * 60_000 + CODE.validMinutes * 60_000;

/**
 * The portal's withdrawal of consent (Art. 7(3)) and objection to direct marketing (Art.
 * 21(2)-(3)). The same e-mail check as the request form; once the code is entered each choice is
 * a request (channel web_form) and takes effect at once, without the officer's decision: a
 * withdrawal must be as easy as giving consent and stops the processing it was the basis of; an
 * objection to direct marketing admits no balancing. The stops name only the e-mail address
 * whose control was proven, so nobody else's processing changes. Then a letter says what was done.
 */
@Injectable()
export class PortalChoicesService {
  private readonly logger = new Logger(PortalChoicesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly requests: RequestsService,
    private readonly letters: LettersService,
    private readonly stops: ProcessingStopsService,
    private readonly index: SubjectIndexService,
    private readonly keys: PortalKeys,
  ) {}

  /** The categories the page offers: those the register's consent-based activities rest on. */
  async offered(): Promise<string[]> {
    return withdrawableCategories(await this.dataSource.getRepository(ProcessingActivity).find());
  }

  /** A valid form: counted against the same limits as the request form, kept with its code's hash, the code sent. */
  async submit(choices: Choices, language: Language, ip: string | null): Promise<SubmitOutcome> {
    const code = newCode();
    const id = randomUUID();
    const stored = await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      await manager.delete(PortalChoiceForm, { codeSentAt: LessThan(new Date(now.getTime() - STALE_AFTER_MS)) });
      const keys = [
        { key: throttleKey(this.keys.throttle, 'email', choices.email), limit: PORTAL_LIMITS.perEmail },
        ...(ip ? [{ key: throttleKey(this.keys.throttle, 'ip', ip), limit: PORTAL_LIMITS.perAddress }] : []),
      ];
      let over = false;
      for (const { key, limit } of keys) over = (await this.count(manager, key, limit, now)) || over;
      if (over) {
        await this.audit.record(manager, null, {
          action: 'portal.throttled',
          entity: 'portal_choice_form',
          details: { step: 'choices' },
        });
        return false;
      }
      await manager.insert(PortalChoiceForm, {
        id,
        name: choices.name,
        email: choices.email,
        categories: choices.categories,
        directMarketing: choices.directMarketing,
        language,
        codeHash: hashCode(this.keys.code, id, code),
        codeSentAt: now,
        tries: 0,
      });
      await this.audit.record(manager, null, {
        action: 'portal.code_sent',
        entity: 'portal_choice_form',
        entityId: id,
        details: { categories: choices.categories, directMarketing: choices.directMarketing, language },
      });
      return true;
    });
    if (!stored) return { kind: 'throttled' };
    const sent = await mailCodeOrForget(
      { dataSource: this.dataSource, audit: this.audit, letters: this.letters, logger: this.logger },
      { email: choices.email, language, code },
      {
        entity: PortalChoiceForm,
        id,
        auditEntity: 'portal_choice_form',
        label: 'choice form',
        emailThrottleKey: throttleKey(this.keys.throttle, 'email', choices.email),
      },
    );
    if (!sent) return { kind: 'failed' };
    return { kind: 'sent', submissionId: id };
  }

  /**
   * The code typed: a wrong one counts a try; the right one, in time, registers the requests,
   * puts the stops and the consent record in force in the same transaction, makes the status
   * link, and then sends the letter saying what was done.
   */
  async verify(formId: string, typed: string, baseUrl: string): Promise<VerifyOutcome> {
    const token = newToken();
    const register = await this.dataSource.getRepository(ProcessingActivity).find({ order: { name: 'ASC' } });
    const outcome = await this.dataSource.transaction(
      async (
        manager,
      ): Promise<VerifyOutcome | { kind: 'ok'; requests: DataSubjectRequest[]; form: PortalChoiceForm }> => {
        const now = new Date();
        const check = await checkTypedCode(
          manager,
          { audit: this.audit, codeKey: this.keys.code },
          { entity: PortalChoiceForm, id: formId, auditEntity: 'portal_choice_form' },
          typed,
          now,
        );
        if (check.kind !== 'right') return check;
        const form = check.row;
        const requests: DataSubjectRequest[] = [];
        if (form.categories.length) {
          const request = await this.register(manager, form, 'consent_withdrawal', now);
          await this.withdraw(manager, request, form, register, now);
          requests.push(request);
        }
        if (form.directMarketing) {
          const request = await this.register(manager, form, 'objection', now);
          await this.objectToMarketing(manager, request, form.email);
          requests.push(request);
        }
        await openStatusLink(manager, this.audit, token, requests, {
          entity: PortalChoiceForm,
          id: form.id,
          auditEntity: 'portal_choice_form',
        });
        return { kind: 'ok', requests, form };
      },
    );
    if (outcome.kind !== 'ok') return outcome;
    await this.confirm(outcome.requests, outcome.form, `${baseUrl}/privacy/status/${token}`);
    return { kind: 'confirmed', token };
  }

  /** The request for one choice, received now, with the e-mail's control as its identity evidence. */
  private async register(
    manager: EntityManager,
    form: PortalChoiceForm,
    type: RequestType,
    now: Date,
  ): Promise<DataSubjectRequest> {
    const language = form.language;
    // The subject's own choices, in their words (the page's labels), for the officer's reading.
    const description =
      type === 'consent_withdrawal'
        ? `${choiceText(language, 'choices_withdraw_legend')}\n${form.categories
            .map((c) => `- ${CATEGORY_NAMES[language][c as ConsentChoice]}`)
            .join('\n')}`
        : choiceText(language, 'choices_marketing_label');
    const request = await this.requests.create(
      null,
      {
        type,
        channel: 'web_form',
        language,
        receivedAt: now.toISOString(),
        subjectName: form.name,
        subjectEmail: form.email,
        description,
      },
      {
        message: `Sent through the privacy portal (${type === 'objection' ? 'objection to direct marketing' : 'withdrawal of consent'})`,
        details: {
          channel: 'web_form',
          via: 'privacy_portal',
          categories: form.categories,
          directMarketing: form.directMarketing,
        },
      },
      undefined,
      manager,
    );
    await appendToTimeline(
      manager,
      null,
      request.id,
      'identity_evidence',
      `Control of the e-mail address proven: the code sent to ${form.email} was entered on the privacy portal`,
      { evidence: 'email_control', email: form.email, at: now.toISOString(), via: 'privacy_portal' },
    );
    await this.audit.record(manager, null, {
      action: 'request.identity_evidence',
      entity: 'request',
      entityId: request.id,
      details: { reference: request.reference, evidence: 'email_control' },
    });
    return request;
  }

  /**
   * Art. 7(3): the consent record the banner and the auditor read (the categories refused from
   * now on, the others as the person last chose), and the stops on the activities that rested
   * on it, for the proven e-mail only.
   */
  private async withdraw(
    manager: EntityManager,
    request: DataSubjectRequest,
    form: PortalChoiceForm,
    register: ProcessingActivity[],
    now: Date,
  ): Promise<void> {
    const chosen = activitiesWithdrawn(register, form.categories);
    const cookieCategories = form.categories.filter((c): c is ConsentCategory =>
      (CONSENT_CATEGORIES as readonly string[]).includes(c),
    );
    const latest = await manager.findOne(ConsentRecord, {
      where: { email: form.email },
      order: { recordedAt: 'DESC' },
    });
    const categories = Object.fromEntries(
      CONSENT_CATEGORIES.map((c) => [
        c,
        c === 'necessary' ? true : cookieCategories.includes(c) ? false : (latest?.categories[c] ?? false),
      ]),
    ) as ConsentRecord['categories'];
    const record = await manager.save(
      ConsentRecord,
      manager.create(ConsentRecord, {
        externalId: `${request.reference}:${now.getTime()}`,
        consentId: latest?.consentId ?? `request:${request.reference}`,
        email: form.email,
        categories,
        action: 'withdraw',
        policyVersion: latest?.policyVersion ?? 'request',
        doNotTrack: latest?.doNotTrack ?? false,
        recordedAt: now,
        validUntil: addMonthsUtc(now, CONSENT_VALIDITY_MONTHS),
      }),
    );
    await this.index.add(manager, 'consents', [{ recordId: record.id, identifiers: consentIdentifiers(record) }]);
    const withdrawn = chosen.filter((a) => a.sourceSystem);
    const identifiersFlagged = await this.stops.record(
      manager,
      request.id,
      'withdrawal',
      [['email', form.email]],
      withdrawn,
    );
    const effects = chosen.map((a) => ({
      activityId: a.id,
      activity: a.name,
      legalBasis: a.legalBasis,
      consentCategory: a.consentCategory,
      sourceSystem: a.sourceSystem,
      bannerRefuses:
        a.consentCategory && cookieCategories.includes(a.consentCategory as ConsentCategory) ? a.consentCategory : null,
    }));
    await appendToTimeline(
      manager,
      null,
      request.id,
      'consent_withdrawn',
      `Withdrawal of consent in force from the privacy portal (Art. 7(3)): ${form.categories.join(', ')}`,
      {
        consentRecordId: record.id,
        consentId: record.consentId,
        categories: form.categories,
        effects,
        identifiersFlagged,
        via: 'privacy_portal',
      },
    );
    await this.audit.record(manager, null, {
      action: 'subject.consent_withdrawn',
      entity: 'request',
      entityId: request.id,
      details: {
        reference: request.reference,
        consentRecordId: record.id,
        categories: form.categories,
        activities: effects.map((e) => e.activity),
        identifiersFlagged,
        via: 'privacy_portal',
      },
    });
  }

  /**
   * Art. 21(2)-(3): an objection to direct marketing stops it, with no assessment: the stop is
   * put now (all marketing to the person: no activity named), recorded as the objections module
   * records a decision, by the system.
   */
  private async objectToMarketing(manager: EntityManager, request: DataSubjectRequest, email: string): Promise<void> {
    const identifiersFlagged = await this.stops.record(
      manager,
      request.id,
      'direct_marketing',
      [['email', email]],
      [null],
    );
    const details = {
      outcome: 'processing_stopped' as const,
      directMarketing: true,
      assessment: null,
      grounds: null,
      activities: [],
      identifiersFlagged,
      statement: null,
      via: 'privacy_portal',
    };
    await appendToTimeline(
      manager,
      null,
      request.id,
      'objection_decided',
      'Objection to direct marketing in force from the privacy portal (Art. 21(2)-(3)): absolute, no assessment',
      details,
    );
    await this.audit.record(manager, null, {
      action: 'subject.objection_decided',
      entity: 'request',
      entityId: request.id,
      details: {
        reference: request.reference,
        outcome: details.outcome,
        directMarketing: true,
        assessment: null,
        activities: [],
        identifiersFlagged,
        via: 'privacy_portal',
      },
    });
  }

  /**
   * The letter saying what was done, per request, in the request's language: the completion
   * template in force with what stopped, and the status link (sealed, as in the acknowledgement).
   */
  private async confirm(requests: DataSubjectRequest[], form: PortalChoiceForm, link: string): Promise<void> {
    const queued: Letter[] = [];
    for (const request of requests) {
      try {
        const composed = await this.letters.preview(request.id, { kind: 'completion' });
        const done = choicesDone(request.language, {
          categories: request.type === 'consent_withdrawal' ? (form.categories as Choices['categories']) : [],
          directMarketing: request.type === 'objection',
          email: form.email,
        });
        const marker = sealedMarker('status_link', request.language);
        const paragraph = `${done}\n\n${text(request.language, 'status_link_paragraph', { link: marker })}`;
        const letter = await this.letters.queue(
          null,
          request.id,
          { kind: 'completion', text: withStatusLink(composed.text, paragraph) },
          { [marker]: withLanguage(link, request.language) },
        );
        queued.push(letter);
      } catch (error) {
        // The choice is in force and the officer sees the request, and can write to the person from it.
        this.logger.warn(`Confirmation of ${request.reference} not written: ${(error as Error).message}`);
      }
    }
    // Sent once the person has their page, as the acknowledgements are (portal.service.ts).
    this.letters.deliverSoon(queued);
  }

  /** One more attempt on `key`; true when it is over `limit` (the counter is saved either way). */
  private async count(manager: EntityManager, key: string, limit: number, now: Date): Promise<boolean> {
    const current = await manager.findOne(PortalThrottle, { where: { key }, lock: { mode: 'pessimistic_write' } });
    const next = afterAttempt(current, now);
    await manager.upsert(PortalThrottle, { key, ...next }, ['key']);
    return overLimit(next, limit);
  }
}
