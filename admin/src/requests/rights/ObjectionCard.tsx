import { Alert, Box, Skeleton, Typography } from '@mui/material';
import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

import { ProcessingStopLine } from '../ProcessingStopLine';
import type { DataSubjectRequest } from '../../api';
import { usePersonStops } from '../useSubjectSearch';
import { ActionButton } from './ActionButton';
import { ObjectionDecisionSummary } from './ObjectionDecisionSummary';
import { ObjectionDialog } from './ObjectionDialog';
import { O, decisionOf } from './objectionText';
import { R } from './rightsText';
import { Quiet, RightsCard, awaitsVerification, canChangeData, lastOf, useRequestEvents } from './shared';

/**
 * An objection (Art. 21): the officer's decision, as the timeline recorded it, and the processing
 * stops this request put in force for the person (from their search, `processingStops`).
 */
export const ObjectionCard = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { data: events, isPending } = useRequestEvents(request);
  const last = lastOf(events, ['objection_decided']);
  const person = usePersonStops(request);
  const stops = person.stops.filter((stop) => stop.requestId === request.id);
  const actionable = canChangeData(request, canAct);
  const stopped = last && decisionOf(last).outcome === 'processing_stopped';

  return (
    <RightsCard
      testId="objection-card"
      icon={<GavelOutlinedIcon color="primary" />}
      title={translate(`${O}.title`)}
      subtitle={translate(`${O}.subtitle`)}
    >
      {isPending ? (
        <Skeleton height={40} />
      ) : last ? (
        <ObjectionDecisionSummary event={last} />
      ) : (
        <Quiet testId="objection-none">
          {translate(awaitsVerification(request, canAct) ? `${R}.verify_first` : `${O}.none_yet`)}
        </Quiet>
      )}
      {stopped && (
        <Box data-testid="objection-stops" sx={{ display: 'flex', flexDirection: 'column', gap: 0.75 }}>
          <Typography variant="subtitle2" component="h3">
            {translate(`${O}.stops_title`)}
          </Typography>
          {person.isPending ? (
            <Skeleton height={36} />
          ) : person.error ? (
            <Alert severity="warning">{translate(`${R}.error`)}</Alert>
          ) : stops.length ? (
            stops.map((stop) => (
              <ProcessingStopLine key={`${stop.reason}-${stop.activityId ?? ''}`} stop={stop} showRequest={false} />
            ))
          ) : (
            <Quiet>{translate(`${O}.no_stops`)}</Quiet>
          )}
        </Box>
      )}
      {actionable && (
        <ActionButton
          icon={<GavelOutlinedIcon />}
          label={last ? `${O}.decide_again` : `${O}.decide`}
          variant={last ? 'outlined' : 'contained'}
          onClick={() => setOpen(true)}
        />
      )}
      {open && <ObjectionDialog request={request} onClose={() => setOpen(false)} />}
    </RightsCard>
  );
};
