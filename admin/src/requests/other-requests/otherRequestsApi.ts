import { useQuery } from '@tanstack/react-query';

import { API_URL, httpClient } from '../../dataProvider';

/** One of the same person's other requests (`GET /api/requests/:id/other-requests`). */
export interface OtherRequest {
  id: string;
  reference: string;
  type: string;
  status: string;
  receivedAt: string;
  closedAt: string | null;
  /** What it shares with this request, exactly: the e-mail, the phone, or both. */
  matchedBy: Array<'email' | 'phone'>;
}

export interface OtherRequests {
  reference: string;
  requests: OtherRequest[];
  /** The times the same e-mail was imported again: nothing was created then. */
  duplicateImports: Array<{ at: string; actorEmail: string | null }>;
}

/** The read is audited: once per page view, again only after a change to the request. */
export const useOtherRequests = (requestId: string) =>
  useQuery({
    queryKey: ['requests', 'other-requests', requestId],
    queryFn: () =>
      httpClient(`${API_URL}/requests/${encodeURIComponent(requestId)}/other-requests`).then(
        ({ json }) => json as OtherRequests,
      ),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
