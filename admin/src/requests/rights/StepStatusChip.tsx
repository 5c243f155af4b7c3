import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

import type { ErasureStepStatus } from '../../api';
import { T, STATUS_COLORS } from './erasureText';

export const StepStatusChip = ({ status }: { status: ErasureStepStatus | 'pending' }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={status === 'pending' ? 'outlined' : 'filled'}
      color={STATUS_COLORS[status]}
      label={translate(`${T}.status.${status}`)}
      sx={{ minWidth: 72, height: 22, fontWeight: 600, flexShrink: 0 }}
      data-status={status}
    />
  );
};
