import { Chip, Tooltip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

import type { AuditEvent } from '../api';
import { actionColor, actionLabelKey } from './vocabulary';

/** The audit action, humanised and translated; the raw code is in the tooltip. */
export const ActionField = ({ source = 'action' }: Partial<FieldProps<AuditEvent>>) => {
  const translate = useTranslate();
  const action = useFieldValue<AuditEvent>({ source }) as string | undefined;
  if (!action) return null;
  return (
    <Tooltip title={action} placement="top-start">
      <Chip
        size="small"
        variant="outlined"
        color={actionColor(action)}
        label={translate(actionLabelKey(action), { _: action })}
      />
    </Tooltip>
  );
};
