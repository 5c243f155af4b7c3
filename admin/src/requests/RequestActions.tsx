import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Tooltip,
  Typography,
} from '@mui/material';
import BlockOutlinedIcon from '@mui/icons-material/BlockOutlined';
import ChildCareOutlinedIcon from '@mui/icons-material/ChildCareOutlined';
import EuroOutlinedIcon from '@mui/icons-material/EuroOutlined';
import MarkEmailReadOutlinedIcon from '@mui/icons-material/MarkEmailReadOutlined';
import ContactMailOutlinedIcon from '@mui/icons-material/ContactMailOutlined';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import MoreTimeOutlinedIcon from '@mui/icons-material/MoreTimeOutlined';
import NoteAddOutlinedIcon from '@mui/icons-material/NoteAddOutlined';
import TaskAltOutlinedIcon from '@mui/icons-material/TaskAltOutlined';
import VerifiedUserOutlinedIcon from '@mui/icons-material/VerifiedUserOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactElement, type ReactNode } from 'react';
import {
  DateInput,
  DateTimeInput,
  Form,
  FormDataConsumer,
  NumberInput,
  SaveButton,
  SelectInput,
  TextInput,
  maxLength,
  minLength,
  required,
  useDataProvider,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';

import type { AppDataProvider } from '../dataProvider';
import { formatDay, todayInRome } from './dates';
import { useErasureStatus } from './rights/shared';
import type { DataSubjectRequest } from './types';
import {
  feeBasisChoices,
  groundChoices,
  identityInfoChannelChoices,
  identityMethodChoices,
  isOpen,
  minorDecisionChoices,
  rejectionReasonChoices,
} from './vocabulary';

type FieldValues = Record<string, any>;

export type WorkflowAction =
  | 'identity-check'
  | 'identity-info-requested'
  | 'identity-info-received'
  | 'identity-documents'
  | 'verify'
  | 'extend'
  | 'fee'
  | 'minor'
  | 'close'
  | 'reject'
  | 'note';

/**
 * Which actions the request's state allows, mirroring the API's rules
 * (api/src/requests/request-rules.ts), which stay the authority: a refusal
 * there is a 409 whose message is shown as it comes.
 */
export const allowedActions = (request: DataSubjectRequest, today = todayInRome()): WorkflowAction[] => {
  const actions: WorkflowAction[] = [];
  if (isOpen(request)) {
    const awaiting = !!request.identityInfoRequestedAt && !request.identityInfoReceivedAt;
    if (request.status === 'received') actions.push('identity-check');
    if (!request.identityVerifiedAt) actions.push('identity-info-requested');
    if (!request.identityVerifiedAt && awaiting) actions.push('identity-info-received');
    actions.push('identity-documents');
    if (request.status !== 'in_progress') actions.push('verify');
    if (!request.extendedDueDate && today <= request.dueDate) actions.push('extend');
    if (!request.feeChargedAt) actions.push('fee');
    if (request.minorSuspected && !request.minorDecision) actions.push('minor');
    if (request.status === 'in_progress' && request.identityVerifiedAt) actions.push('close');
    actions.push('reject');
  }
  actions.push('note');
  return actions;
};

interface ApiError {
  status?: number;
  message?: string;
  body?: { message?: string; errors?: Record<string, string> };
}

const asApiError = (error: unknown): ApiError => (error && typeof error === 'object' ? (error as ApiError) : {});

const iso = (value: unknown) => {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && value) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date.toISOString();
  }
  return undefined;
};

const textOrUndefined = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** What each button is called, its icon, and how prominent it is. */
const BUTTONS: Record<
  WorkflowAction,
  { icon: ReactElement; variant: 'contained' | 'outlined' | 'text'; color?: 'error' }
> = {
  'identity-check': { icon: <FactCheckOutlinedIcon />, variant: 'contained' },
  'identity-info-requested': { icon: <ContactMailOutlinedIcon />, variant: 'outlined' },
  'identity-info-received': { icon: <MarkEmailReadOutlinedIcon />, variant: 'outlined' },
  fee: { icon: <EuroOutlinedIcon />, variant: 'outlined' },
  'identity-documents': { icon: <BadgeOutlinedIcon />, variant: 'outlined' },
  minor: { icon: <ChildCareOutlinedIcon />, variant: 'outlined' },
  verify: { icon: <VerifiedUserOutlinedIcon />, variant: 'contained' },
  extend: { icon: <MoreTimeOutlinedIcon />, variant: 'outlined' },
  close: { icon: <TaskAltOutlinedIcon />, variant: 'contained' },
  reject: { icon: <BlockOutlinedIcon />, variant: 'outlined', color: 'error' },
  note: { icon: <NoteAddOutlinedIcon />, variant: 'text' },
};

/** The primary step of the workflow is the one filled button; the others are outlined. */
const primaryOf = (actions: WorkflowAction[]): WorkflowAction | undefined =>
  (['close', 'identity-check', 'verify'] as const).find((action) => actions.includes(action));

/**
 * The workflow's buttons, each opening a dialog that posts the action; shown
 * only when the state allows it and the user may change requests.
 */
export const RequestActions = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState<WorkflowAction | null>(null);
  // An erasure request closes once its erasure is complete (the API refuses before: 409).
  const erasure = useErasureStatus(request);
  const closeBlocked = request.type === 'erasure' && !!erasure.data && !erasure.data.completedAt;
  if (!canAct) return null;
  const actions = allowedActions(request);
  const primary = primaryOf(actions);
  const steps = actions.filter((a) => a !== 'note');
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }} data-testid="request-actions">
      {steps.map((action) => {
        const { icon, color } = BUTTONS[action];
        const variant = action === primary ? 'contained' : 'outlined';
        const button = (
          <Button
            key={action}
            size="small"
            variant={variant}
            color={color ?? 'primary'}
            startIcon={icon}
            disabled={action === 'close' && closeBlocked}
            onClick={() => setOpen(action)}
          >
            {translate(`app.requests.actions.${action}.button`)}
          </Button>
        );
        return action === 'close' && closeBlocked ? (
          <Tooltip key={action} title={translate('app.requests.rights.erasure.close_blocked')}>
            <span data-testid="close-blocked">{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
      <Box sx={{ flex: 1 }} />
      <Button size="small" variant="text" startIcon={BUTTONS.note.icon} onClick={() => setOpen('note')}>
        {translate('app.requests.actions.note.button')}
      </Button>
      {open && <ActionDialog action={open} request={request} onClose={() => setOpen(null)} />}
    </Box>
  );
};

/** The body the API expects for each action, from the dialog's form values. */
const bodies = {
  'identity-check': (v: FieldValues) => ({ text: textOrUndefined(v.text) }),
  verify: (v: FieldValues) => ({ method: v.method, note: textOrUndefined(v.note) }),
  extend: (v: FieldValues) => ({ reason: (v.reason ?? '').trim(), communicatedAt: iso(v.communicatedAt) ?? '' }),
  close: (v: FieldValues) => ({ outcome: (v.outcome ?? '').trim() }),
  // The API ends the statement's sentence with its own full stop.
  reject: (v: FieldValues) => ({
    reason: v.reason,
    ground: v.reason === 'merits' || v.reason === 'excessive' ? v.ground : undefined,
    details: textOrUndefined(v.details)?.replace(/[.\s]+$/, ''),
  }),
  'identity-info-requested': (v: FieldValues) => ({
    what: (v.what ?? '').trim(),
    how: v.how,
    askedAt: iso(v.askedAt) ?? '',
    respondBy: typeof v.respondBy === 'string' ? v.respondBy.slice(0, 10) : '',
  }),
  'identity-info-received': (v: FieldValues) => ({ receivedAt: iso(v.receivedAt) ?? '', what: (v.what ?? '').trim() }),
  fee: (v: FieldValues) => ({
    amount: Number(v.amount),
    basis: v.basis,
    justification: (v.justification ?? '').trim(),
  }),
  minor: (v: FieldValues) => ({ decision: v.decision, note: textOrUndefined(v.note) }),
  // Filled in by the dialog from the chosen file (read as base64).
  'identity-documents': (v: FieldValues) => ({
    fileName: v.fileName,
    contentType: v.contentType,
    contentBase64: v.contentBase64,
  }),
};

/** A file as base64, without the data: prefix. */
const readAsBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

const defaultsOf = (action: WorkflowAction): FieldValues => {
  switch (action) {
    case 'verify':
      return { method: 'email_from_known_address' };
    case 'extend':
      return { communicatedAt: new Date().toISOString() };
    case 'identity-info-requested':
      return { how: 'email', askedAt: new Date().toISOString() };
    case 'identity-info-received':
      return { receivedAt: new Date().toISOString() };
    case 'fee':
      return { basis: 'excessive' };
    default:
      return {};
  }
};

const ActionDialog = ({
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

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['requests'] }),
      queryClient.invalidateQueries({ queryKey: ['request-events'] }),
      queryClient.invalidateQueries({ queryKey: ['audit-events'] }),
    ]);

  const submit = async (values: FieldValues) => {
    try {
      if (action === 'note') {
        await dataProvider.addRequestNote(request.id, (values.text ?? '').trim());
      } else if (action === 'identity-documents') {
        if (!file) return { file: translate('app.requests.actions.identity-documents.choose') };
        await dataProvider.requestAction(request.id, action, {
          fileName: file.name,
          contentType: file.type,
          contentBase64: await readAsBase64(file),
        });
      } else {
        const updated = await dataProvider.requestAction(request.id, action, bodies[action](values) as never);
        if (action === 'reject' && updated.rejectionStatement) {
          setStatement(updated.rejectionStatement);
        }
      }
      notify(`app.requests.actions.${action}.done`, { type: 'success', messageArgs: { reference: request.reference } });
      await refresh();
      if (action !== 'reject') onClose();
    } catch (error) {
      const { status, message, body } = asApiError(error);
      const text = body?.message ?? message ?? 'ra.notification.http_error';
      notify(text, { type: 'error', messageArgs: { _: text } });
      // A 400's field errors, and a 409's when it names a field, are shown beside the inputs.
      if ((status === 400 || status === 409) && body?.errors) return body.errors;
      if (status === 409) {
        await refresh();
        onClose();
      }
    }
    return undefined;
  };

  const title = translate(`app.requests.actions.${action}.title`, { reference: request.reference });

  if (statement) {
    return (
      <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="request-action-title">
        <DialogTitle id="request-action-title">{translate('app.requests.actions.reject.statement_title')}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Alert severity="info">{translate('app.requests.actions.reject.statement_help')}</Alert>
          <Box
            data-testid="rejection-statement"
            sx={{
              p: 2,
              bgcolor: '#f8fafb',
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
              whiteSpace: 'pre-wrap',
              typography: 'body2',
            }}
          >
            {statement}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button
            startIcon={<ContentCopyOutlinedIcon />}
            onClick={() =>
              navigator.clipboard
                ?.writeText(statement)
                .then(() => notify('app.requests.actions.reject.copied', { type: 'info' }))
                .catch(() => undefined)
            }
          >
            {translate('app.requests.actions.reject.copy')}
          </Button>
          <Button variant="contained" onClick={onClose}>
            {translate('ra.action.close')}
          </Button>
        </DialogActions>
      </Dialog>
    );
  }

  let inputs: ReactNode;
  switch (action) {
    case 'identity-check':
      inputs = (
        <TextInput
          source="text"
          label="app.requests.actions.identity-check.text"
          multiline
          minRows={3}
          validate={maxLength(20_000)}
        />
      );
      break;
    case 'verify':
      inputs = (
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
      break;
    case 'extend':
      inputs = (
        <>
          <TextInput
            source="reason"
            label="app.requests.actions.extend.reason"
            helperText="app.requests.actions.extend.reason_help"
            multiline
            minRows={3}
            validate={[required(), minLength(10), maxLength(2000)]}
          />
          <DateTimeInput
            source="communicatedAt"
            label="app.requests.actions.extend.communicated_at"
            helperText={translate('app.requests.actions.extend.communicated_help', {
              date: formatDay(request.dueDate, locale, 'long'),
            })}
            validate={required()}
          />
        </>
      );
      break;
    case 'close':
      inputs = (
        <TextInput
          source="outcome"
          label="app.requests.actions.close.outcome"
          helperText="app.requests.actions.close.outcome_help"
          multiline
          minRows={4}
          validate={[required(), minLength(3), maxLength(20_000)]}
        />
      );
      break;
    case 'reject':
      inputs = (
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
              const grounds = groundChoices(formData.reason, request.type);
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
      break;
    case 'identity-info-requested':
      inputs = (
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
      break;
    case 'identity-info-received':
      inputs = (
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
      break;
    case 'fee':
      inputs = (
        <>
          <NumberInput
            source="amount"
            label="app.requests.actions.fee.amount"
            min={0.01}
            max={10_000}
            step={0.5}
            validate={required()}
          />
          <SelectInput
            source="basis"
            label="app.requests.actions.fee.basis"
            choices={feeBasisChoices}
            validate={required()}
          />
          <TextInput
            source="justification"
            label="app.requests.actions.fee.justification"
            helperText="app.requests.actions.fee.justification_help"
            multiline
            minRows={3}
            validate={[required(), minLength(10), maxLength(5000)]}
          />
        </>
      );
      break;
    case 'identity-documents':
      inputs = (
        <Box>
          <Button variant="outlined" component="label" startIcon={<BadgeOutlinedIcon />}>
            {translate('app.requests.actions.identity-documents.choose')}
            <input
              hidden
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              data-testid="identity-document-file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Button>
          {file && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {file.name}
            </Typography>
          )}
        </Box>
      );
      break;
    case 'minor':
      inputs = (
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
      break;
    case 'note':
      inputs = (
        <TextInput
          source="text"
          label="app.requests.actions.note.text"
          multiline
          minRows={4}
          validate={[required(), maxLength(20_000)]}
        />
      );
      break;
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="request-action-title">
      <Form record={{}} defaultValues={defaultsOf(action)} onSubmit={submit} noValidate>
        <DialogTitle id="request-action-title">{title}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate(`app.requests.actions.${action}.description`, {
              dueDate: formatDay(request.dueDate, locale, 'long'),
            })}
          </Typography>
          {inputs}
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
