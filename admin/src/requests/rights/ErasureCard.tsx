import { Alert, Box, Button, CircularProgress, Skeleton } from '@mui/material';
import DeleteSweepOutlinedIcon from '@mui/icons-material/DeleteSweepOutlined';
import PreviewOutlinedIcon from '@mui/icons-material/PreviewOutlined';
import ReplayIcon from '@mui/icons-material/Replay';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import { formatInstant } from '../dates';
import type { DataSubjectRequest } from '../../api';
import { type ErasableSource } from '../../sources/catalogue';
import { isOpen } from '../vocabulary';
import {
  Quiet,
  RightsCard,
  awaitsVerification,
  canChangeData,
  useErasureStatus,
  useRefreshAfterChange,
} from './shared';
import { T } from './erasureText';
import { ErasureSteps } from './ErasureSteps';
import { ErasureDialog } from './ErasureDialog';
import { WaiveDialog } from './WaiveDialog';
import { useExplainRefusal } from '../useExplainRefusal';

/**
 * The erasure of an erasure request (GDPR Art. 17): its state per source, the preview (dry
 * run) and the run; a failed source can be run again or waived with a reason. Auditors and
 * closed requests see the state only.
 */
export const ErasureCard = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const explain = useExplainRefusal();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefreshAfterChange();
  const status = useErasureStatus(request);
  const [previewing, setPreviewing] = useState(false);
  const [waiving, setWaiving] = useState<ErasableSource | null>(null);
  const actionable = canChangeData(request, canAct);

  const runAgain = useMutation({
    mutationFn: () => dataProvider.eraseRequestSubject(request.id, { dryRun: false }),
    onSuccess: (report) => {
      notify(report.state === 'complete' ? `${T}.ran_complete` : `${T}.ran_incomplete`, {
        type: report.state === 'complete' ? 'success' : 'warning',
        messageArgs: { reference: request.reference },
      });
    },
    onError: (error) => {
      const { message } = explain(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    onSettled: () => refresh(),
  });

  const data = status.data;
  const started = !!data?.startedAt;
  const complete = !!data?.completedAt;
  const failed = data?.steps.filter((step) => step.status === 'failed').length ?? 0;

  let body;
  if (status.isPending) {
    body = <Skeleton height={48} />;
  } else if (status.error || !data) {
    body = <Alert severity="warning">{translate('app.requests.rights.error')}</Alert>;
  } else if (!started) {
    body = (
      <Quiet testId="erasure-not-started">
        {translate(
          actionable
            ? `${T}.not_started`
            : awaitsVerification(request, canAct)
              ? 'app.requests.rights.verify_first'
              : `${T}.not_started_readonly`,
        )}
      </Quiet>
    );
  } else {
    body = (
      <>
        {complete ? (
          <Alert severity="success" data-testid="erasure-state" data-state="complete">
            {translate(isOpen(request) ? `${T}.complete_open` : `${T}.complete`, {
              date: formatInstant(data.completedAt, locale, { dateStyle: 'long', timeStyle: 'short' }),
            })}
          </Alert>
        ) : (
          <Alert severity={failed ? 'warning' : 'info'} data-testid="erasure-state" data-state="incomplete">
            {failed
              ? translate(`${T}.incomplete`, { smart_count: failed })
              : translate(`${T}.started`, { date: formatInstant(data.startedAt, locale) })}
          </Alert>
        )}
        <ErasureSteps status={data} onWaive={actionable && !complete ? setWaiving : undefined} />
      </>
    );
  }

  return (
    <RightsCard
      testId="erasure-card"
      icon={<DeleteSweepOutlinedIcon color="primary" />}
      title={translate(`${T}.title`)}
      subtitle={translate(`${T}.subtitle`)}
    >
      {body}
      {actionable && data && !complete && (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          {started ? (
            <Button
              size="small"
              variant="contained"
              startIcon={runAgain.isPending ? <CircularProgress size={16} color="inherit" /> : <ReplayIcon />}
              disabled={runAgain.isPending}
              onClick={() => runAgain.mutate()}
            >
              {translate(`${T}.run_again`)}
            </Button>
          ) : (
            <Button
              size="small"
              variant="contained"
              startIcon={<PreviewOutlinedIcon />}
              onClick={() => setPreviewing(true)}
            >
              {translate(`${T}.preview`)}
            </Button>
          )}
        </Box>
      )}
      {previewing && <ErasureDialog request={request} onClose={() => setPreviewing(false)} />}
      {waiving && (
        <WaiveDialog
          request={request}
          source={waiving}
          error={data?.steps.find((s) => s.source === waiving)?.error ?? null}
          onClose={() => setWaiving(null)}
        />
      )}
    </RightsCard>
  );
};
