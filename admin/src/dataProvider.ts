import { fetchUtils, type DataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';

import type { AuditChainVerification } from './types';

export const API_URL = '/api';

/**
 * Every request goes to the same origin and carries the httpOnly session
 * cookie set by `POST /api/auth/login`.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
    fetchUtils.fetchJson(url, { ...options, credentials: 'include' });

export interface AppDataProvider extends DataProvider {
    /** `GET /api/audit/verify`: recompute the SHA-256 hash chain of the audit log. */
    verifyAuditChain: () => Promise<AuditChainVerification>;
}

export const dataProvider: AppDataProvider = {
    ...simpleRestProvider(API_URL, httpClient),
    verifyAuditChain: () =>
        httpClient(`${API_URL}/audit/verify`).then(
            ({ json }) => json as AuditChainVerification
        ),
};
