import { fetchUtils, type DataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';

import { requestsMethods, type RequestsDataProvider } from './requests/requestsApi';
import { retentionMethods, type RetentionDataProvider } from './retention/retentionApi';
import type { AuditChainVerification, SubjectSearchResult } from './types';

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

export interface AppDataProvider extends DataProvider, RequestsDataProvider, RetentionDataProvider {
  /** `GET /api/audit/verify`: recompute the SHA-256 hash chain of the audit log. */
  verifyAuditChain: () => Promise<AuditChainVerification>;
  /**
   * `GET /api/subjects/search?q=`: every record held about a person, grouped by source.
   * Each call is written to the audit log by the API. A 400 (empty or unreadable query)
   * rejects with an HttpError whose body is `{message, errors: {q}}`.
   */
  searchSubject: (q: string) => Promise<SubjectSearchResult>;
}

export const dataProvider: AppDataProvider = {
  ...simpleRestProvider(API_URL, httpClient),
  verifyAuditChain: () => httpClient(`${API_URL}/audit/verify`).then(({ json }) => json as AuditChainVerification),
  searchSubject: (q: string) =>
    httpClient(`${API_URL}/subjects/search?${new URLSearchParams({ q })}`).then(
      ({ json }) => json as SubjectSearchResult,
    ),
  // Workflow actions, notes, dashboard figures, subject search for a request, e-mail intake.
  ...requestsMethods(API_URL, httpClient),
  // The retention report and sweep (the history is the plain `retention/sweeps` list).
  ...retentionMethods(API_URL, httpClient),
};
