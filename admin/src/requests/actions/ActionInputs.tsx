import type { ReactNode } from 'react';
import { SelectInput, TextInput, maxLength, minLength, required } from 'react-admin';
import { DateTimeInput } from '../../common/DateInputs';

import type { DataSubjectRequest, WorkflowAction } from '../../api';
import { identityMethodChoices } from '../vocabulary';
import { ExtendInputs } from './ExtendInputs';
import { FeeInputs } from './FeeInputs';
import { IdentityDocumentInput } from './IdentityDocumentInput';
import { IdentityInfoRequestedInputs } from './IdentityInfoRequestedInputs';
import { MinorInputs } from './MinorInputs';
import { RejectInputs } from './RejectInputs';

/** The inputs of one action's dialog; the dialog itself (title, description, buttons) is shared. */
export const ActionInputs = ({
  action,
  request,
  file,
  onChooseFile,
}: {
  action: WorkflowAction;
  request: DataSubjectRequest;
  file: File | null;
  onChooseFile: (file: File | null) => void;
}): ReactNode => {
  switch (action) {
    case 'identity-check':
      return (
        <TextInput
          source="text"
          label="app.requests.actions.identity-check.text"
          multiline
          minRows={3}
          validate={maxLength(20_000)}
        />
      );
    case 'verify':
      return (
        <>
          <SelectInput
            source="method"
            label="app.requests.actions.verify.method"
            choices={identityMethodChoices}
            validate={required()}
          />
          <TextInput
            source="note"
            label="app.requests.actions.verify.note"
            multiline
            minRows={2}
            validate={maxLength(2000)}
          />
        </>
      );
    case 'extend':
      return <ExtendInputs request={request} />;
    case 'close':
      return (
        <TextInput
          source="outcome"
          label="app.requests.actions.close.outcome"
          helperText="app.requests.actions.close.outcome_help"
          multiline
          minRows={4}
          validate={[required(), minLength(3), maxLength(20_000)]}
        />
      );
    case 'reject':
      return <RejectInputs request={request} />;
    case 'identity-info-requested':
      return <IdentityInfoRequestedInputs />;
    case 'identity-info-received':
      return (
        <>
          <DateTimeInput
            source="receivedAt"
            label="app.requests.actions.identity-info-received.received_at"
            validate={required()}
          />
          <TextInput
            source="what"
            label="app.requests.actions.identity-info-received.what"
            multiline
            minRows={2}
            validate={[required(), minLength(3), maxLength(2000)]}
          />
        </>
      );
    case 'fee':
      return <FeeInputs />;
    case 'identity-documents':
      return <IdentityDocumentInput file={file} onChoose={onChooseFile} />;
    case 'minor':
      return <MinorInputs request={request} />;
    case 'note':
      return (
        <TextInput
          source="text"
          label="app.requests.actions.note.text"
          multiline
          minRows={4}
          validate={[required(), maxLength(20_000)]}
        />
      );
  }
};
