import { Alert, Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

import { formatInstant } from '../dates';
import type { RequestEvent } from '../../api';
import { FoldedText } from '../FoldedText';
import { O, decisionOf } from './objectionText';

/** The decision recorded on the request's timeline: outcome, activities, assessment, and what the person is told. */
export const ObjectionDecisionSummary = ({ event }: { event: RequestEvent }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const decision = decisionOf(event);
  const stopped = decision.outcome === 'processing_stopped';
  const which = decision.directMarketing ? 'direct_marketing' : stopped ? 'stopped' : 'refused';
  const activities = decision.activities.map((a) => a.activity).join(', ');
  return (
    <Box
      data-testid="objection-decision"
      data-outcome={decision.outcome}
      sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Alert severity={stopped ? 'success' : 'info'}>
        {translate(`${O}.decided.${which}`, {
          date: formatInstant(event.at, locale),
          by: event.actorEmail ?? '—',
        })}
      </Alert>
      <Typography variant="body2">
        {translate(`${O}.activities_line`, {
          activities: activities || translate('app.requests.stops.all_marketing'),
        })}
      </Typography>
      {decision.grounds && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {translate(`${O}.grounds_line`, { grounds: decision.grounds })}
        </Typography>
      )}
      {decision.statement && (
        <Box>
          <Typography variant="caption" color="text.secondary">
            {translate(`${O}.statement`)}
          </Typography>
          <FoldedText text={decision.statement} />
        </Box>
      )}
    </Box>
  );
};
