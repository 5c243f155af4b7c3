import { Alert } from '@mui/material';
import { SelectInput, TextInput, maxLength, required, useTranslate } from 'react-admin';

import type { DataSubjectRequest } from '../../api';
import { minorDecisionChoices } from '../vocabulary';

/** The decision on the intake's "may be a minor" flag, beside the evidence it found. */
export const MinorInputs = ({ request }: { request: DataSubjectRequest }) => {
  const translate = useTranslate();
  return (
    <>
      {request.minorEvidence && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('app.requests.minor.evidence', { evidence: request.minorEvidence })}
        </Alert>
      )}
      <SelectInput
        source="decision"
        label="app.requests.actions.minor.decision"
        choices={minorDecisionChoices}
        validate={required()}
      />
      <TextInput
        source="note"
        label="app.requests.actions.minor.note"
        multiline
        minRows={2}
        validate={maxLength(2000)}
      />
    </>
  );
};
