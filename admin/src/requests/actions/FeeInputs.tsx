import { NumberInput, SelectInput, TextInput, maxLength, minLength, required } from 'react-admin';

import { feeBasisChoices } from '../vocabulary';

/** A reasonable fee (Art. 12(5)(a)): the amount, its basis and why. */
export const FeeInputs = () => {
  return (
    <>
      <NumberInput
        source="amount"
        label="app.requests.actions.fee.amount"
        min={0.01}
        max={10_000}
        step={0.5}
        validate={required()}
      />
      <SelectInput
        source="basis"
        label="app.requests.actions.fee.basis"
        choices={feeBasisChoices}
        validate={required()}
      />
      <TextInput
        source="justification"
        label="app.requests.actions.fee.justification"
        helperText="app.requests.actions.fee.justification_help"
        multiline
        minRows={3}
        validate={[required(), minLength(10), maxLength(5000)]}
      />
    </>
  );
};
