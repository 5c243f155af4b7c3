import type { fetchUtils } from 'react-admin';

type HttpClient = (url: string, options?: fetchUtils.Options) => Promise<{ json: unknown }>;

/** Whose an identifier is in its record: the record's owner's, or a mention of someone else. */
export type IdentifierRole = 'owner' | 'mention';

/** The officer's corrections to the search index, and the admin's rebuild of it. */
export interface SubjectsDataProvider {
  /** `PATCH /api/subjects/identifiers/:entryId`: audited with the role before and after. */
  setIdentifierRole: (entryId: string, role: IdentifierRole, reason: string) => Promise<unknown>;
  /** `POST /api/subjects/reindex` (admins): every record indexed again under the current rules. */
  reindexSubjects: () => Promise<{ sources: unknown }>;
}

export const subjectsMethods = (apiUrl: string, httpClient: HttpClient): SubjectsDataProvider => ({
  setIdentifierRole: (entryId, role, reason) =>
    httpClient(`${apiUrl}/subjects/identifiers/${encodeURIComponent(entryId)}`, {
      method: 'PATCH',
      body: JSON.stringify({ role, reason: reason.trim() || undefined }),
    }).then(({ json }) => json),
  reindexSubjects: () =>
    httpClient(`${apiUrl}/subjects/reindex`, { method: 'POST' }).then(({ json }) => json as { sources: unknown }),
});
