import { Chip, Tooltip } from '@mui/material';
import type { ReactElement } from 'react';

/** Darker than the theme's warning orange, for the contrast of small text. */
const WARNING_LOOK = {
  fontWeight: 600,
  color: '#8a4b00',
  borderColor: '#e0a458',
  bgcolor: '#fff6e8',
  '& .MuiChip-icon': { color: 'inherit' },
};

/**
 * One of a record's flags after its main value ("Restricted", "Processing stopped",
 * "Anonymised"), its explanation on hover; `warning`: the record is held back from some use.
 */
export const FlagChip = ({
  testId,
  icon,
  label,
  help,
  warning = false,
}: {
  testId: string;
  icon: ReactElement;
  label: string;
  help: string;
  warning?: boolean;
}) => (
  <Tooltip title={help}>
    <Chip
      data-testid={testId}
      size="small"
      variant="outlined"
      icon={icon}
      label={label}
      sx={{ height: 22, ...(warning ? WARNING_LOOK : {}) }}
    />
  </Tooltip>
);
