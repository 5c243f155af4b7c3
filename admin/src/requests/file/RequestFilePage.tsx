import { Alert, Box, Button, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PrintOutlinedIcon from '@mui/icons-material/PrintOutlined';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useGetList, useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';

import type { AppDataProvider } from '../../dataProvider';
import type { AuditEvent } from '../../api';
import { formatInstant } from '../dates';
import { RequestTimeline } from '../RequestTimeline';
import type { DataSubjectRequest, RequestEvent } from '../../api';
import { AuditSection } from './AuditSection';
import { DecisionsSection } from './DecisionsSection';
import { LettersSection } from './LettersSection';
import { PackagesSection } from './PackagesSection';
import { RequestFacts } from './RequestFacts';

/**
 * The request's file (docs/requests.md § The request's file): one printable page with the request,
 * every decision, every letter, the packages' checksums, the audit log's events with their place in
 * the chain, and the timeline — what an officer hands to the Garante. Each read behind it is
 * audited like the request page's.
 */
export const RequestFilePage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { identity } = useGetIdentity();
  const [generatedAt] = useState(() => new Date().toISOString());
  const request = useGetOne<DataSubjectRequest>('requests', { id });
  const events = useGetList<RequestEvent>('request-events', {
    filter: { requestId: id },
    sort: { field: 'at', order: 'ASC' },
    pagination: { page: 1, perPage: 1000 },
  });
  const audit = useGetList<AuditEvent>('audit-events', {
    filter: { entityId: id },
    sort: { field: 'id', order: 'ASC' },
    pagination: { page: 1, perPage: 1000 },
  });
  const letters = useQuery({
    queryKey: ['requests', id, 'letters'],
    queryFn: () => dataProvider.requestLetters(id),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const chain = useQuery({
    queryKey: ['audit', 'verify', generatedAt],
    queryFn: () => dataProvider.verifyAuditChain(),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const t = (key: string, options?: object) => translate(`app.requests.file.${key}`, options);

  const failed = request.error || events.error || audit.error || letters.error;
  // The chain's verification is not waited for: it grows with the whole log (AuditSection).
  const pending = request.isPending || events.isPending || audit.isPending || letters.isPending;
  let body;
  if (failed) body = <Alert severity="error">{t('error')}</Alert>;
  else if (pending || !request.data) body = <Typography>{t('loading')}</Typography>;
  else
    body = (
      <>
        <RequestFacts request={request.data} />
        <DecisionsSection events={events.data ?? []} />
        <LettersSection request={request.data} letters={letters.data ?? []} />
        <PackagesSection events={events.data ?? []} />
        <AuditSection events={audit.data ?? []} chain={chain.data ?? null} verifying={chain.isPending} />
        <Box sx={{ mt: 3, '& .MuiCard-root': { boxShadow: 'none', border: 0 }, '& .MuiCardContent-root': { px: 0 } }}>
          <RequestTimeline request={request.data} />
        </Box>
      </>
    );

  return (
    <Box
      component="main"
      data-testid="request-file"
      sx={{ maxWidth: 960, mx: 'auto', p: { xs: 2, md: 4 }, bgcolor: 'background.paper', minHeight: '100vh' }}
    >
      <Box sx={{ display: 'flex', gap: 1, mb: 2, displayPrint: 'none' }}>
        <Button component={Link} to={`/requests/${encodeURIComponent(id)}/show`} startIcon={<ArrowBackIcon />}>
          {t('back')}
        </Button>
        <Button
          variant="contained"
          startIcon={<PrintOutlinedIcon />}
          onClick={() => window.print()}
          // A printed file states what the verification found, not that it was running.
          disabled={chain.isPending}
        >
          {t('print')}
        </Button>
      </Box>
      <Typography variant="h4" component="h1" tabIndex={-1}>
        {t('title', { reference: request.data?.reference ?? '' })}
      </Typography>
      <Typography variant="subtitle1" color="text.secondary">
        {t('subtitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" data-testid="file-generated">
        {t('generated', { at: formatInstant(generatedAt, locale), who: identity?.fullName ?? '' })}
      </Typography>
      {body}
    </Box>
  );
};
