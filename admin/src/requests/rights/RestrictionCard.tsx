import { Alert, Skeleton } from '@mui/material';
import LockOpenOutlinedIcon from '@mui/icons-material/LockOpenOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { useState } from 'react';
import {
  TextInput,
  maxLength,
  minLength,
  required,
  useDataProvider,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';
import { DateTimeInput } from '../../common/DateInputs';
import type { AppDataProvider } from '../../dataProvider';
import { formatInstant } from '../dates';
import type { DataSubjectRequest } from '../../api';
import { Quiet, RightsCard, canChangeData, lastOf, parseIps, perSource, useRequestEvents } from './shared';
import { R } from './rightsText';
import { ActionButton } from './ActionButton';
import { FormDialog } from './FormDialog';
import { useSubmit } from './useSubmit';

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
    (values: Record<string, unknown>) =>
      dataProvider.restrictRequestSubject(request.id, parseIps(typeof values.ips === 'string' ? values.ips : '')),
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
    (values: Record<string, unknown>) =>
      dataProvider.liftRequestRestriction(
        request.id,
        typeof values.reason === 'string' ? values.reason.trim() : '',
        // The input gives a Date or an ISO string, depending on how it was filled.
        values.subjectToldAt ? new Date(values.subjectToldAt as string | Date).toISOString() : '',
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
