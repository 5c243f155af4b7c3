import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';

import type { RecordChange } from '../../api';
import { sourceName } from './shared';
import { R, show, fieldName } from './rightsText';

/** What a rectification changed: one row per record and field, before and after. */
export const ChangesTable = ({ changes }: { changes: RecordChange[] }) => {
  const translate = useTranslate();
  const rows = changes.flatMap((change) =>
    Object.keys(change.after).map((field) => ({ key: `${change.recordId}-${field}`, change, field })),
  );
  return (
    <Table size="small" data-testid="rectification-changes">
      <TableHead>
        <TableRow>
          <TableCell>{translate(`${R}.rectification.table.source`)}</TableCell>
          <TableCell>{translate(`${R}.rectification.table.field`)}</TableCell>
          <TableCell>{translate(`${R}.rectification.table.before`)}</TableCell>
          <TableCell>{translate(`${R}.rectification.table.after`)}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(({ key, change, field }) => (
          <TableRow key={key}>
            <TableCell>{sourceName(translate, change.source)}</TableCell>
            <TableCell>{fieldName(translate, change.source, field)}</TableCell>
            <TableCell sx={{ color: 'text.secondary', textDecoration: 'line-through', overflowWrap: 'anywhere' }}>
              {show(change.before[field])}
            </TableCell>
            <TableCell sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{show(change.after[field])}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
