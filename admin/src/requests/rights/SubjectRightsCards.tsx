import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Grid,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import BackHandOutlinedIcon from '@mui/icons-material/BackHandOutlined';
import EditNoteOutlinedIcon from '@mui/icons-material/EditNoteOutlined';
import LockOpenOutlinedIcon from '@mui/icons-material/LockOpenOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement, type ReactNode } from 'react';
import {
  DateTimeInput,
  Form,
  SaveButton,
  TextInput,
  maxLength,
  minLength,
  required,
  useDataProvider,
  useGetList,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import { formatInstant } from '../dates';
import {
  RECTIFIABLE_FIELDS,
  type DataSubjectRequest,
  type ProcessingActivitySummary,
  type RecordChange,
  type RectifyResult,
  type WithdrawResult,
  type WithdrawalEffect,
} from '../types';
import {
  Quiet,
  RightsCard,
  apiError,
  awaitsVerification,
  canChangeData,
  consentCategory,
  lastOf,
  legalBasis,
  parseIps,
  perSource,
  sourceName,
  useRefreshAfterChange,
  useRequestEvents,
} from './shared';

const R = 'app.requests.rights';

type Translate = (key: string, options?: object) => string;

const show = (value: unknown) => (value == null || value === '' ? '—' : String(value));

/** A field's name as its source's screens call it. */
const fieldName = (translate: Translate, source: string, field: string) =>
  translate(`resources.${source}.fields.${field}`, { _: field });

/** What a rectification changed: one row per record and field, before and after. */
export const ChangesTable = ({ changes }: { changes: RecordChange[] }) => {
  const translate = useTranslate();
  const rows = changes.flatMap((change) =>
    Object.keys(change.after).map((field) => ({ key: `${change.recordId}-${field}`, change, field })),
  );
  return (
    <Table size="small" data-testid="rectification-changes">
      <TableHead>
        <TableRow>
          <TableCell>{translate(`${R}.rectification.table.source`)}</TableCell>
          <TableCell>{translate(`${R}.rectification.table.field`)}</TableCell>
          <TableCell>{translate(`${R}.rectification.table.before`)}</TableCell>
          <TableCell>{translate(`${R}.rectification.table.after`)}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(({ key, change, field }) => (
          <TableRow key={key}>
            <TableCell>{sourceName(translate, change.source)}</TableCell>
            <TableCell>{fieldName(translate, change.source, field)}</TableCell>
            <TableCell sx={{ color: 'text.secondary', textDecoration: 'line-through', overflowWrap: 'anywhere' }}>
              {show(change.before[field])}
            </TableCell>
            <TableCell sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{show(change.after[field])}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** What a withdrawal or an objection stopped: per activity, its basis, the banner's refusal, the records held. */
export const EffectsTable = ({ effects }: { effects: WithdrawalEffect[] }) => {
  const translate = useTranslate();
  return (
    <Table
      size="small"
      data-testid="withdrawal-effects"
      sx={{ '& th, & td': { px: 1 }, '& td:not(:first-of-type), & th:not(:first-of-type)': { whiteSpace: 'nowrap' } }}
    >
      <TableHead>
        <TableRow>
          <TableCell>{translate(`${R}.withdrawal.table.activity`)}</TableCell>
          <TableCell>{translate(`${R}.withdrawal.table.legal_basis`)}</TableCell>
          <TableCell>{translate(`${R}.withdrawal.table.banner`)}</TableCell>
          <TableCell align="right" title={translate(`${R}.withdrawal.held_help`)}>
            {translate(`${R}.withdrawal.table.held`)}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {effects.map((effect) => (
          <TableRow key={effect.activityId}>
            <TableCell sx={{ fontWeight: 600 }}>{effect.activity}</TableCell>
            <TableCell>{legalBasis(translate, effect.legalBasis)}</TableCell>
            <TableCell>
              {effect.bannerRefuses
                ? consentCategory(translate, effect.bannerRefuses)
                : translate(`${R}.withdrawal.no_banner_category`)}
            </TableCell>
            <TableCell align="right">{effect.recordsHeld}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** A button of a rights card. */
const ActionButton = ({
  icon,
  label,
  onClick,
  variant = 'contained',
}: {
  icon: ReactNode;
  label: string;
  onClick: () => void;
  variant?: 'contained' | 'outlined';
}) => {
  const translate = useTranslate();
  return (
    <Box>
      <Button size="small" variant={variant} startIcon={icon} onClick={onClick}>
        {translate(label)}
      </Button>
    </Box>
  );
};

/** A dialog with a react-admin form: title, explanation, inputs, cancel and confirm. */
const FormDialog = ({
  title,
  description,
  confirm,
  icon,
  onSubmit,
  onClose,
  children,
  maxWidth = 'sm',
}: {
  title: string;
  description: string;
  confirm: string;
  icon: ReactElement;
  onSubmit: (values: Record<string, any>) => Promise<Record<string, string> | undefined>;
  onClose: () => void;
  children: ReactNode;
  maxWidth?: 'sm' | 'md';
}) => {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth={maxWidth} aria-labelledby="rights-dialog-title">
      <Form record={{}} onSubmit={onSubmit} noValidate>
        <DialogTitle id="rights-dialog-title">{title}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {description}
          </Typography>
          {children}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton alwaysEnable label={confirm} icon={icon} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** Posts a dialog's action; a refusal is notified, and a 400's field errors go back to the inputs. */
const useSubmit = <V, R>(action: (values: V) => Promise<R>, onDone: (result: R) => void) => {
  const notify = useNotify();
  const refresh = useRefreshAfterChange();
  return async (values: V): Promise<Record<string, string> | undefined> => {
    try {
      const result = await action(values);
      await refresh();
      onDone(result);
    } catch (error) {
      const { message, errors } = apiError(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
      if (errors) return errors;
    }
    return undefined;
  };
};

// ---------------------------------------------------------------------------
// Rectification (Art. 16)
// ---------------------------------------------------------------------------

const RectifyDialog = ({ request, onClose }: { request: DataSubjectRequest; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [result, setResult] = useState<RectifyResult | null>(null);
  const submit = useSubmit(
    (values: Record<string, any>) => {
      const body = Object.fromEntries(
        RECTIFIABLE_FIELDS.map(
          (field) => [field, typeof values[field] === 'string' ? values[field].trim() : ''] as const,
        ).filter(([, value]) => value !== ''),
      );
      if (Object.keys(body).length === 0)
        return Promise.reject({ message: translate(`${R}.rectification.dialog.at_least_one`) });
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

/** Rectification requests: the Rectify dialog and what the last rectification changed. */
export const RectificationCard = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const { data: events, isPending } = useRequestEvents(request);
  const last = lastOf(events, ['rectified']);
  const changes = (last?.details?.changes ?? []) as RecordChange[];
  const actionable = canChangeData(request, canAct);
  return (
    <RightsCard
      testId="rectification-card"
      icon={<EditNoteOutlinedIcon color="primary" />}
      title={translate(`${R}.rectification.title`)}
      subtitle={translate(`${R}.rectification.subtitle`)}
    >
      {isPending ? (
        <Skeleton height={40} />
      ) : last ? (
        <>
          <Quiet>{translate(`${R}.rectification.last`, { date: formatInstant(last.at, locale) })}</Quiet>
          <ChangesTable changes={changes} />
        </>
      ) : (
        <Quiet>
          {translate(awaitsVerification(request, canAct) ? `${R}.verify_first` : `${R}.rectification.none_yet`)}
        </Quiet>
      )}
      {actionable && (
        <ActionButton
          icon={<EditNoteOutlinedIcon />}
          label={`${R}.rectification.button`}
          onClick={() => setOpen(true)}
        />
      )}
      {open && <RectifyDialog request={request} onClose={() => setOpen(false)} />}
    </RightsCard>
  );
};

// ---------------------------------------------------------------------------
// Restriction (Art. 18)
// ---------------------------------------------------------------------------

/** Restriction requests (and rectification or objection while the officer checks): restrict, lift. */
export const RestrictionCard = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [dialog, setDialog] = useState<'restrict' | 'lift' | null>(null);
  const { data: events, isPending } = useRequestEvents(request);
  const last = lastOf(events, ['restricted', 'restriction_lifted']);
  const inForce = last?.kind === 'restricted';
  const actionable = canChangeData(request, canAct);
  const close = () => setDialog(null);

  const restrict = useSubmit(
    (values: Record<string, any>) =>
      dataProvider.restrictRequestSubject(request.id, parseIps(String(values.ips ?? ''))),
    (answer) => {
      const count = Object.values(answer.restricted).reduce((n, c) => n + c, 0);
      notify(`${R}.restriction.done`, {
        type: 'success',
        messageArgs: { reference: request.reference, smart_count: count },
      });
      close();
    },
  );
  const lift = useSubmit(
    (values: Record<string, any>) =>
      dataProvider.liftRequestRestriction(
        request.id,
        String(values.reason ?? '').trim(),
        values.subjectToldAt ? new Date(values.subjectToldAt).toISOString() : '',
      ),
    () => {
      notify(`${R}.restriction.lifted_done`, { type: 'success', messageArgs: { reference: request.reference } });
      close();
    },
  );

  let state;
  if (isPending) state = <Skeleton height={40} />;
  else if (inForce) {
    const counts = (last.details?.restricted ?? {}) as Record<string, number>;
    state = (
      <Alert severity="warning" icon={<LockOutlinedIcon />} data-testid="restriction-state" data-state="restricted">
        {translate(`${R}.restriction.in_force`, { date: formatInstant(last.at, locale) })}{' '}
        {perSource(translate, counts) || translate(`${R}.timeline.restricted_nothing`)}
      </Alert>
    );
  } else
    state = (
      <Quiet testId="restriction-state">
        {last
          ? translate(`${R}.restriction.lifted`, { date: formatInstant(last.at, locale) })
          : translate(`${R}.restriction.not_in_force`)}
      </Quiet>
    );

  return (
    <RightsCard
      testId="restriction-card"
      icon={<LockOutlinedIcon color="primary" />}
      title={translate(`${R}.restriction.title`)}
      subtitle={translate(`${R}.restriction.subtitle`)}
    >
      {state}
      {/* A restriction outlives its request (lifted once the check is over, Art. 18(3)): lifting stays possible after closing. */}
      {canAct && inForce && (
        <ActionButton
          icon={<LockOpenOutlinedIcon />}
          label={`${R}.restriction.lift`}
          variant="outlined"
          onClick={() => setDialog('lift')}
        />
      )}
      {actionable && !inForce && (
        <ActionButton
          icon={<LockOutlinedIcon />}
          label={`${R}.restriction.restrict`}
          onClick={() => setDialog('restrict')}
        />
      )}
      {dialog === 'restrict' && (
        <FormDialog
          title={translate(`${R}.restriction.restrict_dialog.title`, { reference: request.reference })}
          description={translate(`${R}.restriction.restrict_dialog.description`)}
          confirm={`${R}.restriction.restrict_dialog.confirm`}
          icon={<LockOutlinedIcon />}
          onSubmit={restrict}
          onClose={close}
        >
          <TextInput source="ips" label={`${R}.ips`} helperText={`${R}.ips_help`} validate={maxLength(2000)} />
        </FormDialog>
      )}
      {dialog === 'lift' && (
        <FormDialog
          title={translate(`${R}.restriction.lift_dialog.title`, { reference: request.reference })}
          description={translate(`${R}.restriction.lift_dialog.description`)}
          confirm={`${R}.restriction.lift_dialog.confirm`}
          icon={<LockOpenOutlinedIcon />}
          onSubmit={lift}
          onClose={close}
        >
          <TextInput
            source="reason"
            label={`${R}.restriction.lift_dialog.reason`}
            helperText={`${R}.restriction.lift_dialog.reason_help`}
            multiline
            minRows={3}
            validate={[required(), minLength(10), maxLength(2000)]}
          />
          {/* Art. 18(3): the subject is told before the restriction is lifted; the API requires the date. */}
          <DateTimeInput
            source="subjectToldAt"
            label={`${R}.restriction.lift_dialog.subject_told_at`}
            helperText={`${R}.restriction.lift_dialog.subject_told_at_help`}
            validate={required()}
          />
        </FormDialog>
      )}
    </RightsCard>
  );
};

// ---------------------------------------------------------------------------
// Objection (Art. 21) and withdrawal of consent (Art. 7(3))
// ---------------------------------------------------------------------------

/** The activities a withdrawal stops by default (consent), or an objection (legitimate interests). */
const stoppedByDefault = (request: DataSubjectRequest, activity: ProcessingActivitySummary) =>
  activity.legalBasis === (request.type === 'objection' ? 'legitimate_interests' : 'consent');

const WithdrawDialog = ({ request, onClose }: { request: DataSubjectRequest; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefreshAfterChange();
  const {
    data: activities,
    isPending,
    error,
  } = useGetList<ProcessingActivitySummary>('activities', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [result, setResult] = useState<WithdrawResult | null>(null);
  const selected = chosen ?? new Set((activities ?? []).filter((a) => stoppedByDefault(request, a)).map((a) => a.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  const withdraw = useMutation({
    mutationFn: () => dataProvider.withdrawForRequest(request.id, [...selected]),
    onSuccess: (answer) => {
      setResult(answer);
      notify(`${R}.withdrawal.done`, {
        type: 'success',
        messageArgs: { reference: request.reference, smart_count: answer.effects.length },
      });
    },
    onError: (cause) => {
      const { message } = apiError(cause);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    onSettled: () => refresh(),
  });
  const kind = request.type === 'objection' ? 'objection' : 'consent_withdrawal';

  let content;
  if (result) {
    content = (
      <>
        <Alert severity="success" data-testid="withdrawal-result">
          {translate(`${R}.withdrawal.dialog.result`, { consentId: result.consentId })}
        </Alert>
        <EffectsTable effects={result.effects} />
        <Quiet>{translate(`${R}.withdrawal.held_help`)}</Quiet>
      </>
    );
  } else if (isPending) {
    content = [0, 1, 2].map((i) => <Skeleton key={i} height={40} />);
  } else if (error || !activities?.length) {
    content = <Alert severity="info">{translate(error ? `${R}.error` : `${R}.withdrawal.dialog.no_activities`)}</Alert>;
  } else {
    content = (
      <>
        <Typography variant="body2" color="text.secondary">
          {translate(`${R}.withdrawal.dialog.description_${kind}`)}
        </Typography>
        <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
          {translate(`${R}.withdrawal.dialog.activities`)}
        </Typography>
        <Box data-testid="withdrawal-activities" sx={{ display: 'flex', flexDirection: 'column' }}>
          {activities.map((activity) => (
            <FormControlLabel
              key={activity.id}
              control={
                <Checkbox size="small" checked={selected.has(activity.id)} onChange={() => toggle(activity.id)} />
              }
              sx={{ alignItems: 'flex-start', '& .MuiCheckbox-root': { pt: 0.25 } }}
              label={
                <Box sx={{ py: 0.25 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {activity.name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {[
                      legalBasis(translate, activity.legalBasis),
                      activity.consentCategory ? consentCategory(translate, activity.consentCategory) : null,
                      activity.sourceSystem ? sourceName(translate, activity.sourceSystem) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography>
                </Box>
              }
            />
          ))}
        </Box>
        {selected.size === 0 && <Alert severity="warning">{translate(`${R}.withdrawal.dialog.at_least_one`)}</Alert>}
      </>
    );
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" scroll="paper" aria-labelledby="rights-dialog-title">
      <DialogTitle id="rights-dialog-title">
        {translate(`${R}.withdrawal.dialog.title`, { reference: request.reference })}
      </DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        {content}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        {result ? (
          <Button variant="contained" onClick={onClose}>
            {translate('ra.action.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
            <Button
              variant="contained"
              startIcon={withdraw.isPending ? <CircularProgress size={16} color="inherit" /> : <BackHandOutlinedIcon />}
              disabled={!activities?.length || selected.size === 0 || withdraw.isPending}
              onClick={() => withdraw.mutate()}
            >
              {translate(`${R}.withdrawal.dialog.confirm`)}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
};

/** Objections and withdrawals of consent: the Stop processing dialog and what the last one stopped. */
export const WithdrawalCard = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const { data: events, isPending } = useRequestEvents(request);
  const last = lastOf(events, ['consent_withdrawn', 'objection_recorded']);
  const actionable = canChangeData(request, canAct);
  const kind = request.type === 'objection' ? 'objection' : 'consent_withdrawal';
  return (
    <RightsCard
      testId="withdrawal-card"
      icon={<BackHandOutlinedIcon color="primary" />}
      title={translate(`${R}.withdrawal.title_${kind}`)}
      subtitle={translate(`${R}.withdrawal.subtitle_${kind}`)}
    >
      {isPending ? (
        <Skeleton height={40} />
      ) : last ? (
        <>
          <Quiet>
            {translate(`${R}.withdrawal.last`, {
              date: formatInstant(last.at, locale),
              consentId: String(last.details?.consentId ?? '—'),
            })}
          </Quiet>
          <EffectsTable effects={(last.details?.effects ?? []) as WithdrawalEffect[]} />
        </>
      ) : (
        <Quiet>
          {translate(awaitsVerification(request, canAct) ? `${R}.verify_first` : `${R}.withdrawal.none_yet`)}
        </Quiet>
      )}
      {actionable && (
        <ActionButton icon={<BackHandOutlinedIcon />} label={`${R}.withdrawal.button`} onClick={() => setOpen(true)} />
      )}
      {open && <WithdrawDialog request={request} onClose={() => setOpen(false)} />}
    </RightsCard>
  );
};
