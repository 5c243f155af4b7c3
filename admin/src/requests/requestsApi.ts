import { HttpError, type fetchUtils } from 'react-admin';

import type { SubjectSearchResult } from '../types';
import type {
    DataSubjectRequest,
    RequestAction,
    RequestActionBodies,
    RequestEvent,
    RequestStats,
} from './types';

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
        body: RequestActionBodies[A]
    ) => Promise<DataSubjectRequest>;
    /** `POST /api/requests/:id/notes`: answers the timeline event. */
    addRequestNote: (id: string, text: string) => Promise<RequestEvent>;
    /** `GET /api/requests/stats`: the dashboard's figures. */
    requestStats: () => Promise<RequestStats>;
    /** `GET /api/subjects/search?q=&requestId=`: audited with the request as its reason. */
    searchSubjectForRequest: (q: string, requestId: string) => Promise<SubjectSearchResult>;
    /** `POST /api/intake/email` with the raw message (.eml) as message/rfc822: answers the new request. */
    importEmail: (file: Blob) => Promise<DataSubjectRequest>;
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
            ({ json }) => json as SubjectSearchResult
        ),

    // fetchJson would send the file as JSON: the raw bytes go with their own content type.
    importEmail: async file => {
        const response = await fetch(`${apiUrl}/intake/email`, {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'message/rfc822', accept: 'application/json' },
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
        return json as DataSubjectRequest;
    },
});
