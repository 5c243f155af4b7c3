import { Create, Edit, SelectInput, SimpleForm, TextInput, required } from 'react-admin';

import { COOKIE_CATEGORY_CHOICES, PARTY_CHOICES, STORAGE_KIND_CHOICES } from '../registers/vocabulary';

const CookieInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <SelectInput source="kind" choices={STORAGE_KIND_CHOICES} validate={required()} />
    <TextInput source="provider" validate={required()} fullWidth />
    <SelectInput source="category" choices={COOKIE_CATEGORY_CHOICES} validate={required()} />
    <TextInput source="purpose" validate={required()} fullWidth multiline />
    <TextInput source="duration" validate={required()} />
    <SelectInput source="party" choices={PARTY_CHOICES} validate={required()} />
    <TextInput source="listedIn" validate={required()} fullWidth />
  </>
);

export const CookieEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <CookieInputs />
    </SimpleForm>
  </Edit>
);

export const CookieCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ kind: 'cookie', party: 'first', category: 'necessary' }}>
      <CookieInputs />
    </SimpleForm>
  </Create>
);
