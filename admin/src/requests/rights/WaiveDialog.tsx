import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import RuleOutlinedIcon from '@mui/icons-material/RuleOutlined';
import {
  Form,
  SaveButton,
  TextInput,
  maxLength,
  minLength,
  required,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import type { DataSubjectRequest } from '../../api';
import { type ErasableSource } from '../../sources/catalogue';
import { sourceName, useRefreshAfterChange } from './shared';
import { T } from './erasureText';
import { useExplainRefusal } from '../useExplainRefusal';

/** Why a failed source cannot be erased: at least 10 characters; the request can then close. */
export const WaiveDialog = ({
  request,
  source,
  error,
  onClose,
}: {
  request: DataSubjectRequest;
  source: ErasableSource;
  error: string | null;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const explain = useExplainRefusal();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefreshAfterChange();
  const name = sourceName(translate, source);

  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.waiveErasureStep(
        request.id,
        source,
        typeof values.reason === 'string' ? values.reason.trim() : '',
      );
      notify(`${T}.waive_dialog.done`, { type: 'success', messageArgs: { source: name } });
      await refresh();
      onClose();
    } catch (cause) {
      const { message, errors } = explain(cause);
      notify(message, { type: 'error', messageArgs: { _: message } });
      if (errors) return errors;
    }
    return undefined;
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="waive-dialog-title">
      <Form record={{}} onSubmit={submit} noValidate>
        <DialogTitle id="waive-dialog-title">{translate(`${T}.waive_dialog.title`, { source: name })}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {translate(`${T}.waive_dialog.description`)}
          </Typography>
          {error && (
            <Alert severity="error" sx={{ overflowWrap: 'anywhere' }}>
              {translate(`${T}.waive_dialog.error`, { error })}
            </Alert>
          )}
          <TextInput
            source="reason"
            label={`${T}.waive_dialog.reason`}
            helperText={`${T}.waive_dialog.reason_help`}
            multiline
            minRows={3}
            validate={[required(), minLength(10), maxLength(2000)]}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton alwaysEnable label={`${T}.waive_dialog.confirm`} icon={<RuleOutlinedIcon />} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
