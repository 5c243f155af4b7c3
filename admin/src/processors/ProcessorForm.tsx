import { Create, Edit, SelectInput, SimpleForm, TextInput, required } from 'react-admin';

import { DateInput } from '../common/DateInputs';
import { BilingualInput } from '../registers/BilingualInput';
import { InternalNoteInput } from '../registers/InternalNoteInput';
import { PROCESSOR_STATUS_CHOICES, TRANSFER_CHOICES } from '../registers/vocabulary';

const ProcessorInputs = () => (
  <>
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="service" validate={required()} fullWidth multiline />
    <BilingualInput base="service" multiline />
    <BilingualInput base="dataCategories" list />
    <TextInput source="location" validate={required()} fullWidth />
    <BilingualInput base="location" />
    <TextInput source="country" validate={required()} helperText="ISO 3166-1: IT, IE, US…" />
    <SelectInput source="transferMechanism" choices={TRANSFER_CHOICES} validate={required()} />
    <BilingualInput base="transferNotes" multiline />
    <DateInput source="transferImpactAssessmentOn" />
    <DateInput source="dpaSignedOn" />
    <DateInput source="nextReviewDue" />
    <SelectInput source="status" choices={PROCESSOR_STATUS_CHOICES} />
    <TextInput source="contact" fullWidth />
    <InternalNoteInput source="notes" />
  </>
);

// Pessimistic: a 400 from the register's validation (an unknown country code...) shows at once.
export const ProcessorEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <ProcessorInputs />
    </SimpleForm>
  </Edit>
);

export const ProcessorCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ transferMechanism: 'none', status: 'active', dataCategories: [] }}>
      <ProcessorInputs />
    </SimpleForm>
  </Create>
);
