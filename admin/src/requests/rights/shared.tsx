import { Box, Button, Card, CardContent, CardHeader, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactElement, type ReactNode } from 'react';
import { useDataProvider, useGetList, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import { sourcePosition } from '../../sources/catalogue';
import type { DataSubjectRequest, RequestEvent } from '../../api';
import { isOpen } from '../vocabulary';

type Translate = (key: string, options?: object) => string;

/** A source's name as its list calls it ("Leads", "Chat conversations"...). */
export const sourceName = (translate: Translate, source: string) =>
  translate(`resources.${source}.name`, { smart_count: 2, _: source });

/** "Leads: 1 · Cookie consents: 2", the sources with a count above zero, in the console's order of sources. */
export const perSource = (translate: Translate, counts: Record<string, number> | undefined) =>
  Object.entries(counts ?? {})
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => sourcePosition(a) - sourcePosition(b))
    .map(([source, n]) =>
      translate('app.requests.rights.per_source', { source: sourceName(translate, source), count: n }),
    )
    .join(' · ');

/** A legal basis of the register ("Legitimate interests"). */
export const legalBasis = (translate: Translate, basis: string) =>
  translate(`app.requests.rights.legal_bases.${basis}`, { _: basis });

/** A cookie-banner category by its banner name ("AI chatbot"). */
export const consentCategory = (translate: Translate, category: string) =>
  translate(`resources.consents.categories.${category}`, {
    _: translate(`app.requests.rights.consent_categories.${category}`, { _: category }),
  });

/** IP addresses as typed: separated by commas, semicolons or spaces. */
export const parseIps = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** The API's readable message of a refusal (a 409 says why), and the field errors of a 400. */
export const apiError = (error: unknown): { status?: number; message: string; errors?: Record<string, string> } => {
  const e = (error && typeof error === 'object' ? error : {}) as {
    status?: number;
    message?: string;
    body?: { message?: string; errors?: Record<string, string> };
  };
  return {
    status: e.status,
    message: e.body?.message ?? e.message ?? 'ra.notification.http_error',
    errors: e.body?.errors,
  };
};

/** May the user change this request's subject data now: staff, an open request, the identity verified. */
export const canChangeData = (request: DataSubjectRequest, canAct: boolean) =>
  canAct && isOpen(request) && !!request.identityVerifiedAt;

/** Staff could change the data of this open request once its subject's identity is verified. */
export const awaitsVerification = (request: DataSubjectRequest, canAct: boolean) =>
  canAct && isOpen(request) && !request.identityVerifiedAt;

/** The request's timeline: the same query as RequestTimeline, so one fetch serves both. */
export const useRequestEvents = (request: DataSubjectRequest) =>
  useGetList<RequestEvent>('request-events', {
    filter: { requestId: request.id },
    sort: { field: 'at', order: 'ASC' },
    pagination: { page: 1, perPage: 500 },
  });

/** The last event of one of the kinds, or undefined. */
export const lastOf = (events: RequestEvent[] | undefined, kinds: string[]) =>
  [...(events ?? [])].reverse().find((event) => kinds.includes(event.kind));

export const erasureStatusKey = (id: string) => ['requests', id, 'erasure'] as const;

/** `GET /api/requests/:id/erasure`, for erasure requests only (the card and the Close button share it). */
export const useErasureStatus = (request: DataSubjectRequest | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: erasureStatusKey(request?.id ?? ''),
    queryFn: () => dataProvider.requestErasureStatus(request!.id),
    enabled: request?.type === 'erasure',
  });
};

/**
 * After a change to the subject's data: the request, its timeline, the erasure state and the
 * recipients (all keyed under `requests`), the audit log, and the data held (searched again).
 */
export const useRefreshAfterChange = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['requests'] }),
      queryClient.invalidateQueries({ queryKey: ['request-events'] }),
      queryClient.invalidateQueries({ queryKey: ['audit-events'] }),
      queryClient.invalidateQueries({ queryKey: ['subjects'] }),
    ]);
};

/** A card of the request page with an icon, a title and a line saying which article applies. */
export const RightsCard = ({
  icon,
  title,
  subtitle,
  testId,
  children,
}: {
  icon: ReactElement;
  title: string;
  subtitle: string;
  testId: string;
  children: ReactNode;
}) => (
  <Card data-testid={testId}>
    <CardHeader
      avatar={icon}
      title={title}
      subheader={subtitle}
      slotProps={{ title: { variant: 'h6', component: 'h2' }, subheader: { variant: 'body2' } }}
      sx={{ pb: 0 }}
    />
    <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>{children}</CardContent>
  </Card>
);

/** A list that shows its first items and a "Show all" toggle when longer. */
export const Folded = <T,>({
  items,
  first = 5,
  render,
}: {
  items: T[];
  first?: number;
  render: (item: T, index: number) => ReactNode;
}) => {
  const translate = useTranslate();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, first);
  return (
    <>
      {shown.map(render)}
      {items.length > first && (
        <Box>
          <Button size="small" onClick={() => setAll(!all)} sx={{ px: 0.5, minWidth: 0 }}>
            {all
              ? translate('app.requests.rights.show_less')
              : translate('app.requests.rights.show_all', { smart_count: items.length })}
          </Button>
        </Box>
      )}
    </>
  );
};

/** A quiet line of text. */
export const Quiet = ({ children, testId }: { children: ReactNode; testId?: string }) => (
  <Typography variant="body2" color="text.secondary" data-testid={testId}>
    {children}
  </Typography>
);
