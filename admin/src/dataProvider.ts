import { fetchUtils, type DataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';

import { LETTER_TEMPLATES, letterTemplatesMethods } from './letter-templates/letterTemplatesApi';
import { mailboxMethods, OTHER_MAIL_PATH, type MailboxDataProvider } from './other-mail/otherMailApi';
import { subjectsMethods, type SubjectsDataProvider } from './find-person/subjectsApi';
import { requestsMethods, type RequestsDataProvider } from './requests/requestsApi';
import { retentionMethods, type RetentionDataProvider } from './retention/retentionApi';
import type { AuditActor, AuditChainVerification, SubjectSearchResult } from './api';

export const API_URL = '/api';

/**
 * Every request goes to the same origin and carries the httpOnly session
 * cookie set by `POST /api/auth/login`.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  // Only the console's own pages send it: the API refuses a change made with the session cookie without it (CSRF).
  headers.set('X-Requested-With', 'privacy-console');
  return fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' });
};

export interface AppDataProvider
  extends DataProvider, RequestsDataProvider, RetentionDataProvider, MailboxDataProvider, SubjectsDataProvider {
  /** `GET /api/audit/verify`: recompute the SHA-256 hash chain of the audit log. */
  verifyAuditChain: () => Promise<AuditChainVerification>;
  /** `GET /api/audit/actors`: the accounts that acted in the audit log, for its actor filter. */
  auditActors: () => Promise<AuditActor[]>;
  /**
   * `GET /api/subjects/search?q=`: every record held about a person, grouped by source.
   * Each call is written to the audit log by the API. A 400 (empty or unreadable query)
   * rejects with an HttpError whose body is `{message, errors: {q}}`.
   */
  searchSubject: (q: string) => Promise<SubjectSearchResult>;
}

const rest = simpleRestProvider(API_URL, httpClient);
const letterTemplates = letterTemplatesMethods(API_URL, httpClient);
/** The console's resource `other-mail` is the API's `mailbox/other-mail`. */
const restPath = (resource: string) => (resource === 'other-mail' ? OTHER_MAIL_PATH : resource);

export const dataProvider: AppDataProvider = {
  ...rest,
  getList: (resource, params) =>
    resource === LETTER_TEMPLATES
      ? letterTemplates.getList(resource, params)
      : rest.getList(restPath(resource), params),
  getOne: (resource, params) =>
    resource === LETTER_TEMPLATES ? letterTemplates.getOne(resource, params) : rest.getOne(restPath(resource), params),
  getMany: (resource, params) => rest.getMany(restPath(resource), params),
  update: (resource, params) =>
    resource === LETTER_TEMPLATES ? letterTemplates.update(resource, params) : rest.update(resource, params),
  verifyAuditChain: () => httpClient(`${API_URL}/audit/verify`).then(({ json }) => json as AuditChainVerification),
  auditActors: () => httpClient(`${API_URL}/audit/actors`).then(({ json }) => json as AuditActor[]),
  searchSubject: (q: string) =>
    httpClient(`${API_URL}/subjects/search?${new URLSearchParams({ q })}`).then(
      ({ json }) => json as SubjectSearchResult,
    ),
  // Workflow actions, notes, dashboard figures, subject search for a request, e-mail intake.
  ...requestsMethods(API_URL, httpClient),
  // The retention report and sweep (the history is the plain `retention/sweeps` list).
  ...retentionMethods(API_URL, httpClient),
  // The privacy@ mailbox: its status, "read now", making a request of other mail.
  ...mailboxMethods(API_URL, httpClient),
  // Corrections to whose an identifier is, and the admin's rebuild of the index.
  ...subjectsMethods(API_URL, httpClient),
};
