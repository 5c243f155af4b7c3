import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotFoundError } from '../common/errors/domain.error';
import { identifiersOf, OTHER_REQUESTS_SQL, phoneTail, sharedIdentifiers, type MatchedBy } from './other-requests';
import { DataSubjectRequest } from './request.entity';

export interface OtherRequest {
  id: string;
  reference: string;
  type: string;
  status: string;
  receivedAt: string;
  closedAt: string | null;
  /** What it shares with the request: the same e-mail, the same phone, or both. */
  matchedBy: MatchedBy[];
}

export interface OtherRequestsAnswer {
  reference: string;
  /** The same person's other requests, open or closed, newest first. */
  requests: OtherRequest[];
  /** The times the same e-mail was imported again (nothing was created then). */
  duplicateImports: Array<{ at: string; actorEmail: string | null }>;
}

const MAX_OTHERS = 50;

/** The same person's other requests (Art. 12(3) and (5) GDPR), by the request's own identifiers. */
@Injectable()
export class OtherRequestsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(requestId: string): Promise<OtherRequestsAnswer> {
    const request = await this.dataSource.getRepository(DataSubjectRequest).findOne({ where: { id: requestId } });
    if (!request) throw new NotFoundError('Request', requestId);
    const [requests, duplicates] = await Promise.all([
      this.sameIdentifiers(request),
      this.dataSource.query<Array<{ at: Date; actor_email: string | null }>>(
        `SELECT at, actor_email FROM request_events WHERE request_id = $1 AND kind = 'duplicate_import' ORDER BY at`,
        [requestId],
      ),
    ]);
    return {
      reference: request.reference,
      requests,
      duplicateImports: duplicates.map((d) => ({ at: new Date(d.at).toISOString(), actorEmail: d.actor_email })),
    };
  }

  /** The other requests with the request's e-mail or phone: a coarse SQL filter, then the exact comparison. */
  async sameIdentifiers(request: DataSubjectRequest): Promise<OtherRequest[]> {
    const { email, phone } = identifiersOf(request);
    if (!email && !phone) return [];
    const candidates: Array<{
      id: string;
      reference: string;
      type: string;
      status: string;
      received_at: Date;
      closed_at: Date | null;
      subject_email: string | null;
      subject_phone: string | null;
    }> = await this.dataSource.query(OTHER_REQUESTS_SQL, [request.id, email, phone ? phoneTail(phone) : null]);
    return candidates
      .map((c) => ({
        c,
        matchedBy: sharedIdentifiers(request, { subjectEmail: c.subject_email, subjectPhone: c.subject_phone }),
      }))
      .filter(({ matchedBy }) => matchedBy.length > 0)
      .slice(0, MAX_OTHERS)
      .map(({ c, matchedBy }) => ({
        id: c.id,
        reference: c.reference,
        type: c.type,
        status: c.status,
        receivedAt: new Date(c.received_at).toISOString(),
        closedAt: c.closed_at ? new Date(c.closed_at).toISOString() : null,
        matchedBy,
      }));
  }
}
