import { Alert, Box, Card, CardContent, CardHeader, Divider, Typography } from '@mui/material';
import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined';
import HistoryOutlinedIcon from '@mui/icons-material/HistoryOutlined';
import { Fragment } from 'react';
import { LinkBase, useLocaleState, useTranslate } from 'react-admin';

import { formatInstant } from '../dates';
import { RequestStatusChip } from '../RequestStatusField';
import type { DataSubjectRequest } from '../../api';
import { TYPES_VOCABULARY } from '../vocabulary';
import { useOtherRequests, type OtherRequest } from './otherRequestsApi';

const O = 'app.requests.other_requests';
const ROME_DAY: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'Europe/Rome' };

const OtherRequestLine = ({ other }: { other: OtherRequest }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box data-testid="other-request" data-reference={other.reference} sx={{ display: 'flex', gap: 1.5, py: 0.75 }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          <LinkBase to={`/requests/${encodeURIComponent(other.id)}/show`}>{other.reference}</LinkBase>
          {' · '}
          {translate(`${TYPES_VOCABULARY}.${other.type}`, { _: other.type })}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div">
          {translate(`${O}.received`, { date: formatInstant(other.receivedAt, locale, ROME_DAY) })}
          {other.closedAt && (
            <>
              {' · '}
              {translate(`${O}.closed`, { date: formatInstant(other.closedAt, locale, ROME_DAY) })}
            </>
          )}
          {' · '}
          {translate(`${O}.matched.${other.matchedBy.join('_')}`)}
        </Typography>
      </Box>
      <RequestStatusChip status={other.status} />
    </Box>
  );
};

/**
 * "Other requests from this person": the same e-mail or phone, exactly, open or closed, and the
 * times this request's e-mail was imported again (Art. 12(3) and (5) GDPR: a repeated request is
 * answered knowing the earlier ones). Nothing to say: no card.
 */
export const OtherRequestsCard = ({ request }: { request: DataSubjectRequest }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error } = useOtherRequests(request.id);
  if (error)
    return (
      <Alert severity="warning" data-testid="other-requests-error">
        {translate(`${O}.error`)}
      </Alert>
    );
  if (!data || (data.requests.length === 0 && data.duplicateImports.length === 0)) return null;
  const open = data.requests.filter((r) => !r.closedAt && r.status !== 'completed' && r.status !== 'rejected').length;
  const lastImport = data.duplicateImports[data.duplicateImports.length - 1];
  return (
    <Card data-testid="other-requests">
      <CardHeader
        avatar={<HistoryOutlinedIcon color="primary" />}
        title={translate(`${O}.title`)}
        subheader={translate(`${O}.subheader`)}
        slotProps={{ title: { variant: 'h6', component: 'h2' }, subheader: { variant: 'body2' } }}
        sx={{ pb: 0 }}
      />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        {lastImport && (
          <Alert severity="info" icon={<ContentCopyOutlinedIcon />} data-testid="duplicate-imports">
            {translate(`${O}.imported_again`, {
              smart_count: data.duplicateImports.length,
              date: formatInstant(lastImport.at, locale, {
                dateStyle: 'long',
                timeStyle: 'short',
                timeZone: 'Europe/Rome',
              }),
            })}
          </Alert>
        )}
        {data.requests.length > 0 && (
          <>
            <Typography
              variant="body2"
              color={open ? 'warning.main' : 'text.secondary'}
              data-testid="other-requests-summary"
            >
              {translate(open ? `${O}.summary_open` : `${O}.summary`, {
                smart_count: data.requests.length,
                open,
              })}
            </Typography>
            <Box>
              {data.requests.map((other, index) => (
                <Fragment key={other.id}>
                  {index > 0 && <Divider />}
                  <OtherRequestLine other={other} />
                </Fragment>
              ))}
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
};
