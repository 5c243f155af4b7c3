import { Create, SimpleForm, useNotify, useRedirect } from 'react-admin';

import type { DataSubjectRequest } from '../api';
import { RequestInputs } from './RequestInputs';

type CreatePayload = Pick<DataSubjectRequest, 'type' | 'channel' | 'language' | 'receivedAt'> &
  Partial<Pick<DataSubjectRequest, 'subjectName' | 'subjectEmail' | 'subjectPhone' | 'description'>>;

const OPTIONAL_TEXT = ['subjectName', 'subjectEmail', 'subjectPhone', 'description'] as const;

/** Send exactly what `POST /api/requests` accepts; blank optional fields are left out. */
const toCreatePayload = (data: Partial<DataSubjectRequest>): CreatePayload => {
  const payload: CreatePayload = {
    type: data.type as DataSubjectRequest['type'],
    channel: data.channel as DataSubjectRequest['channel'],
    language: data.language ?? 'it',
    receivedAt: data.receivedAt as string,
  };
  for (const field of OPTIONAL_TEXT) {
    const value = data[field]?.trim();
    if (value) payload[field] = value;
  }
  return payload;
};

// Requests by letter, phone or in person; e-mails come through "Import e-mails".
export const RequestCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create<DataSubjectRequest>
      transform={toCreatePayload}
      mutationOptions={{
        onSuccess: (request: DataSubjectRequest) => {
          notify('app.requests.registered', { type: 'info', messageArgs: { reference: request.reference } });
          redirect('show', 'requests', request.id);
        },
      }}
    >
      <SimpleForm defaultValues={() => ({ channel: 'post', language: 'it', receivedAt: new Date().toISOString() })}>
        <RequestInputs mode="create" />
      </SimpleForm>
    </Create>
  );
};
