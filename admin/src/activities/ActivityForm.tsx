import {
  AutocompleteArrayInput,
  Create,
  Edit,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
} from 'react-admin';

import { BilingualInput } from '../registers/BilingualInput';
import { InternalNoteInput } from '../registers/InternalNoteInput';
import { LEGAL_BASIS_CHOICES, linesToList, listToLines } from '../registers/vocabulary';

const ActivityInputs = () => (
  <>
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="purposes" validate={required()} fullWidth multiline minRows={2} />
    <BilingualInput base="purposes" multiline />
    <SelectInput source="legalBasis" choices={LEGAL_BASIS_CHOICES} validate={required()} />
    <TextInput source="consentCategory" helperText="contact_form, ai_chatbot, analytics…" />
    <TextInput source="legalBasisNotes" fullWidth multiline />
    <TextInput
      source="subjectCategories"
      format={listToLines}
      parse={linesToList}
      helperText="app.registers.lines_help"
      fullWidth
      multiline
      minRows={2}
    />
    <TextInput
      source="dataCategories"
      format={listToLines}
      parse={linesToList}
      helperText="app.registers.lines_help"
      fullWidth
      multiline
      minRows={2}
    />
    <ReferenceArrayInput
      source="processorIds"
      reference="processors"
      perPage={100}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <AutocompleteArrayInput optionText="name" fullWidth />
    </ReferenceArrayInput>
    <TextInput source="transfers" fullWidth multiline />
    <ReferenceInput
      source="retentionPolicyId"
      reference="retention-policies"
      perPage={100}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <SelectInput optionText="name" emptyText="—" />
    </ReferenceInput>
    <TextInput source="securityMeasures" fullWidth multiline />
    <TextInput source="sourceSystem" helperText="leads, chat-conversations, access-logs…" />
    <InternalNoteInput source="internalNotes" />
  </>
);

export const ActivityEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <ActivityInputs />
    </SimpleForm>
  </Edit>
);

export const ActivityCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ legalBasis: 'consent', subjectCategories: [], dataCategories: [], processorIds: [] }}>
      <ActivityInputs />
    </SimpleForm>
  </Create>
);
