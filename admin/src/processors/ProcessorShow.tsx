import { InternalNoteField } from '../registers/InternalNoteField';
import {
  EditButton,
  ListButton,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { DayField } from '../common/DayField';

import { TwinChipsField, TwinField } from '../registers/TwinField';
import { ReviewDueField } from '../registers/ReviewDueField';
import { ProcessorGapsField } from './ProcessorGapsField';
import { PROCESSOR_STATUS_CHOICES, TRANSFER_CHOICES } from '../registers/vocabulary';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'processors', action: 'edit' });
  return (
    <TopToolbar>
      {canAccess && <EditButton />}
      <ListButton />
    </TopToolbar>
  );
};

export const ProcessorShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TwinField source="service" />
      <TwinChipsField source="dataCategories" />
      <TwinField source="location" />
      <TextField source="country" />
      <SelectField source="transferMechanism" choices={TRANSFER_CHOICES} />
      <TwinField source="transferNotes" />
      <DayField source="transferImpactAssessmentOn" emptyText="—" />
      <DayField source="dpaSignedOn" emptyText="—" />
      <ProcessorGapsField label="resources.processors.fields.gaps" />
      <ReviewDueField label="resources.processors.fields.nextReviewDue" />
      <SelectField source="status" choices={PROCESSOR_STATUS_CHOICES} />
      <TextField source="contact" emptyText="—" />
      <InternalNoteField source="notes" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
