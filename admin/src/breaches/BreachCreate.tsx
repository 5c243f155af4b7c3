import { Create, SimpleForm } from 'react-admin';

import { BreachInputs } from './BreachInputs';

/** A new breach: the clock starts at the moment of awareness entered here. */
export const BreachCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ nature: [], sources: [], processors: [], dataCategories: [], ongoing: false }}>
      <BreachInputs mode="create" />
    </SimpleForm>
  </Create>
);
