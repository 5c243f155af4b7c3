import { Edit, SaveButton, SimpleForm, Toolbar, useNotify, useRedirect } from 'react-admin';

import type { DataSubjectRequest } from '../api';
import { RequestInputs } from './RequestInputs';

const BLANKABLE = ['subjectName', 'subjectEmail', 'subjectPhone', 'description'] as const;

/**
 * `PUT /api/requests/:id` takes the whole record, with the `version` it was
 * read at: a change made meanwhile by someone else is a 409 with a message.
 * Blank optional fields are sent as null (an empty e-mail is not an e-mail).
 */
const toUpdatePayload = (data: DataSubjectRequest): DataSubjectRequest => {
  const payload = { ...data };
  for (const field of BLANKABLE) {
    const value = payload[field];
    payload[field] = typeof value === 'string' && value.trim() ? value.trim() : null;
  }
  return payload;
};

// Requests are records: no delete button.
const RequestEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const RequestEdit = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Edit<DataSubjectRequest>
      transform={toUpdatePayload}
      mutationMode="pessimistic"
      mutationOptions={{
        onSuccess: (request: DataSubjectRequest) => {
          notify('app.requests.saved', { type: 'info', messageArgs: { reference: request.reference } });
          redirect('show', 'requests', request.id);
        },
      }}
    >
      <SimpleForm toolbar={<RequestEditToolbar />}>
        <RequestInputs mode="edit" />
      </SimpleForm>
    </Edit>
  );
};
