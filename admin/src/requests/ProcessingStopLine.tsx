import { Box, Typography } from '@mui/material';
import BlockOutlinedIcon from '@mui/icons-material/BlockOutlined';
import { LinkBase, useLocaleState, useTranslate } from 'react-admin';

import { formatInstant } from './dates';
import type { ActiveStop } from '../api';

const S = 'app.requests.stops';

/**
 * One processing stop in force: "Processing stopped: <activity>", why and since when, the
 * request it came from (a link, unless shown on that request's own card), the records flagged.
 */
export const ProcessingStopLine = ({ stop, showRequest = true }: { stop: ActiveStop; showRequest?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const activity = stop.activity ?? translate(`${S}.all_marketing`);
  return (
    <Box
      data-testid="processing-stop"
      data-activity={stop.activity ?? ''}
      sx={{
        display: 'flex',
        gap: 1,
        alignItems: 'flex-start',
        px: 1.25,
        py: 0.75,
        borderRadius: 1,
        border: 1,
        borderColor: 'warning.light',
        bgcolor: 'rgba(237, 108, 2, 0.05)',
      }}
    >
      <BlockOutlinedIcon fontSize="small" color="warning" sx={{ mt: 0.25 }} />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {translate(`${S}.stopped`, { activity })}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
          {translate(`${S}.reasons.${stop.reason}`)}
          {' · '}
          {translate(`${S}.since`, { date: formatInstant(stop.since, locale, { dateStyle: 'long' }) })}
          {showRequest && stop.reference && (
            <>
              {' · '}
              {translate(`${S}.from_request`)}{' '}
              <LinkBase to={`/requests/${encodeURIComponent(stop.requestId)}/show`}>{stop.reference}</LinkBase>
            </>
          )}
          {' · '}
          {translate(`${S}.flagged`, { smart_count: stop.flaggedRecords })}
        </Typography>
      </Box>
    </Box>
  );
};
