import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataKeys } from '../common/crypto/data-keys.service';
import { suppressionHash } from '../erasure/suppression';
import type { DataSubjectRequest } from '../requests/request.entity';
import { normaliseEmail, normalisePhone } from '../subjects/identifiers';
import { SubjectSearchService } from '../subjects/subject-search.service';
import { ProcessingStop } from './processing-stop.entity';
import type { StopReason } from './stop-rules';

/** An activity of the register as a stop names it. */
export interface StoppedActivity {
  id: string;
  name: string;
  sourceSystem: string | null;
  consentCategory: string | null;
}

/**
 * The person's identifiers flagged for the activities an objection or a withdrawal stopped, as
 * keyed hashes under the suppression key (suppression.ts): ingestion and the search can tell the
 * person, nobody can read the list.
 */
@Injectable()
export class ProcessingStopsService {
  constructor(
    private readonly dataKeys: DataKeys,
    private readonly search: SubjectSearchService,
  ) {}

  /**
   * The request's e-mail and phone, and the person's other ones the index follows; not one that
   * another person owns too (stopping it would stop their processing as well).
   */
  async identifiersOf(request: DataSubjectRequest): Promise<Array<['email' | 'phone', string]>> {
    const emails = [normaliseEmail(request.subjectEmail)].filter((e): e is string => !!e);
    const phones = [normalisePhone(request.subjectPhone)].filter((p): p is string => !!p);
    if (!emails.length && !phones.length) return [];
    const { followed, shared } = await this.search.locateSubject(emails, phones);
    for (const [kind, value] of followed) {
      if ((kind === 'email' || kind === 'account') && !emails.includes(value)) emails.push(value);
      if (kind === 'phone' && !phones.includes(value)) phones.push(value);
    }
    const sharedValues = new Set(shared.map((x) => x.value));
    return [
      ...emails.filter((e) => !sharedValues.has(e)).map((e): ['email', string] => ['email', e]),
      ...phones.filter((p) => !sharedValues.has(p)).map((p): ['phone', string] => ['phone', p]),
    ];
  }

  /** Records the stops in the caller's transaction; answers how many identifiers were flagged. */
  async record(
    manager: EntityManager,
    requestId: string,
    reason: StopReason,
    identifiers: Array<['email' | 'phone', string]>,
    activities: Array<StoppedActivity | null>,
  ): Promise<number> {
    const key = await this.dataKeys.get('suppression', manager);
    const rows = identifiers.flatMap(([kind, value]) =>
      activities.map((a) =>
        manager.create(ProcessingStop, {
          requestId,
          reason,
          kind,
          hash: suppressionHash(key, kind, value),
          activityId: a?.id ?? null,
          activityName: a?.name ?? null,
          sourceSystem: a?.sourceSystem ?? null,
          consentCategory: a?.consentCategory ?? null,
        }),
      ),
    );
    if (rows.length) await manager.save(ProcessingStop, rows);
    return identifiers.length;
  }
}
