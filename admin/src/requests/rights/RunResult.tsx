import { Alert, Box, Divider } from '@mui/material';
import { Fragment } from 'react';
import { useTranslate } from 'react-admin';

import type { ErasureReport } from '../../api';
import { T } from './erasureText';
import { StepRow } from './StepRow';

/** The run's outcome per source, as the run answered it. */
export const RunResult = ({ report }: { report: ErasureReport }) => {
  const translate = useTranslate();
  const complete = report.state === 'complete';
  return (
    <Box data-testid="erasure-result" data-state={report.state}>
      <Alert severity={complete ? 'success' : 'warning'} sx={{ mb: 1 }}>
        {translate(complete ? `${T}.dialog.result_complete` : `${T}.dialog.result_incomplete`)}
      </Alert>
      {report.sources.map((source, index) => (
        <Fragment key={source.source}>
          {index > 0 && <Divider />}
          <StepRow
            source={source.source}
            status={source.status ?? 'pending'}
            recordsAffected={source.recordsAffected}
            error={source.error}
            waiverReason={source.waiverReason}
          />
        </Fragment>
      ))}
    </Box>
  );
};
