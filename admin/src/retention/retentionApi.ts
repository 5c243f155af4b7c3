import type { fetchUtils } from 'react-admin';

import type { RetentionReport, RetentionSweep } from '../api';

type HttpClient = (url: string, options?: fetchUtils.Options) => Promise<{ json: unknown }>;

/** The retention endpoints that are not plain REST; the history is the `retention/sweeps` list. */
export interface RetentionDataProvider {
  /** `GET /api/retention/report`: per policy, the records past retention, oldest first. */
  retentionReport: () => Promise<RetentionReport>;
  /** `POST /api/retention/sweep?dryRun=`: a 409 (another sweep running) rejects with its message. */
  retentionSweep: (dryRun: boolean) => Promise<RetentionSweep>;
}

export const retentionMethods = (apiUrl: string, httpClient: HttpClient): RetentionDataProvider => ({
  retentionReport: () => httpClient(`${apiUrl}/retention/report`).then(({ json }) => json as RetentionReport),
  retentionSweep: (dryRun) =>
    httpClient(`${apiUrl}/retention/sweep?dryRun=${dryRun}`, { method: 'POST' }).then(
      ({ json }) => json as RetentionSweep,
    ),
});
