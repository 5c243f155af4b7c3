import { Box, Chip, Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  ExportButton,
  FilterButton,
  List,
  NullableBooleanInput,
  SelectArrayInput,
  SelectInput,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateInput } from '../common/DateInputs';

import { DateTimeField } from '../common/DateTimeField';
import { SearchFilter } from '../common/SearchFilter';
import { monospaceFontFamily } from '../theme';
import { formatDay } from './dates';
import { DaysLeftField } from './DaysLeftBadge';
import { ImportEmailsButton } from './ImportEmailsDialog';
import { RequestStatusField } from './RequestStatusField';
import { RequestTypeField } from './RequestTypeField';
import { SubjectField } from './SubjectField';
import { WaitingOnSubjectNotice } from './WaitingOnSubjectNotice';
import type { DataSubjectRequest } from '../api';
import { channelChoices, openStatusFilter, statusChoices, typeChoices } from './vocabulary';
import { csvExporter } from '../common/csvExporter';

// `q` searches the reference and the subject's name, e-mail and phone; an array status means any of.
const requestFilters = [
  <SearchFilter
    key="q"
    source="q"
    alwaysOn
    placeholder="resources.requests.search_placeholder"
    sx={{ minWidth: 320 }}
  />,
  <SelectArrayInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 240 }} />,
  <SelectInput key="type" source="type" choices={typeChoices} />,
  <SelectInput key="channel" source="channel" choices={channelChoices} />,
  <NullableBooleanInput key="typeGuessed" source="typeGuessed" />,
  <NullableBooleanInput key="answeredLate" source="answeredLate" />,
  // Calendar days (YYYY-MM-DD), as the API compares deadlines.
  <DateInput key="workingDueDate_gte" source="workingDueDate_gte" />,
  <DateInput key="workingDueDate_lte" source="workingDueDate_lte" />,
];

const RequestListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ImportEmailsButton />
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

const ReferenceField = () => {
  const record = useRecordContext<DataSubjectRequest>();
  if (!record) return null;
  return (
    <Typography
      component="span"
      variant="body2"
      sx={{ fontFamily: monospaceFontFamily, fontWeight: 600, whiteSpace: 'nowrap' }}
    >
      {record.reference}
    </Typography>
  );
};

/** The working deadline and, beneath it, the days left. */
const DeadlineField = () => {
  const record = useRecordContext<DataSubjectRequest>();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Typography
      component="div"
      variant="body2"
      sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}
    >
      <span style={{ whiteSpace: 'nowrap' }}>{formatDay(record.workingDueDate, locale)}</span>
      <DaysLeftField />
    </Typography>
  );
};

/** The status and, for an answer after the legal deadline, how late it was. */
const StatusField = () => {
  const record = useRecordContext<DataSubjectRequest>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}>
      <RequestStatusField />
      {record.answeredLate && (
        <Chip
          size="small"
          color="error"
          variant="outlined"
          data-testid="answered-late"
          label={
            record.lateByDays != null
              ? translate('app.requests.timeline.late_by', { smart_count: record.lateByDays })
              : translate('app.requests.timeline.late')
          }
        />
      )}
    </Box>
  );
};

const Column = DataTable.Col<DataSubjectRequest>;

export const RequestList = () => (
  <List<DataSubjectRequest>
    exporter={csvExporter}
    filters={requestFilters}
    filterDefaultValues={{ status: openStatusFilter }}
    sort={{ field: 'workingDueDate', order: 'ASC' }}
    actions={<RequestListActions />}
    perPage={25}
  >
    <WaitingOnSubjectNotice />
    <DataTable<DataSubjectRequest> rowClick="show" bulkActionButtons={false}>
      <Column source="reference">
        <ReferenceField />
      </Column>
      <Column source="type">
        <RequestTypeField />
      </Column>
      <Column source="status" disableSort>
        <StatusField />
      </Column>
      <Column source="subjectName" label="resources.requests.fields.subject">
        <SubjectField />
      </Column>
      <Column source="receivedAt">
        <DateTimeField source="receivedAt" />
      </Column>
      <Column source="workingDueDate" label="resources.requests.fields.deadline">
        <DeadlineField />
      </Column>
    </DataTable>
  </List>
);
