import { Alert } from '@mui/material';
import {
  FormDataConsumer,
  SelectInput,
  TextInput,
  maxLength,
  required,
  useLocaleState,
  useTranslate,
} from 'react-admin';

import { formatDay } from '../dates';
import type { DataSubjectRequest } from '../../api';
import { groundChoices, rejectionReasonChoices } from '../vocabulary';

/** A refusal: its reason, the ground that fits the reason and the request's type, and the details. */
export const RejectInputs = ({ request }: { request: DataSubjectRequest }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <>
      <SelectInput
        source="reason"
        label="app.requests.actions.reject.reason"
        choices={rejectionReasonChoices}
        validate={required()}
      />
      {/* The real ground goes into the Art. 12(4) statement: the choices follow the reason and the request's type. */}
      <FormDataConsumer>
        {({ formData }) => {
          const grounds = groundChoices(formData.reason as string | undefined, request.type);
          if (formData.reason === 'identity_not_verified')
            return (
              <Alert severity={request.identityInfoRequestedAt ? 'info' : 'warning'} sx={{ mb: 1 }}>
                {translate(
                  request.identityInfoRequestedAt
                    ? 'app.requests.actions.reject.identity_after_ask'
                    : 'app.requests.actions.reject.identity_ask_first',
                  { date: formatDay(request.identityInfoRespondBy, locale, 'long') ?? '—' },
                )}
              </Alert>
            );
          if (formData.reason === 'merits' && grounds.length === 0)
            return (
              <Alert severity="warning" sx={{ mb: 1 }}>
                {translate('app.requests.actions.reject.no_merit_ground')}
              </Alert>
            );
          return grounds.length ? (
            <SelectInput
              source="ground"
              label="app.requests.actions.reject.ground"
              choices={grounds}
              validate={required()}
            />
          ) : null;
        }}
      </FormDataConsumer>
      <TextInput
        source="details"
        label="app.requests.actions.reject.details"
        helperText="app.requests.actions.reject.details_help"
        multiline
        minRows={3}
        validate={maxLength(5000)}
      />
    </>
  );
};
