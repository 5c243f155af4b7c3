import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

import type { LetterState } from '../../api';
import { L, STATE_COLORS } from './lettersText';

export const LetterStateChip = ({ state }: { state: LetterState }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={state === 'queued' ? 'outlined' : 'filled'}
      color={STATE_COLORS[state]}
      label={translate(`${L}.states.${state}`)}
      sx={{ height: 22, fontWeight: 600, flexShrink: 0 }}
      data-testid="letter-state"
      data-state={state}
    />
  );
};
