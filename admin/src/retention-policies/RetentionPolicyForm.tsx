import { Create, Edit, NumberInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';

import { BilingualInput } from '../registers/BilingualInput';
import { InternalNoteInput } from '../registers/InternalNoteInput';
import { RETENTION_ACTION_CHOICES, SOURCE_SYSTEM_CHOICES } from '../registers/vocabulary';

const RetentionPolicyInputs = () => (
  <>
    <BilingualInput base="name" />
    <TextInput source="key" validate={required()} helperText="app.registers.key_help" />
    <SelectInput source="source" choices={SOURCE_SYSTEM_CHOICES} emptyText="—" />
    <NumberInput source="periodMonths" min={0} />
    <NumberInput source="periodDays" min={0} />
    <TextInput source="periodText" validate={required()} fullWidth />
    <BilingualInput base="periodText" />
    <SelectInput source="action" choices={RETENTION_ACTION_CHOICES} validate={required()} />
    <BilingualInput base="basis" multiline />
    <InternalNoteInput source="notes" />
  </>
);

export const RetentionPolicyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <RetentionPolicyInputs />
    </SimpleForm>
  </Edit>
);

export const RetentionPolicyCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ action: 'delete' }}>
      <RetentionPolicyInputs />
    </SimpleForm>
  </Create>
);
