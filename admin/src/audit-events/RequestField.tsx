import { Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import { Link, useCreatePath, useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import type { LedgerEvent } from './ledgerEvent';

/** The request an event is about, by its reference (DSR-2026-0003), linked to the request's page. */
export const RequestField = ({ showNone = false }: Partial<FieldProps<LedgerEvent>> & { showNone?: boolean }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const record = useRecordContext<LedgerEvent>();
  if (!record) return null;
  if (!record.requestId)
    return showNone ? (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('app.audit.no_request')}
      </Typography>
    ) : null;
  const reference = record.requestReference ?? record.requestId;
  return (
    <Link
      to={createPath({ resource: 'requests', id: record.requestId, type: 'show' })}
      // In the list, the row opens the event; the reference opens the request.
      onClick={(event: MouseEvent) => event.stopPropagation()}
      aria-label={translate('app.audit.open_request', { reference })}
    >
      <Typography component="span" variant="body2" sx={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
        {reference}
      </Typography>
    </Link>
  );
};
