import LockOpenOutlinedIcon from '@mui/icons-material/LockOpenOutlined';
import { TextInput, maxLength, minLength, required, useDataProvider, useNotify, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import type { DataSubjectRequest, LegalHold } from '../../api';
import { FormDialog } from './FormDialog';
import { H } from './holdsText';
import { explained, type KnownRefusal } from './explainError';
import { sourceName } from './shared';
import { useSubmit } from './useSubmit';

const LIFT_REFUSALS: KnownRefusal[] = [{ status: 409, message: /already lifted/, key: `${H}.errors.already_lifted` }];

/** Lifts a hold, saying why; the next run of the erasure erases what it kept. */
export const LiftHoldDialog = ({
  request,
  hold,
  onClose,
}: {
  request: DataSubjectRequest;
  hold: LegalHold;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const lift = useSubmit(
    explained(translate, LIFT_REFUSALS, (values: Record<string, unknown>) =>
      dataProvider.liftHold(request.id, hold.id, typeof values.reason === 'string' ? values.reason.trim() : ''),
    ),
    () => {
      notify(`${H}.lifted_done`, { type: 'success', messageArgs: { reference: request.reference } });
      onClose();
    },
  );
  return (
    <FormDialog
      title={translate(`${H}.lift_dialog.title`, { source: sourceName(translate, hold.source) })}
      description={translate(`${H}.lift_dialog.description`, { smart_count: hold.records.length })}
      confirm={`${H}.lift_dialog.confirm`}
      icon={<LockOpenOutlinedIcon />}
      onSubmit={lift}
      onClose={onClose}
    >
      <TextInput
        source="reason"
        label={`${H}.lift_dialog.reason`}
        helperText={`${H}.lift_dialog.reason_help`}
        multiline
        minRows={3}
        validate={[required(), minLength(10), maxLength(2000)]}
      />
    </FormDialog>
  );
};
