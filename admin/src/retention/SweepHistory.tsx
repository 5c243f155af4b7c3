import { Chip, Typography } from '@mui/material';
import {
  DataTable,
  ListBase,
  Pagination,
  useListContext,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { EmptyText } from '../common/EmptyText';
import { formatters } from './format';
import { SweepResultsTable } from './SweepResultsTable';
import type { RetentionSweep } from '../api';

/** The API's list of sweeps: `GET /api/retention/sweeps` (simple-rest). */
export const SWEEPS_RESOURCE = 'retention/sweeps';

const Column = DataTable.Col<RetentionSweep>;

const KindField = () => {
  const record = useRecordContext<RetentionSweep>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant={record.dryRun ? 'outlined' : 'filled'}
      color={record.dryRun ? 'default' : 'primary'}
      label={translate(record.dryRun ? 'app.retention.history.dry_run' : 'app.retention.history.sweep')}
    />
  );
};

const TriggerField = () => {
  const record = useRecordContext<RetentionSweep>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{record.trigger === 'schedule' ? translate('app.retention.history.schedule') : record.actorEmail}</span>;
};

const StatusField = () => {
  const record = useRecordContext<RetentionSweep>();
  const translate = useTranslate();
  if (!record) return null;
  const color = record.status === 'completed' ? 'success' : record.status === 'failed' ? 'error' : 'warning';
  return <Chip size="small" color={color} label={translate(`app.retention.history.sweep_status.${record.status}`)} />;
};

const NumberCell = ({ value }: { value: number | null }) => {
  const [locale] = useLocaleState();
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>
      {value === null ? '—' : formatters(locale).number(value)}
    </span>
  );
};

const RecordsField = () => <NumberCell value={useRecordContext<RetentionSweep>()?.records ?? null} />;

const DurationField = () => {
  const record = useRecordContext<RetentionSweep>();
  const [locale] = useLocaleState();
  return <span>{record?.durationMs == null ? '—' : formatters(locale).duration(record.durationMs)}</span>;
};

/** A row opened: what the sweep did per policy, and why it failed. */
const SweepDetails = () => {
  const record = useRecordContext<RetentionSweep>();
  if (!record) return null;
  return (
    <>
      {record.error && (
        <Typography variant="body2" color="error" sx={{ mb: 1 }}>
          {record.error}
        </Typography>
      )}
      <SweepResultsTable results={record.results} dryRun={record.dryRun} />
    </>
  );
};

const Empty = () => {
  const { isPending, total } = useListContext();
  return !isPending && !total ? <EmptyText text="app.retention.history.empty" /> : null;
};

/** Every sweep and dry run, newest first; a row opens to its per-policy results. */
export const SweepHistory = () => (
  <ListBase<RetentionSweep>
    resource={SWEEPS_RESOURCE}
    sort={{ field: 'startedAt', order: 'DESC' }}
    perPage={10}
    disableSyncWithLocation
  >
    <DataTable<RetentionSweep>
      rowClick="expand"
      expand={<SweepDetails />}
      bulkActionButtons={false}
      empty={<Empty />}
      data-testid="sweep-history"
    >
      <Column source="startedAt" label="app.retention.history.started">
        <DateTimeField source="startedAt" />
      </Column>
      <Column source="dryRun" label="app.retention.history.kind">
        <KindField />
      </Column>
      <Column source="actorEmail" label="app.retention.history.trigger" disableSort>
        <TriggerField />
      </Column>
      <Column source="status" label="app.retention.history.status">
        <StatusField />
      </Column>
      <Column source="records" label="app.retention.history.records" align="right">
        <RecordsField />
      </Column>
      <Column source="durationMs" label="app.retention.history.duration" disableSort align="right">
        <DurationField />
      </Column>
    </DataTable>
    <Pagination rowsPerPageOptions={[10, 25, 50]} />
  </ListBase>
);
