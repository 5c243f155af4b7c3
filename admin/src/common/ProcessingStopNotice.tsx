import { Alert, AlertTitle, Box, Link, Typography } from '@mui/material';
import BlockOutlinedIcon from '@mui/icons-material/BlockOutlined';
import { LinkBase, useLocaleState, useTranslate } from 'react-admin';

import { intlLocale } from '../i18n';
import type { RecordStop } from '../api';
import { stopReasonWords, stoppedActivity } from './stopText';

/**
 * On a record's page: the stops it was stored under, one line each — "Processing stopped for
 * <activity> — <objection/withdrawal>, request <reference>, since <date>" — when it was stored,
 * and whether the person's fresh consent lifted the stop since.
 */
export const ProcessingStopNotice = ({ stops }: { stops: RecordStop[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long' });
  const date = (iso: string) => format.format(new Date(iso));
  return (
    <Alert
      severity="warning"
      icon={<BlockOutlinedIcon />}
      data-testid="processing-stop-notice"
      sx={{ '& .MuiAlert-message': { width: '100%' } }}
    >
      <AlertTitle>{translate('app.sources.stopped_title')}</AlertTitle>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.75 }}>
        {stops.map((stop) => (
          <Box key={`${stop.requestId}-${stop.activity ?? ''}`} data-testid="record-stop">
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {translate('app.sources.stopped_line', {
                activity: stoppedActivity(translate, stop),
                reason: stopReasonWords(translate, stop),
              })}{' '}
              <Link
                component={LinkBase}
                to={`/requests/${encodeURIComponent(stop.requestId)}/show`}
                sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}
              >
                {stop.reference ?? translate('app.sources.open_request')}
              </Link>
              {translate('app.sources.stopped_since', { date: date(stop.since) })}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {translate('app.sources.stopped_stored', { date: date(stop.flaggedAt) })}
              {stop.liftedAt && <> {translate('app.sources.stopped_lifted', { date: date(stop.liftedAt) })}</>}
            </Typography>
          </Box>
        ))}
      </Box>
    </Alert>
  );
};
