import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import type { ApiKey } from '../api';

/** Active, or revoked: a revoked key stays listed but is refused at once. */
export const ApiKeyStatusField = (_props: Partial<FieldProps<ApiKey>>) => {
  const translate = useTranslate();
  const record = useRecordContext<ApiKey>();
  if (!record) return null;
  return record.revokedAt ? (
    <Chip size="small" variant="outlined" label={translate('app.api_keys.status.revoked')} />
  ) : (
    <Chip size="small" color="success" label={translate('app.api_keys.status.active')} />
  );
};
