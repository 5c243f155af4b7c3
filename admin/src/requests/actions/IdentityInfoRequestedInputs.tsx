import { SelectInput, TextInput, maxLength, minLength, required } from 'react-admin';
import { DateInput, DateTimeInput } from '../../common/DateInputs';

import { identityInfoChannelChoices } from '../vocabulary';

/** What was asked of the subject to identify them (Art. 12(6)), how and when, and by when to answer. */
export const IdentityInfoRequestedInputs = () => {
  return (
    <>
      <TextInput
        source="what"
        label="app.requests.actions.identity-info-requested.what"
        helperText="app.requests.actions.identity-info-requested.what_help"
        multiline
        minRows={2}
        validate={[required(), minLength(3), maxLength(2000)]}
      />
      <SelectInput
        source="how"
        label="app.requests.actions.identity-info-requested.how"
        choices={identityInfoChannelChoices}
        validate={required()}
      />
      <DateTimeInput
        source="askedAt"
        label="app.requests.actions.identity-info-requested.asked_at"
        validate={required()}
      />
      <DateInput
        source="respondBy"
        label="app.requests.actions.identity-info-requested.respond_by"
        helperText="app.requests.actions.identity-info-requested.respond_by_help"
        validate={required()}
      />
    </>
  );
};
