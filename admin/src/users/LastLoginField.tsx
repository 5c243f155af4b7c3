import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import type { User } from '../api';

/** Last sign-in, or "Never" for an account that has not been used yet. */
export const LastLoginField = ({ source = 'lastLoginAt' }: Partial<FieldProps<User>>) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue<User>({ source });
  return value ? (
    <DateTimeField source={source} />
  ) : (
    <Typography component="span" variant="body2" color="text.secondary">
      {translate('app.users.never')}
    </Typography>
  );
};
