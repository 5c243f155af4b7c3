import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';

import type { AppDataProvider } from '../dataProvider';
import type { ActiveStop, DataSubjectRequest } from '../api';

/**
 * The person's search for one identifier, with the request as its reason. Every search is
 * audited: run once per page view (the subject panel and the objection card share it), again
 * only after a change (`useRefreshAfterChange` invalidates `subjects`), never on focus.
 */
export const useSubjectSearch = (value: string | null, requestId: string) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['subjects', 'search', value, requestId],
    queryFn: () => dataProvider.searchSubjectForRequest(value!, requestId),
    enabled: !!value,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
};

/**
 * The processing stops in force for the request's person, through their e-mail and phone. A stop
 * is kept per identifier: the same decision through both is shown once, with the most records
 * flagged through either.
 */
export const usePersonStops = (request: DataSubjectRequest) => {
  const email = useSubjectSearch(request.subjectEmail, request.id);
  const phone = useSubjectSearch(request.subjectPhone, request.id);
  const searches = [request.subjectEmail ? email : null, request.subjectPhone ? phone : null].filter(
    (search) => search !== null,
  );
  const stops = new Map<string, ActiveStop>();
  for (const search of searches) {
    for (const stop of search.data?.processingStops ?? []) {
      const key = `${stop.requestId}|${stop.reason}|${stop.activityId ?? ''}`;
      const seen = stops.get(key);
      if (!seen) stops.set(key, stop);
      else
        stops.set(key, {
          ...seen,
          since: seen.since < stop.since ? seen.since : stop.since,
          flaggedRecords: Math.max(seen.flaggedRecords, stop.flaggedRecords),
        });
    }
  }
  return {
    stops: [...stops.values()].sort((a, b) => a.since.localeCompare(b.since)),
    isPending: searches.some((search) => search.isPending),
    error: searches.find((search) => search.error)?.error ?? null,
    searched: searches.length > 0,
  };
};
