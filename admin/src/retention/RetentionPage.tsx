import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Divider,
  IconButton,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import AutoDeleteOutlinedIcon from '@mui/icons-material/AutoDeleteOutlined';
import CloseIcon from '@mui/icons-material/Close';
import RefreshIcon from '@mui/icons-material/Refresh';
import ScienceOutlinedIcon from '@mui/icons-material/ScienceOutlined';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Confirm,
  Title,
  useCanAccess,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';

import type { AppDataProvider } from '../dataProvider';
import { formatters } from './format';
import { RetentionReportTable } from './RetentionReportTable';
import { SweepHistory } from './SweepHistory';
import { SweepResultsTable } from './SweepResultsTable';
import type { RetentionReport, RetentionSweep } from '../api';
import { scheduleWhen } from '../common/scheduleInWords';

export const RETENTION_PATH = '/retention';

const statusOf = (error: unknown) =>
  error && typeof error === 'object' && 'status' in error ? (error as { status?: number }).status : undefined;

/** A headline figure of the report. */
const Figure = ({
  label,
  help,
  value,
  tone,
  testId,
}: {
  label: string;
  help: string;
  value: string;
  tone?: 'error.main' | 'text.primary';
  testId: string;
}) => (
  <Box sx={{ minWidth: 150 }}>
    <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 600 }}>
      {label}
    </Typography>
    <Typography
      data-testid={testId}
      sx={{
        fontSize: '1.75rem',
        fontWeight: 700,
        lineHeight: 1.2,
        color: tone ?? 'text.primary',
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      {value}
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {help}
    </Typography>
  </Box>
);

/** What the last dry run or sweep did, until the officer closes it. */
const SweepOutcome = ({ sweep, onClose }: { sweep: RetentionSweep; onClose: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const f = formatters(locale);
  const failed = sweep.status === 'failed';
  const severity = failed ? 'error' : sweep.dryRun ? 'info' : 'success';
  const key = failed ? 'failed' : sweep.dryRun ? 'dry' : 'done';
  return (
    <Card data-testid="sweep-outcome" data-status={sweep.status} data-dry-run={sweep.dryRun}>
      <Alert
        severity={severity}
        sx={{ borderRadius: 0 }}
        action={
          <IconButton size="small" aria-label={translate('app.retention.result.close')} onClick={onClose}>
            <CloseIcon fontSize="small" />
          </IconButton>
        }
      >
        <AlertTitle>{translate(`app.retention.result.${key}_title`)}</AlertTitle>
        {translate(`app.retention.result.${key}_body`, {
          smart_count: sweep.records,
          count: f.number(sweep.records),
          duration: f.duration(sweep.durationMs ?? 0),
          error: sweep.error ?? '',
        })}
      </Alert>
      <CardContent sx={{ pt: 1 }}>
        <SweepResultsTable results={sweep.results} dryRun={sweep.dryRun} />
      </CardContent>
    </Card>
  );
};

/** The schedule and the last sweep, in one line each. */
const Status = ({ report }: { report: RetentionReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const f = formatters(locale);
  const last = report.lastSweep;
  return (
    <Stack spacing={0.5} sx={{ mt: 1.5 }}>
      <Typography variant="body2" color="text.secondary" data-testid="retention-schedule">
        {report.schedule
          ? translate('app.retention.schedule.on', {
              when: scheduleWhen(report.schedule, translate, locale),
              date: f.dateTime(report.schedule.nextRunAt),
            })
          : translate('app.retention.schedule.off')}
      </Typography>
      <Typography
        variant="body2"
        color={last?.status === 'failed' ? 'error' : 'text.secondary'}
        data-testid="retention-last-sweep"
      >
        {!last
          ? translate('app.retention.last_sweep.none')
          : translate(`app.retention.last_sweep.${last.status}`, {
              date: f.dateTime(last.startedAt),
              smart_count: last.records,
              count: f.number(last.records),
              error: last.error ?? '',
            })}
      </Typography>
    </Stack>
  );
};

/**
 * Retention: the report of records past their retention period, the dry run
 * and the sweep (officers and admins; with a confirmation), and the history.
 */
export const RetentionPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const f = formatters(locale);
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess: canSweep } = useCanAccess({ resource: 'retention', action: 'sweep' });
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<RetentionSweep | null>(null);

  const report = useQuery({ queryKey: ['retention', 'report'], queryFn: () => dataProvider.retentionReport() });
  const sweep = useMutation({
    mutationFn: (dryRun: boolean) => dataProvider.retentionSweep(dryRun),
    onSuccess: (result) => {
      setOutcome(result);
      setConfirming(false);
      // The report, the last sweep and the history all change.
      refresh();
    },
    onError: (error) => {
      setConfirming(false);
      notify(statusOf(error) === 409 ? 'app.retention.conflict' : error.message || 'ra.notification.http_error', {
        type: 'error',
      });
    },
  });

  const entries = report.data?.entries ?? [];
  const sum = (pick: (e: (typeof entries)[number]) => number | null | false) =>
    entries.reduce((n, e) => n + (pick(e) || 0), 0);
  const due = sum((e) => e.effect !== 'keep' && e.past);
  const restricted = sum((e) => e.restricted);
  const lapsed = sum((e) => e.effect === 'keep' && e.past);
  const running = sweep.isPending;

  return (
    <Box sx={{ mt: 2, mb: 4, display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}>
      <Title title="app.retention.title" />
      <Card>
        <CardContent>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <Box sx={{ flex: '1 1 420px' }}>
              <Typography variant="h5" component="h1">
                {translate('app.retention.title')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1, maxWidth: 760 }}>
                {translate('app.retention.intro')}
              </Typography>
              {report.data && <Status report={report.data} />}
            </Box>
            {canSweep && (
              <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
                <Button
                  variant="outlined"
                  startIcon={running && sweep.variables ? <CircularProgress size={16} /> : <ScienceOutlinedIcon />}
                  disabled={running || !report.data}
                  onClick={() => sweep.mutate(true)}
                  data-testid="retention-dry-run"
                >
                  {translate('app.retention.buttons.dry_run')}
                </Button>
                <Button
                  variant="contained"
                  color="error"
                  startIcon={
                    running && !sweep.variables ? (
                      <CircularProgress size={16} color="inherit" />
                    ) : (
                      <AutoDeleteOutlinedIcon />
                    )
                  }
                  disabled={running || !report.data}
                  onClick={() => setConfirming(true)}
                  data-testid="retention-sweep"
                >
                  {translate('app.retention.buttons.sweep')}
                </Button>
              </Stack>
            )}
          </Box>
          {report.data && (
            <>
              <Divider sx={{ my: 2 }} />
              <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', alignItems: 'flex-end' }}>
                <Figure
                  label={translate('app.retention.summary.due')}
                  help={translate('app.retention.summary.due_help')}
                  value={f.number(due)}
                  tone={due ? 'error.main' : undefined}
                  testId="retention-due"
                />
                <Figure
                  label={translate('app.retention.summary.restricted')}
                  help={translate('app.retention.summary.restricted_help')}
                  value={f.number(restricted)}
                  testId="retention-restricted"
                />
                <Figure
                  label={translate('app.retention.summary.lapsed')}
                  help={translate('app.retention.summary.lapsed_help')}
                  value={f.number(lapsed)}
                  testId="retention-lapsed"
                />
                <Box sx={{ flex: 1 }} />
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                  <Typography variant="caption" color="text.secondary">
                    {translate('app.retention.refreshed', { date: f.dateTime(report.data.generatedAt) })}
                  </Typography>
                  <IconButton
                    size="small"
                    aria-label={translate('app.retention.refresh')}
                    onClick={() => void report.refetch()}
                    disabled={report.isFetching}
                  >
                    <RefreshIcon fontSize="small" />
                  </IconButton>
                </Box>
              </Box>
            </>
          )}
        </CardContent>
      </Card>

      {outcome && <SweepOutcome sweep={outcome} onClose={() => setOutcome(null)} />}

      <Card>
        {report.isPending ? (
          <CardContent>
            <Skeleton variant="rounded" height={280} />
          </CardContent>
        ) : report.isError ? (
          <CardContent>
            <Alert severity="error">{translate('app.retention.error')}</Alert>
          </CardContent>
        ) : (
          <RetentionReportTable entries={entries} />
        )}
      </Card>

      <Card>
        <CardContent sx={{ pb: 0 }}>
          <Typography variant="h6" component="h2">
            {translate('app.retention.history.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.retention.history.subtitle')}
          </Typography>
        </CardContent>
        <SweepHistory />
      </Card>

      <Confirm
        isOpen={confirming}
        loading={running}
        title="app.retention.confirm.title"
        content={
          due
            ? translate('app.retention.confirm.body', { smart_count: due, count: f.number(due) })
            : translate('app.retention.confirm.nothing')
        }
        confirm="app.retention.confirm.confirm"
        confirmColor="warning"
        ConfirmIcon={AutoDeleteOutlinedIcon}
        onConfirm={() => sweep.mutate(false)}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
};
