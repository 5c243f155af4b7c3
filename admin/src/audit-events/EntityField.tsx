import { Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import type { AuditEvent } from '../api';
import { entityLabelKey } from './vocabulary';

/** The entity kind, translated. */
export const EntityField = (_props: Partial<FieldProps<AuditEvent>>) => {
  const translate = useTranslate();
  const record = useRecordContext<AuditEvent>();
  if (!record?.entity) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(entityLabelKey(record.entity), { _: record.entity })}
    </Typography>
  );
};
