import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';

import type { AppDataProvider } from '../dataProvider';

/**
 * `GET /api/requests/stats`, shared by the dashboard's cards and chart. The
 * key starts with `requests`, so a workflow action refreshes the figures too.
 */
export const useRequestStats = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['requests', 'stats'],
    queryFn: () => dataProvider.requestStats(),
    retry: false,
  });
};
