import { API_URL, httpClient } from '../../dataProvider';

/** A package published on the privacy portal, as `GET /api/requests/:id/portal-packages` answers it. */
export interface Publication {
  id: string;
  kind: 'access' | 'portability';
  email: string;
  fileName: string;
  size: number;
  sha256: string;
  publishedAt: string;
  publishedBy: string | null;
  expiresAt: string;
  state: 'open' | 'expired' | 'withdrawn';
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  fileDeletedAt: string | null;
  letter: { id: string; state: 'queued' | 'sent' | 'failed'; sentAt: string | null } | null;
  downloads: Array<{ at: string; size: number; complete: boolean }>;
}

export interface Publications {
  /** PORTAL_PACKAGE_DAYS: how long a link opens. */
  days: number;
  packages: Publication[];
}

const base = (requestId: string) => `${API_URL}/requests/${encodeURIComponent(requestId)}/portal-packages`;

export const packagesApi = {
  list: (requestId: string) => httpClient(base(requestId)).then(({ json }) => json as Publications),
  publish: (requestId: string, kind: Publication['kind']) =>
    httpClient(base(requestId), { method: 'POST', body: JSON.stringify({ kind }) }).then(
      ({ json }) => json as Publication,
    ),
  withdraw: (requestId: string, packageId: string) =>
    httpClient(`${base(requestId)}/${encodeURIComponent(packageId)}/withdraw`, { method: 'POST', body: '{}' }).then(
      ({ json }) => json as Publication,
    ),
};
