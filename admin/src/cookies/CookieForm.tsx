import { Create, Edit, SelectInput, SimpleForm, TextInput, required } from 'react-admin';

import { BilingualInput } from '../registers/BilingualInput';
import { COOKIE_SYSTEM_CHOICES, PARTY_CHOICES, STORAGE_KIND_CHOICES } from '../registers/vocabulary';
import { CookieCategoryInput } from './CookieCategoryInput';

const CookieInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <SelectInput source="kind" choices={STORAGE_KIND_CHOICES} validate={required()} />
    <SelectInput source="system" choices={COOKIE_SYSTEM_CHOICES} validate={required()} />
    <TextInput source="provider" validate={required()} fullWidth />
    <CookieCategoryInput />
    <BilingualInput base="purpose" multiline />
    <BilingualInput base="duration" />
    <SelectInput source="party" choices={PARTY_CHOICES} validate={required()} />
    <BilingualInput base="listedIn" />
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
    <SimpleForm defaultValues={{ kind: 'cookie', system: 'website', party: 'first', category: 'necessary' }}>
      <CookieInputs />
    </SimpleForm>
  </Create>
);
