import { HttpError, type fetchUtils } from 'react-admin';

import type { ErasableSource } from '../sources/catalogue';
import type { SubjectSearchResult } from '../api';
import type { ActiveStop } from '../api';
import type {
  DataSubjectRequest,
  ErasureReport,
  ErasureStatus,
  LegalHold,
  Letter,
  LetterBody,
  LiftResult,
  ObjectionDecision,
  ObjectionDecisionBody,
  PlaceHoldBody,
  ComposedLetter,
  RecipientsResult,
  ReviewItem,
  RectifyBody,
  RectifyResult,
  RequestAction,
  RequestActionBodies,
  RequestEvent,
  RequestStats,
  RestrictResult,
  WithdrawResult,
} from '../api';

type HttpClient = (url: string, options?: fetchUtils.Options) => Promise<{ json: unknown }>;

/**
 * The request endpoints that are not plain REST, added to the dataProvider so
 * that they go through react-admin's error handling (a 401 signs out). Each
 * rejects with an HttpError whose message is the API's readable `message`
 * (a 409 says why the action is not allowed now) and whose body holds the
 * field `errors` of a 400.
 */
export interface RequestsDataProvider {
  /** `POST /api/requests/:id/<action>`: answers the updated request. */
  requestAction: <A extends RequestAction>(
    id: string,
    action: A,
    body: RequestActionBodies[A],
  ) => Promise<DataSubjectRequest>;
  /** `POST /api/requests/:id/notes`: answers the timeline event. */
  addRequestNote: (id: string, text: string) => Promise<RequestEvent>;
  /** `GET /api/requests/stats`: the dashboard's figures. */
  requestStats: () => Promise<RequestStats>;
  /** `GET /api/subjects/search?q=&requestId=`: audited with the request as its reason. */
  searchSubjectForRequest: (
    q: string,
    requestId: string,
  ) => Promise<SubjectSearchResult & { processingStops: ActiveStop[] }>;
  /**
   * `POST /api/intake/email` with the raw message (.eml) as message/rfc822: answers the new
   * request (201), or the one the same e-mail made before (200, `duplicate: true`).
   */
  importEmail: (file: Blob) => Promise<DataSubjectRequest & { duplicate: boolean }>;
  /**
   * `POST /api/requests/:id/erase[?dryRun=true]` `{ips?}`: what an erasure would change (dry run),
   * or the run itself (again after a failure: it finishes what is not done). IPs on the first run only.
   */
  eraseRequestSubject: (id: string, options: { dryRun: boolean; ips?: string[] }) => Promise<ErasureReport>;
  /** `GET /api/requests/:id/erasure`: the steps run so far. */
  requestErasureStatus: (id: string) => Promise<ErasureStatus>;
  /** `POST /api/requests/:id/erasure/waive`: why a failed source cannot be erased (at least 10 characters). */
  waiveErasureStep: (
    id: string,
    source: ErasableSource,
    reason: string,
  ) => Promise<{ source: string; status: string; waiverReason: string }>;
  /** `POST /api/requests/:id/rectify`: the corrected values. */
  rectifyRequestSubject: (id: string, body: RectifyBody) => Promise<RectifyResult>;
  /** `POST /api/requests/:id/restrict` `{ips?}` */
  restrictRequestSubject: (id: string, ips?: string[]) => Promise<RestrictResult>;
  /** `POST /api/requests/:id/lift-restriction` `{reason, subjectToldAt}` (Art. 18(3): told before lifting). */
  liftRequestRestriction: (id: string, reason: string, subjectToldAt: string) => Promise<LiftResult>;
  /** `POST /api/requests/:id/withdraw` `{activityIds?}`: without ids, the API's default activities. */
  withdrawForRequest: (id: string, activityIds?: string[]) => Promise<WithdrawResult>;
  /** `GET /api/requests/:id/recipients`: Art. 19, the processors to tell, each with a notice. */
  requestRecipients: (id: string) => Promise<RecipientsResult>;
  /** `GET /api/requests/:id/review`: records that mention the subject or that they share (Art. 15(4)). */
  requestReview: (id: string) => Promise<{ reference: string; items: ReviewItem[] }>;
  /** `POST /api/requests/:id/review`: include an excerpt (others redacted by the API) or leave the record out. */
  decideReview: (
    id: string,
    body: { source: string; recordId: string; decision: 'include' | 'exclude'; excerpt?: string },
  ) => Promise<ReviewItem>;
  /** `GET /api/requests/:id/holds`: the legal holds of an erasure request (Art. 17(3)), oldest first. */
  requestHolds: (id: string) => Promise<{ reference: string; holds: LegalHold[] }>;
  /** `POST /api/requests/:id/holds`: keeps the person's records of a source, or one record, from erasure. */
  placeHold: (id: string, body: PlaceHoldBody) => Promise<LegalHold>;
  /** `POST /api/requests/:id/holds/:holdId/lift` `{reason}`: the next erasure run erases what it kept. */
  liftHold: (id: string, holdId: string, reason: string) => Promise<LegalHold>;
  /** `POST /api/requests/:id/objection-decision`: the activities, the assessment (Art. 21). */
  decideObjection: (id: string, body: ObjectionDecisionBody) => Promise<ObjectionDecision>;
  /** `GET /api/requests/:id/letters`: the request's letters, newest first. */
  requestLetters: (id: string) => Promise<Letter[]>;
  /** `POST /api/requests/:id/letters/preview`: the letter as it would be sent (nothing is sent). */
  previewLetter: (id: string, body: LetterBody) => Promise<ComposedLetter>;
  /** `POST /api/requests/:id/letters`: writes and sends it; answers how the first try went. */
  sendLetter: (id: string, body: LetterBody) => Promise<Letter>;
  /** `POST /api/requests/:id/letters/:letterId/retry`: a failed letter tried again now. */
  retryLetter: (id: string, letterId: string) => Promise<Letter>;
}

export const requestsMethods = (apiUrl: string, httpClient: HttpClient): RequestsDataProvider => ({
  requestAction: (id, action, body) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/${action}`, {
      method: 'POST',
      body: JSON.stringify(body),
    }).then(({ json }) => json as DataSubjectRequest),

  addRequestNote: (id, text) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/notes`, {
      method: 'POST',
      body: JSON.stringify({ text }),
    }).then(({ json }) => json as RequestEvent),

  requestStats: () => httpClient(`${apiUrl}/requests/stats`).then(({ json }) => json as RequestStats),

  searchSubjectForRequest: (q, requestId) =>
    httpClient(`${apiUrl}/subjects/search?${new URLSearchParams({ q, requestId })}`).then(
      ({ json }) => json as SubjectSearchResult & { processingStops: ActiveStop[] },
    ),

  eraseRequestSubject: (id, { dryRun, ips }) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/erase${dryRun ? '?dryRun=true' : ''}`, {
      method: 'POST',
      body: JSON.stringify(ips?.length ? { ips } : {}),
    }).then(({ json }) => json as ErasureReport),

  requestErasureStatus: (id) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/erasure`).then(({ json }) => json as ErasureStatus),

  waiveErasureStep: (id, source, reason) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/erasure/waive`, {
      method: 'POST',
      body: JSON.stringify({ source, reason }),
    }).then(({ json }) => json as { source: string; status: string; waiverReason: string }),

  rectifyRequestSubject: (id, body) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/rectify`, {
      method: 'POST',
      body: JSON.stringify(body),
    }).then(({ json }) => json as RectifyResult),

  restrictRequestSubject: (id, ips) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/restrict`, {
      method: 'POST',
      body: JSON.stringify(ips?.length ? { ips } : {}),
    }).then(({ json }) => json as RestrictResult),

  liftRequestRestriction: (id, reason, subjectToldAt) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/lift-restriction`, {
      method: 'POST',
      body: JSON.stringify({ reason, subjectToldAt }),
    }).then(({ json }) => json as LiftResult),

  withdrawForRequest: (id, activityIds) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/withdraw`, {
      method: 'POST',
      body: JSON.stringify(activityIds?.length ? { activityIds } : {}),
    }).then(({ json }) => json as WithdrawResult),

  requestRecipients: (id) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/recipients`).then(({ json }) => json as RecipientsResult),

  requestReview: (id) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/review`).then(
      ({ json }) => json as { reference: string; items: ReviewItem[] },
    ),

  decideReview: (id, body) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/review`, {
      method: 'POST',
      body: JSON.stringify(body),
    }).then(({ json }) => json as ReviewItem),

  requestHolds: (id) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/holds`).then(
      ({ json }) => json as { reference: string; holds: LegalHold[] },
    ),

  placeHold: (id, body) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/holds`, {
      method: 'POST',
      body: JSON.stringify(body),
    }).then(({ json }) => json as LegalHold),

  liftHold: (id, holdId, reason) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/holds/${encodeURIComponent(holdId)}/lift`, {
      method: 'POST',
      body: JSON.stringify({ reason }),
    }).then(({ json }) => json as LegalHold),

  decideObjection: (id, body) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/objection-decision`, {
      method: 'POST',
      body: JSON.stringify(body),
    }).then(({ json }) => json as ObjectionDecision),

  requestLetters: (id) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/letters`).then(({ json }) => json as Letter[]),

  previewLetter: (id, body) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/letters/preview`, {
      method: 'POST',
      body: JSON.stringify(body),
    }).then(({ json }) => json as ComposedLetter),

  sendLetter: (id, body) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/letters`, {
      method: 'POST',
      body: JSON.stringify(body),
    }).then(({ json }) => json as Letter),

  retryLetter: (id, letterId) =>
    httpClient(`${apiUrl}/requests/${encodeURIComponent(id)}/letters/${encodeURIComponent(letterId)}/retry`, {
      method: 'POST',
      body: '{}',
    }).then(({ json }) => json as Letter),

  // fetchJson would send the file as JSON: the raw bytes go with their own content type.
  importEmail: async (file) => {
    const response = await fetch(`${apiUrl}/intake/email`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'message/rfc822', accept: 'application/json', 'x-requested-with': 'privacy-console' },
      body: file,
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (a proxy's error page): keep the status text
    }
    if (!response.ok) {
      const message =
        json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string'
          ? (json as { message: string }).message
          : response.statusText;
      throw new HttpError(message, response.status, json);
    }
    return json as DataSubjectRequest & { duplicate: boolean };
  },
});
