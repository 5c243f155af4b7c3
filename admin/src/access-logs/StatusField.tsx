import { Chip } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

import type { ChipColor } from '../common/VocabularyChipField';
import { monospaceFontFamily } from '../theme';
import type { AccessLog } from '../api';

const statusColor = (status: number): ChipColor => {
  if (status >= 500) return 'error';
  if (status >= 400) return 'warning';
  if (status >= 300) return 'info';
  return 'success';
};

/** The HTTP status, coloured by class (2xx, 3xx, 4xx, 5xx). */
export const StatusField = ({ source = 'status' }: Partial<FieldProps<AccessLog>>) => {
  const status = useFieldValue<AccessLog>({ source }) as number | undefined;
  if (status == null) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={statusColor(status)}
      label={status}
      sx={{ fontFamily: monospaceFontFamily }}
    />
  );
};
