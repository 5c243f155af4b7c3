import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import type { ApiKey } from '../api';

/** When the key last sent data (to the minute), or "Never used". */
export const LastUsedField = ({ source = 'lastUsedAt' }: Partial<FieldProps<ApiKey>>) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue<ApiKey>({ source });
  return value ? (
    <DateTimeField source={source} />
  ) : (
    <Typography component="span" variant="body2" color="text.secondary">
      {translate('app.api_keys.never_used')}
    </Typography>
  );
};
