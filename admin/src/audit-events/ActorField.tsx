import { Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import type { AuditEvent } from '../api';

/** Who did it: the actor's email, or "System" for events without a signed-in actor. */
export const ActorField = (_props: Partial<FieldProps<AuditEvent>>) => {
  const translate = useTranslate();
  const record = useRecordContext<AuditEvent>();
  if (!record) return null;
  return record.actorEmail ? (
    <Typography component="span" variant="body2">
      {record.actorEmail}
    </Typography>
  ) : (
    <Typography component="span" variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
      {translate('app.audit.system_actor')}
    </Typography>
  );
};
