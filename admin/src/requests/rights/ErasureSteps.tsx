import { Box, Divider } from '@mui/material';
import { Fragment } from 'react';

import type { ErasureStatus } from '../../api';
import { ERASABLE_SOURCES, type ErasableSource } from '../../sources/catalogue';
import { StepRow } from './StepRow';

/** The steps of the erasure, one row per source in the order a run takes. */
export const ErasureSteps = ({
  status,
  onWaive,
}: {
  status: ErasureStatus;
  onWaive?: (source: ErasableSource) => void;
}) => {
  const bySource = new Map(status.steps.map((step) => [step.source, step]));
  return (
    <Box data-testid="erasure-steps">
      {ERASABLE_SOURCES.map((source, index) => {
        const step = bySource.get(source);
        return (
          <Fragment key={source}>
            {index > 0 && <Divider />}
            <StepRow
              source={source}
              status={step?.status ?? 'pending'}
              recordsAffected={step?.recordsAffected}
              attempts={step?.attempts}
              error={step?.error}
              waiverReason={step?.waiverReason}
              onWaive={step?.status === 'failed' && onWaive ? () => onWaive(source) : undefined}
            />
          </Fragment>
        );
      })}
    </Box>
  );
};
