import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useCreatePath, useGetList, useRecordContext, useTranslate } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import type { LedgerEvent } from './ledgerEvent';

/**
 * A run of reads opened: each read as the chain holds it, one event per page or record read,
 * with the part of the list it returned. Its own read of the log, audited like any other.
 */
export const ReadRunEvents = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const run = useRecordContext<LedgerEvent>();
  const ids = run?.group?.ids ?? [];
  const { data, isPending } = useGetList<LedgerEvent>('audit-events', {
    filter: { id: ids.map(Number), reads: true },
    pagination: { page: 1, perPage: ids.length || 1 },
    sort: { field: 'id', order: 'ASC' },
  });
  if (isPending || !data) return null;
  return (
    <Table size="small" aria-label={translate('app.audit.run_events')} data-testid="read-run-events">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.audit-events.fields.id')}</TableCell>
          <TableCell>{translate('resources.audit-events.fields.at')}</TableCell>
          <TableCell>{translate('app.audit.run_part')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((event) => (
          <TableRow key={event.id}>
            <TableCell>
              <Link to={createPath({ resource: 'audit-events', id: event.id, type: 'show' })}>#{event.id}</Link>
            </TableCell>
            <TableCell>
              <DateTimeField record={event} source="at" />
            </TableCell>
            <TableCell>
              <Typography variant="body2">{partRead(event, translate)}</Typography>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Which part of the list a page read returned ("records 26–50 of 319"), or the record read. */
function partRead(event: LedgerEvent, translate: ReturnType<typeof useTranslate>): string {
  const details = event.details ?? {};
  const returned = Number(details.returned ?? 0);
  if (event.entityId && !('returned' in details)) return `#${event.entityId}`;
  let from = 0;
  try {
    const range = JSON.parse(typeof details.range === 'string' ? details.range : 'null') as [number, number] | null;
    if (Array.isArray(range)) from = range[0];
  } catch {
    // a range the API refused was never read
  }
  if (returned === 0) return translate('app.audit.records', { smart_count: 0 });
  return translate('app.audit.page', {
    from: from + 1,
    to: from + returned,
    total: details.total ?? '?',
  });
}
