import { Edit, SimpleForm } from 'react-admin';

import { BreachInputs } from './BreachInputs';

// Pessimistic: a 400 from the API (dates that do not hold together, an unknown processor) shows at once.
export const BreachEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <BreachInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
