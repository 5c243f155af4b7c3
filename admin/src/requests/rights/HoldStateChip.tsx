import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

import type { HoldState } from '../../api';
import { H, HOLD_STATE_COLORS } from './holdsText';

export const HoldStateChip = ({ state }: { state: HoldState }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={state === 'ended' || state === 'lifted' ? 'outlined' : 'filled'}
      color={HOLD_STATE_COLORS[state]}
      label={translate(`${H}.states.${state}`)}
      sx={{ height: 22, fontWeight: 600, flexShrink: 0 }}
      data-testid="hold-state"
      data-state={state}
    />
  );
};
