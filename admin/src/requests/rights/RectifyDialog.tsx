import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Grid } from '@mui/material';
import EditNoteOutlinedIcon from '@mui/icons-material/EditNoteOutlined';
import { useState } from 'react';
import { HttpError, TextInput, maxLength, useDataProvider, useNotify, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import { RECTIFIABLE_FIELDS } from '../choices';
import type { DataSubjectRequest, RectifyResult } from '../../api';
import { R } from './rightsText';
import { ChangesTable } from './ChangesTable';
import { FormDialog } from './FormDialog';
import { useSubmit } from './useSubmit';

// ---------------------------------------------------------------------------
// Rectification (Art. 16)
// ---------------------------------------------------------------------------

export const RectifyDialog = ({ request, onClose }: { request: DataSubjectRequest; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [result, setResult] = useState<RectifyResult | null>(null);
  const submit = useSubmit(
    (values: Record<string, unknown>) => {
      const body = Object.fromEntries(
        RECTIFIABLE_FIELDS.map((field) => {
          const value = values[field];
          return [field, typeof value === 'string' ? value.trim() : ''] as const;
        }).filter(([, value]) => value !== ''),
      );
      if (Object.keys(body).length === 0) {
        // Said here, in the UI's language: marked `explained` so the refusal is shown as it is.
        const message = translate(`${R}.rectification.dialog.at_least_one`);
        return Promise.reject(new HttpError(message, 400, { message, explained: true }));
      }
      return dataProvider.rectifyRequestSubject(request.id, body);
    },
    (answer) => {
      notify(`${R}.rectification.done`, {
        type: 'success',
        messageArgs: { reference: request.reference, smart_count: answer.recordsChanged },
      });
      setResult(answer);
    },
  );

  if (result) {
    return (
      <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="rights-dialog-title">
        <DialogTitle id="rights-dialog-title">
          {translate(`${R}.rectification.dialog.title`, { reference: request.reference })}
        </DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
          <Alert severity={result.recordsChanged ? 'success' : 'info'} data-testid="rectification-result">
            {result.recordsChanged
              ? translate(`${R}.rectification.dialog.result`, { smart_count: result.recordsChanged })
              : translate(`${R}.rectification.dialog.unchanged`)}
          </Alert>
          {result.changes.length > 0 && <ChangesTable changes={result.changes} />}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button variant="contained" onClick={onClose}>
            {translate('ra.action.close')}
          </Button>
        </DialogActions>
      </Dialog>
    );
  }
  return (
    <FormDialog
      title={translate(`${R}.rectification.dialog.title`, { reference: request.reference })}
      description={translate(`${R}.rectification.dialog.description`)}
      confirm={`${R}.rectification.dialog.confirm`}
      icon={<EditNoteOutlinedIcon />}
      onSubmit={submit}
      onClose={onClose}
      maxWidth="md"
    >
      <Grid container columnSpacing={2}>
        {RECTIFIABLE_FIELDS.map((field) => (
          <Grid key={field} size={{ xs: 12, sm: field === 'message' ? 12 : 6 }}>
            <TextInput
              source={field}
              label={`resources.leads.fields.${field}`}
              multiline={field === 'message'}
              minRows={field === 'message' ? 2 : undefined}
              validate={maxLength(2000)}
            />
          </Grid>
        ))}
      </Grid>
    </FormDialog>
  );
};
