import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form, SaveButton, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import { formatDay } from '../dates';
import type { DataSubjectRequest, RequestActionBodies, WorkflowAction } from '../../api';
import { useExplainRefusal } from '../useExplainRefusal';
import { ActionInputs } from './ActionInputs';
import { BUTTONS } from './actionButtons';
import { bodies, defaultsOf, readAsBase64, type FieldValues } from './actionForms';
import { RejectionStatementDialog } from './RejectionStatementDialog';

/**
 * The one dialog every workflow action opens: its title and description, the action's own inputs,
 * and a confirm that posts them. A refusal is said in the UI's language by its reason code
 * (requests/refusals.ts), and a 400's or 409's field errors beside the inputs; a refusal of the
 * request ends on the statement the API wrote.
 */
export const ActionDialog = ({
  action,
  request,
  onClose,
}: {
  action: WorkflowAction;
  request: DataSubjectRequest;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [statement, setStatement] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const explain = useExplainRefusal();

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['requests'] }),
      queryClient.invalidateQueries({ queryKey: ['request-events'] }),
      queryClient.invalidateQueries({ queryKey: ['audit-events'] }),
    ]);

  const submit = async (values: FieldValues) => {
    try {
      if (action === 'note') {
        await dataProvider.addRequestNote(request.id, typeof values.text === 'string' ? values.text.trim() : '');
      } else if (action === 'identity-documents') {
        if (!file) return { file: translate('app.requests.actions.identity-documents.choose') };
        await dataProvider.requestAction(request.id, action, {
          fileName: file.name,
          // The API takes PDF, JPEG and PNG and refuses any other type in words.
          contentType: file.type as RequestActionBodies['identity-documents']['contentType'],
          contentBase64: await readAsBase64(file),
        });
      } else {
        const updated = await dataProvider.requestAction(request.id, action, bodies[action](values));
        if (action === 'reject' && updated.rejectionStatement) {
          setStatement(updated.rejectionStatement);
        }
      }
      notify(`app.requests.actions.${action}.done`, { type: 'success', messageArgs: { reference: request.reference } });
      await refresh();
      if (action !== 'reject') onClose();
    } catch (error) {
      const { status, message, errors } = explain(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
      // A 400's field errors, and a 409's when it names a field, are shown beside the inputs.
      if ((status === 400 || status === 409) && errors) return errors;
      if (status === 409) {
        await refresh();
        onClose();
      }
    }
    return undefined;
  };

  if (statement) return <RejectionStatementDialog statement={statement} onClose={onClose} />;

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="request-action-title">
      <Form record={{}} defaultValues={defaultsOf(action)} onSubmit={submit} noValidate>
        <DialogTitle id="request-action-title">
          {translate(`app.requests.actions.${action}.title`, { reference: request.reference })}
        </DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate(`app.requests.actions.${action}.description`, {
              dueDate: formatDay(request.dueDate, locale, 'long'),
            })}
          </Typography>
          <ActionInputs action={action} request={request} file={file} onChooseFile={setFile} />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton
            alwaysEnable
            label={`app.requests.actions.${action}.confirm`}
            icon={BUTTONS[action].icon}
            color={BUTTONS[action].color ?? 'primary'}
          />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
