import { Box, Button, Typography } from '@mui/material';
import RuleOutlinedIcon from '@mui/icons-material/RuleOutlined';
import { useTranslate } from 'react-admin';

import type { ErasureStepStatus } from '../../api';
import { type ErasableSource } from '../../sources/catalogue';
import { sourceName } from './shared';
import { T } from './erasureText';
import { StepStatusChip } from './StepStatusChip';

/** One source's outcome: status, what changed, the error of a failure or the reason of a waiver. */
export const StepRow = ({
  source,
  status,
  recordsAffected,
  attempts,
  error,
  waiverReason,
  onWaive,
}: {
  source: ErasableSource;
  status: ErasureStepStatus | 'pending';
  recordsAffected?: number;
  attempts?: number;
  error?: string | null;
  waiverReason?: string | null;
  onWaive?: () => void;
}) => {
  const translate = useTranslate();
  return (
    <Box
      data-testid={`erasure-step-${source}`}
      data-status={status}
      sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', py: 0.75 }}
    >
      <StepStatusChip status={status} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {sourceName(translate, source)}
          </Typography>
          {status === 'done' && (
            <Typography variant="body2" color="text.secondary">
              {translate(`${T}.affected`, { smart_count: recordsAffected ?? 0 })}
            </Typography>
          )}
          {attempts != null && attempts > 1 && (
            <Typography variant="caption" color="text.secondary">
              {translate(`${T}.attempts`, { smart_count: attempts })}
            </Typography>
          )}
        </Box>
        {status === 'failed' && error && (
          <Typography variant="body2" color="error" sx={{ overflowWrap: 'anywhere' }} data-testid="erasure-step-error">
            {error}
          </Typography>
        )}
        {status === 'waived' && waiverReason && (
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {translate(`${T}.waived_because`, { reason: waiverReason })}
          </Typography>
        )}
      </Box>
      {onWaive && (
        <Button size="small" startIcon={<RuleOutlinedIcon />} onClick={onWaive} sx={{ flexShrink: 0 }}>
          {translate(`${T}.waive`)}
        </Button>
      )}
    </Box>
  );
};
