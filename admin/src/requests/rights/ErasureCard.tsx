import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  Skeleton,
  TextField,
  Typography,
} from '@mui/material';
import DeleteSweepOutlinedIcon from '@mui/icons-material/DeleteSweepOutlined';
import PreviewOutlinedIcon from '@mui/icons-material/PreviewOutlined';
import ReplayIcon from '@mui/icons-material/Replay';
import RuleOutlinedIcon from '@mui/icons-material/RuleOutlined';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Fragment, useRef, useState } from 'react';
import {
  Confirm,
  Form,
  SaveButton,
  TextInput,
  maxLength,
  minLength,
  required,
  useDataProvider,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import { monospaceFontFamily } from '../../theme';
import { formatInstant } from '../dates';
import type {
  DataSubjectRequest,
  ErasureAction,
  ErasureReport,
  ErasureSourceReport,
  ErasureStatus,
  ErasureStepStatus,
} from '../types';
import { ERASABLE_SOURCES, type ErasableSource } from '../../sources/catalogue';
import { isOpen } from '../vocabulary';
import {
  Folded,
  Quiet,
  RightsCard,
  apiError,
  awaitsVerification,
  canChangeData,
  parseIps,
  sourceName,
  useErasureStatus,
  useRefreshAfterChange,
} from './shared';

const T = 'app.requests.rights.erasure';

const STATUS_COLORS: Record<ErasureStepStatus | 'pending', 'success' | 'error' | 'warning' | 'default'> = {
  done: 'success',
  failed: 'error',
  waived: 'warning',
  pending: 'default',
};

const ACTION_COLORS: Record<ErasureAction, 'error' | 'info' | 'warning'> = {
  delete: 'error',
  revoke_and_delete: 'error',
  mask: 'info',
  unlink: 'info',
  remove_attendee: 'warning',
  mask_mention: 'info',
};

export const StepStatusChip = ({ status }: { status: ErasureStepStatus | 'pending' }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={status === 'pending' ? 'outlined' : 'filled'}
      color={STATUS_COLORS[status]}
      label={translate(`${T}.status.${status}`)}
      sx={{ minWidth: 72, height: 22, fontWeight: 600, flexShrink: 0 }}
      data-status={status}
    />
  );
};

/** One source's outcome: status, what changed, the error of a failure or the reason of a waiver. */
const StepRow = ({
  source,
  status,
  recordsAffected,
  attempts,
  error,
  waiverReason,
  onWaive,
}: {
  source: ErasableSource;
  status: ErasureStepStatus | 'pending';
  recordsAffected?: number;
  attempts?: number;
  error?: string | null;
  waiverReason?: string | null;
  onWaive?: () => void;
}) => {
  const translate = useTranslate();
  return (
    <Box
      data-testid={`erasure-step-${source}`}
      data-status={status}
      sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', py: 0.75 }}
    >
      <StepStatusChip status={status} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {sourceName(translate, source)}
          </Typography>
          {status === 'done' && (
            <Typography variant="body2" color="text.secondary">
              {translate(`${T}.affected`, { smart_count: recordsAffected ?? 0 })}
            </Typography>
          )}
          {attempts != null && attempts > 1 && (
            <Typography variant="caption" color="text.secondary">
              {translate(`${T}.attempts`, { smart_count: attempts })}
            </Typography>
          )}
        </Box>
        {status === 'failed' && error && (
          <Typography variant="body2" color="error" sx={{ overflowWrap: 'anywhere' }} data-testid="erasure-step-error">
            {error}
          </Typography>
        )}
        {status === 'waived' && waiverReason && (
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {translate(`${T}.waived_because`, { reason: waiverReason })}
          </Typography>
        )}
      </Box>
      {onWaive && (
        <Button size="small" startIcon={<RuleOutlinedIcon />} onClick={onWaive} sx={{ flexShrink: 0 }}>
          {translate(`${T}.waive`)}
        </Button>
      )}
    </Box>
  );
};

/** The steps of the erasure, one row per source in the order a run takes. */
const Steps = ({ status, onWaive }: { status: ErasureStatus; onWaive?: (source: ErasableSource) => void }) => {
  const bySource = new Map(status.steps.map((step) => [step.source, step]));
  return (
    <Box data-testid="erasure-steps">
      {ERASABLE_SOURCES.map((source, index) => {
        const step = bySource.get(source);
        return (
          <Fragment key={source}>
            {index > 0 && <Divider />}
            <StepRow
              source={source}
              status={step?.status ?? 'pending'}
              recordsAffected={step?.recordsAffected}
              attempts={step?.attempts}
              error={step?.error}
              waiverReason={step?.waiverReason}
              onWaive={step?.status === 'failed' && onWaive ? () => onWaive(source) : undefined}
            />
          </Fragment>
        );
      })}
    </Box>
  );
};

/**
 * The erasure of an erasure request (GDPR Art. 17): its state per source, the preview (dry
 * run) and the run; a failed source can be run again or waived with a reason. Auditors and
 * closed requests see the state only.
 */
export const ErasureCard = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
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
      const { message } = apiError(error);
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
        <Steps status={data} onWaive={actionable && !complete ? setWaiving : undefined} />
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

/** One source of the preview: what happens to it, and the records it changes. */
const SourcePreview = ({ source, ipsGiven }: { source: ErasureSourceReport; ipsGiven: boolean }) => {
  const translate = useTranslate();
  const finished = source.status === 'done' || source.status === 'waived';
  const empty = source.total === 0;
  return (
    <Box data-testid={`erasure-preview-${source.source}`} data-total={source.total} sx={{ py: 1.25 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
        <Typography
          variant="subtitle2"
          component="h3"
          sx={{ flex: 1, color: empty ? 'text.secondary' : 'text.primary' }}
        >
          {sourceName(translate, source.source)}
        </Typography>
        {finished ? (
          <StepStatusChip status={source.status as ErasureStepStatus} />
        ) : (
          <Typography
            variant="body2"
            sx={{ fontWeight: empty ? 400 : 600, color: empty ? 'text.secondary' : 'text.primary' }}
          >
            {empty
              ? translate(source.source === 'access-logs' && !ipsGiven ? `${T}.dialog.no_ips` : `${T}.dialog.nothing`)
              : translate('app.requests.rights.records', { smart_count: source.total })}
          </Typography>
        )}
      </Box>
      {!empty && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
            {translate(`${T}.strategies.${source.source}`)}
          </Typography>
          <Box
            component="ul"
            sx={{ listStyle: 'none', m: 0, mt: 0.75, p: 0, display: 'flex', flexDirection: 'column', gap: 0.5 }}
          >
            <Folded
              items={source.records}
              render={(record) => (
                <Box component="li" key={record.id} sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}>
                  <Chip
                    size="small"
                    variant="outlined"
                    color={ACTION_COLORS[record.action] ?? 'default'}
                    label={translate(`${T}.actions.${record.action}`, { _: record.action })}
                    sx={{ height: 20, fontSize: '0.75rem', flexShrink: 0, minWidth: 64 }}
                  />
                  <Typography
                    variant="body2"
                    sx={{
                      overflowWrap: 'anywhere',
                      fontFamily: source.source === 'access-logs' ? monospaceFontFamily : undefined,
                    }}
                  >
                    {record.summary}
                  </Typography>
                </Box>
              )}
            />
            {source.total > source.records.length && (
              <Typography component="li" variant="body2" color="text.secondary">
                {translate('app.requests.rights.more', { count: source.total - source.records.length })}
              </Typography>
            )}
          </Box>
        </>
      )}
    </Box>
  );
};

/** The run's outcome per source, as the run answered it. */
const RunResult = ({ report }: { report: ErasureReport }) => {
  const translate = useTranslate();
  const complete = report.state === 'complete';
  return (
    <Box data-testid="erasure-result" data-state={report.state}>
      <Alert severity={complete ? 'success' : 'warning'} sx={{ mb: 1 }}>
        {translate(complete ? `${T}.dialog.result_complete` : `${T}.dialog.result_incomplete`)}
      </Alert>
      {report.sources.map((source, index) => (
        <Fragment key={source.source}>
          {index > 0 && <Divider />}
          <StepRow
            source={source.source}
            status={source.status ?? 'pending'}
            recordsAffected={source.recordsAffected}
            error={source.error}
            waiverReason={source.waiverReason}
          />
        </Fragment>
      ))}
    </Box>
  );
};

/** "Found through 1 e-mail and 1 phone number, which go on the suppression list", naming only what there is. */
const foundThrough = (translate: (key: string, options?: object) => string, report: ErasureReport) => {
  const parts = [
    report.identifiers.emails ? translate(`${T}.dialog.emails`, { smart_count: report.identifiers.emails }) : null,
    report.identifiers.phones ? translate(`${T}.dialog.phones`, { smart_count: report.identifiers.phones }) : null,
  ].filter((part): part is string => !!part);
  if (parts.length === 2) return translate(`${T}.dialog.found_through`, { emails: parts[0], phones: parts[1] });
  if (parts.length === 1) return translate(`${T}.dialog.found_through_one`, { identifiers: parts[0] });
  return '';
};

/**
 * The preview (a dry run: audited, changes nothing) with the optional IP addresses, then the
 * run after a confirmation, then its outcome.
 */
const ErasureDialog = ({ request, onClose }: { request: DataSubjectRequest; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefreshAfterChange();
  const status = useErasureStatus(request);
  const [ipsText, setIpsText] = useState('');
  const [ips, setIps] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ErasureReport | null>(null);
  const firstRun = !status.data?.startedAt;

  // Not under `requests`: a refresh of the request must not preview (an audited read) again.
  const preview = useQuery({
    queryKey: ['erasure-preview', request.id, ips],
    queryFn: () => dataProvider.eraseRequestSubject(request.id, { dryRun: true, ips }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const run = useMutation({
    mutationFn: () => dataProvider.eraseRequestSubject(request.id, { dryRun: false, ips }),
    onSuccess: (report) => {
      setResult(report);
      notify(report.state === 'complete' ? `${T}.ran_complete` : `${T}.ran_incomplete`, {
        type: report.state === 'complete' ? 'success' : 'warning',
        messageArgs: { reference: request.reference },
      });
    },
    onError: (error) => {
      const { message } = apiError(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    onSettled: () => {
      setConfirming(false);
      refresh();
    },
  });

  // A refused preview (an address that is not one) keeps the last good one on screen, to correct the field.
  const lastPreview = useRef<ErasureReport | undefined>(undefined);
  if (preview.data) lastPreview.current = preview.data;
  const report = preview.data ?? lastPreview.current;
  const dirty = parseIps(ipsText).join(',') !== ips.join(',');
  const ipsError = preview.error && ips.length ? apiError(preview.error).message : null;
  const records = report?.sources.reduce((n, s) => n + s.total, 0) ?? 0;
  const sources = report?.sources.filter((s) => s.total > 0).length ?? 0;
  const recordsText = translate('app.requests.rights.records', { smart_count: records });
  const sourcesText = translate('app.requests.rights.sources_count', { smart_count: sources });

  let content;
  if (result) {
    content = <RunResult report={result} />;
  } else if (!report && preview.isPending) {
    content = [0, 1, 2].map((i) => <Skeleton key={i} height={56} />);
  } else if (!report) {
    const { message } = apiError(preview.error);
    content = <Alert severity="error">{translate(message, { _: message })}</Alert>;
  } else {
    content = (
      <>
        <Typography variant="body2" color="text.secondary">
          {translate(firstRun ? `${T}.dialog.intro` : `${T}.dialog.intro_resumed`)} {foundThrough(translate, report)}
        </Typography>
        {firstRun ? (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
            <TextField
              size="small"
              fullWidth
              label={translate('app.requests.rights.ips')}
              placeholder="203.0.113.7, 2001:db8::1"
              value={ipsText}
              onChange={(event) => setIpsText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') setIps(parseIps(ipsText));
              }}
              error={!!ipsError}
              helperText={
                ipsError ?? (dirty ? translate(`${T}.dialog.update_first`) : translate('app.requests.rights.ips_help'))
              }
              slotProps={{ htmlInput: { 'data-testid': 'erasure-ips' } }}
            />
            <Button
              variant="outlined"
              onClick={() => setIps(parseIps(ipsText))}
              disabled={!dirty || preview.isFetching}
              sx={{ flexShrink: 0, mt: 0.25 }}
            >
              {translate(`${T}.dialog.update_preview`)}
            </Button>
          </Box>
        ) : (
          <Quiet>{translate(`${T}.dialog.ips_fixed`)}</Quiet>
        )}
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="subtitle1" component="p" sx={{ fontWeight: 700 }} data-testid="erasure-preview-total">
            {translate(`${T}.dialog.total`, { records: recordsText, sources: sourcesText })}
          </Typography>
          {preview.isFetching && <CircularProgress size={16} />}
        </Box>
        {records === 0 && firstRun && <Alert severity="info">{translate(`${T}.dialog.nothing_at_all`)}</Alert>}
        <Box data-testid="erasure-preview">
          {report.sources.map((source, index) => (
            <Fragment key={source.source}>
              {index > 0 && <Divider />}
              <SourcePreview source={source} ipsGiven={ips.length > 0} />
            </Fragment>
          ))}
        </Box>
      </>
    );
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" scroll="paper" aria-labelledby="erasure-dialog-title">
      <DialogTitle id="erasure-dialog-title">
        {translate(result ? `${T}.dialog.result_title` : `${T}.dialog.title`, { reference: request.reference })}
      </DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
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
              color="error"
              startIcon={run.isPending ? <CircularProgress size={16} color="inherit" /> : <DeleteSweepOutlinedIcon />}
              disabled={!report || dirty || !!ipsError || preview.isFetching || run.isPending}
              onClick={() => setConfirming(true)}
            >
              {translate(`${T}.dialog.erase_now`)}
            </Button>
          </>
        )}
      </DialogActions>
      <Confirm
        isOpen={confirming}
        loading={run.isPending}
        title={`${T}.dialog.confirm_title`}
        titleTranslateOptions={{ reference: request.reference }}
        content={`${T}.dialog.confirm_content`}
        contentTranslateOptions={{ records: recordsText, sources: sourcesText }}
        confirm={`${T}.dialog.confirm`}
        confirmColor="warning"
        ConfirmIcon={DeleteSweepOutlinedIcon}
        onConfirm={() => run.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Dialog>
  );
};

/** Why a failed source cannot be erased: at least 10 characters; the request can then close. */
const WaiveDialog = ({
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
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefreshAfterChange();
  const name = sourceName(translate, source);

  const submit = async (values: Record<string, any>) => {
    try {
      await dataProvider.waiveErasureStep(request.id, source, String(values.reason ?? '').trim());
      notify(`${T}.waive_dialog.done`, { type: 'success', messageArgs: { source: name } });
      await refresh();
      onClose();
    } catch (cause) {
      const { message, errors } = apiError(cause);
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
