import { Alert, Box, Button, Card, CardContent, CardHeader, CircularProgress, Typography } from '@mui/material';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import GppBadOutlinedIcon from '@mui/icons-material/GppBadOutlined';
import LinkIcon from '@mui/icons-material/Link';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useQuery } from '@tanstack/react-query';
import { LinkBase, useCreatePath, useDataProvider, useLocaleState, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../dataProvider';
import { intlLocale } from '../i18n';
import type { AuditChainVerification } from '../api';

/**
 * How long the dashboard shows a verification before making a new one when it is opened again.
 * Recomputing the chain takes seconds of the server's CPU on a large log (9 s at a million
 * events); the card states when it was verified, and *Verify again* makes a new one at once.
 */
const VERIFICATION_FRESH_MS = 5 * 60_000;

const isVerification = (value: unknown): value is AuditChainVerification =>
  !!value && typeof value === 'object' && typeof (value as AuditChainVerification).valid === 'boolean';

/**
 * Asks the API to recompute the SHA-256 hash chain of the audit log against its signed
 * checkpoint (`GET /api/audit/verify`) and states the result in one line, with a warning when
 * recent reads are still waiting in the audit inbox because they could not be chained.
 */
export const AuditIntegrityCard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  // The dataProvider proxy routes errors through authProvider.checkError (401 => logout).
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, isPending, isFetching, isError, refetch } = useQuery({
    queryKey: ['audit', 'verify'],
    queryFn: () => dataProvider.verifyAuditChain(),
    retry: false,
    staleTime: VERIFICATION_FRESH_MS,
    refetchOnWindowFocus: false,
  });
  /** The verification's answer, when there is one to show. */
  const verified = !isError && isVerification(data) ? data : null;

  const formatDate = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const reasonText = (reason: string | null) =>
    reason
      ? translate(`app.dashboard.integrity.reasons.${reason}`, { _: reason })
      : translate('app.dashboard.integrity.unknown_reason');

  let body;
  if (isPending) {
    body = (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 1 }}>
        <CircularProgress size={22} />
        <Typography variant="body2" color="text.secondary">
          {translate('app.dashboard.integrity.checking')}
        </Typography>
      </Box>
    );
  } else if (isError || !isVerification(data)) {
    body = <Alert severity="warning">{translate('app.dashboard.integrity.error')}</Alert>;
  } else if (data.valid) {
    body = (
      <Alert
        severity="success"
        variant="filled"
        icon={<CheckCircleOutlineIcon />}
        sx={{ fontWeight: 600 }}
        data-testid="audit-integrity-status"
      >
        {translate('app.dashboard.integrity.intact', { smart_count: data.checked })}
      </Alert>
    );
  } else {
    const message = data.firstBrokenId
      ? translate('app.dashboard.integrity.broken', {
          id: data.firstBrokenId,
          reason: reasonText(data.reason),
        })
      : translate('app.dashboard.integrity.broken_no_id', { reason: reasonText(data.reason) });
    body = (
      <Alert
        severity="error"
        variant="filled"
        icon={<GppBadOutlinedIcon />}
        sx={{ fontWeight: 600 }}
        data-testid="audit-integrity-status"
        action={
          data.firstBrokenId ? (
            <Button
              color="inherit"
              size="small"
              component={LinkBase}
              to={createPath({ resource: 'audit-events', type: 'show', id: data.firstBrokenId })}
            >
              #{data.firstBrokenId}
            </Button>
          ) : undefined
        }
      >
        {message}
      </Alert>
    );
  }

  return (
    <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardHeader
        avatar={<LinkIcon color="primary" />}
        title={translate('app.dashboard.integrity.title')}
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
        sx={{ pb: 0 }}
      />
      <CardContent sx={{ flex: 1, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('app.dashboard.integrity.description')}
        </Typography>
        {body}
        {verified && verified.pending > 0 && (
          <Alert severity="warning" data-testid="audit-integrity-pending">
            {translate('app.dashboard.integrity.pending', { smart_count: verified.pending })}
          </Alert>
        )}
        {verified && (
          <Box
            component="dl"
            sx={{
              m: 0,
              display: 'grid',
              gridTemplateColumns: 'auto 1fr',
              columnGap: 3,
              rowGap: 0.75,
              '& dt': { color: 'text.secondary', typography: 'body2' },
              '& dd': { m: 0, typography: 'body2', fontWeight: 500 },
            }}
          >
            <dt>{translate('app.dashboard.integrity.events_checked')}</dt>
            <dd>{new Intl.NumberFormat(intlLocale(locale)).format(verified.checked)}</dd>
            <dt>{translate('app.dashboard.integrity.algorithm')}</dt>
            <dd>{translate('app.dashboard.integrity.algorithm_value')}</dd>
            {verified.checkpoint && (
              <>
                <dt>{translate('app.dashboard.integrity.checkpoint')}</dt>
                <dd>
                  {translate('app.dashboard.integrity.checkpoint_value', {
                    id: verified.checkpoint.lastId,
                    date: formatDate(verified.checkpoint.at),
                  })}
                </dd>
              </>
            )}
            <dt>{translate('app.dashboard.integrity.last_verified')}</dt>
            <dd>{formatDate(verified.verifiedAt)}</dd>
          </Box>
        )}
        <Box sx={{ mt: 'auto', display: 'flex', justifyContent: 'flex-end' }}>
          <Button
            size="small"
            variant="outlined"
            startIcon={isFetching ? <CircularProgress size={14} color="inherit" /> : <RefreshIcon />}
            onClick={() => void refetch()}
            disabled={isFetching}
          >
            {translate('app.dashboard.integrity.verify_again')}
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
};
