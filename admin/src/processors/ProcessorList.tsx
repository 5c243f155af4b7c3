import { Stack } from '@mui/material';
import { DataTable, List, SelectField, SelectInput, TextField } from 'react-admin';

import { DateInput } from '../common/DateInputs';
import { SearchFilter } from '../common/SearchFilter';
import { RegisterListActions } from '../registers/RegisterListActions';
import { ReviewDueField } from '../registers/ReviewDueField';
import { TwinField } from '../registers/TwinField';
import { ProcessorGapsField } from './ProcessorGapsField';
import { PROCESSOR_STATUS_CHOICES, TRANSFER_CHOICES } from '../registers/vocabulary';

const filters = [
  <SearchFilter key="q" source="q" alwaysOn placeholder="resources.processors.search_placeholder" />,
  <SelectInput key="transferMechanism" source="transferMechanism" choices={TRANSFER_CHOICES} />,
  <SelectInput key="status" source="status" choices={PROCESSOR_STATUS_CHOICES} />,
  <DateInput key="nextReviewDue_lte" source="nextReviewDue_lte" />,
];

const Column = DataTable.Col;

/** The sub-processor register (Art. 28): who processes personal data for the company, where, under which transfer safeguard. */
export const ProcessorList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} actions={<RegisterListActions />}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="name">
        {/* What the entry lacks goes under the name: the table stays within the screen. */}
        <Stack spacing={0.5} alignItems="flex-start">
          <TextField source="name" sx={{ fontWeight: 600 }} />
          <ProcessorGapsField quietWhenComplete />
        </Stack>
      </Column>
      <Column source="service" disableSort>
        <TwinField source="service" />
      </Column>
      <Column source="country">
        <TextField source="country" />
      </Column>
      <Column source="transferMechanism">
        <SelectField source="transferMechanism" choices={TRANSFER_CHOICES} />
      </Column>
      <Column source="status">
        <SelectField source="status" choices={PROCESSOR_STATUS_CHOICES} />
      </Column>
      <Column source="nextReviewDue">
        <ReviewDueField />
      </Column>
    </DataTable>
  </List>
);
