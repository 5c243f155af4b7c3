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
import { TwinField } from '../registers/TwinField';
import { CONSENT_CATEGORY_CHOICES, LEGAL_BASIS_CHOICES, SOURCE_SYSTEM_CHOICES } from '../registers/vocabulary';
import { RecipientCategoriesInput } from './RecipientCategoriesInput';

/** A retention policy's name in the UI's language, as an option. */
const RetentionName = () => <TwinField source="name" />;

const ActivityInputs = () => (
  <>
    <BilingualInput base="name" />
    <TextInput source="purposes" validate={required()} fullWidth multiline minRows={2} />
    <BilingualInput base="purposes" multiline />
    <SelectInput source="legalBasis" choices={LEGAL_BASIS_CHOICES} validate={required()} />
    <SelectInput source="consentCategory" choices={CONSENT_CATEGORY_CHOICES} emptyText="—" />
    <BilingualInput base="legalBasisNotes" multiline />
    <BilingualInput base="subjectCategories" list />
    <BilingualInput base="dataCategories" list />
    <ReferenceArrayInput
      source="processorIds"
      reference="processors"
      perPage={100}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <AutocompleteArrayInput optionText="name" fullWidth />
    </ReferenceArrayInput>
    <RecipientCategoriesInput />
    <BilingualInput base="transfers" multiline />
    <ReferenceInput
      source="retentionPolicyId"
      reference="retention-policies"
      perPage={100}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <SelectInput optionText={<RetentionName />} emptyText="—" />
    </ReferenceInput>
    <BilingualInput base="securityMeasures" multiline />
    <SelectInput source="sourceSystem" choices={SOURCE_SYSTEM_CHOICES} emptyText="—" />
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
    <SimpleForm defaultValues={{ legalBasis: 'consent', processorIds: [], recipientCategories: {} }}>
      <ActivityInputs />
    </SimpleForm>
  </Create>
);
