import { Alert, Box, Button, Card, CardActionArea, Chip, Grid, Skeleton, Typography } from '@mui/material';
import type { SvgIconComponent } from '@mui/icons-material';
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import AssignmentLateOutlinedIcon from '@mui/icons-material/AssignmentLateOutlined';
import HourglassTopOutlinedIcon from '@mui/icons-material/HourglassTopOutlined';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import TimerOutlinedIcon from '@mui/icons-material/TimerOutlined';
import type { ReactNode } from 'react';
import { LinkBase, useLocaleState, useTranslate } from 'react-admin';

import { intlLocale } from '../i18n';
import { requestListLinks } from '../requests/listLinks';
import { OPEN_STATUSES } from '../requests/choices';
import { STATUSES_VOCABULARY, statusColors } from '../requests/vocabulary';
import { Link as RouterLink } from 'react-router-dom';
import { useRequestStats } from './useRequestStats';

/** The processors whose review date has passed (the API flags those before today, Rome). */
const overdueProcessorsLink = () => {
  const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
  return `/processors?filter=${encodeURIComponent(JSON.stringify({ nextReviewDue_lte: yesterday }))}`;
};

type Tone = 'neutral' | 'amber' | 'red' | 'green';

const tones: Record<Tone, { accent: string; bg: string; value: string }> = {
  neutral: { accent: '#1f5f74', bg: 'rgba(31, 95, 116, 0.08)', value: '#1d2a33' },
  amber: { accent: '#b26a00', bg: '#fdf1d8', value: '#7a4d00' },
  red: { accent: '#b3261e', bg: '#fbe4e2', value: '#b3261e' },
  green: { accent: '#2e7d4f', bg: '#e5f3ea', value: '#1e6b3a' },
};

const StatCard = ({
  icon: Icon,
  label,
  value,
  unit,
  help,
  tone = 'neutral',
  to,
  testId,
  children,
}: {
  icon: SvgIconComponent;
  label: string;
  value: ReactNode;
  unit?: string;
  help?: string;
  tone?: Tone;
  to?: string;
  testId: string;
  children?: ReactNode;
}) => {
  const colors = tones[tone];
  const body = (
    <Box sx={{ p: 2, height: '100%', display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25 }}>
        <Box
          sx={{
            width: 34,
            height: 34,
            borderRadius: 1.5,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            bgcolor: colors.bg,
            color: colors.accent,
            flexShrink: 0,
          }}
        >
          <Icon fontSize="small" />
        </Box>
        <Typography variant="body2" sx={{ fontWeight: 600, color: 'text.secondary', lineHeight: 1.3 }}>
          {label}
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 0.75 }}>
        <Typography
          component="p"
          data-testid={testId}
          sx={{
            fontSize: '1.875rem',
            fontWeight: 700,
            lineHeight: 1.15,
            color: colors.value,
            fontVariantNumeric: 'tabular-nums',
          }}
        >
          {value}
        </Typography>
        {unit && (
          <Typography variant="body2" color="text.secondary">
            {unit}
          </Typography>
        )}
      </Box>
      {children}
      {help && (
        <Typography variant="caption" color="text.secondary" sx={{ mt: 'auto' }}>
          {help}
        </Typography>
      )}
    </Box>
  );
  return (
    <Card
      sx={{
        height: '100%',
        borderLeft: tone === 'neutral' ? undefined : `4px solid ${colors.accent}`,
      }}
    >
      {to ? (
        <CardActionArea component={LinkBase} to={to} sx={{ height: '100%', alignItems: 'stretch' }}>
          {body}
        </CardActionArea>
      ) : (
        body
      )}
    </Card>
  );
};

/**
 * The request figures of the dashboard: open (by status), due within 7 days, overdue, median days
 * to close, answered after the legal deadline (last 12 months). Five in a row on wide screens.
 */
const CARD = { xs: 12, sm: 6, md: 3 } as const;
const COLUMNS = { xs: 12, md: 15 } as const;

export const RequestStatsCards = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, isError } = useRequestStats();
  const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  const links = requestListLinks();

  if (isPending) {
    return (
      <Grid container spacing={2} columns={COLUMNS}>
        {[0, 1, 2, 3, 4].map((i) => (
          <Grid key={i} size={CARD}>
            <Skeleton variant="rounded" height={132} />
          </Grid>
        ))}
      </Grid>
    );
  }
  if (isError || !data) {
    return <Alert severity="warning">{translate('app.dashboard.requests.error')}</Alert>;
  }

  return (
    <Grid container spacing={2} columns={COLUMNS}>
      <Grid size={CARD}>
        <StatCard
          icon={AssignmentIndOutlinedIcon}
          label={translate('app.dashboard.requests.open')}
          value={number.format(data.open)}
          to={links.open}
          testId="stat-open"
        >
          <Box
            sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 'auto' }}
            aria-label={translate('app.dashboard.requests.open_help')}
          >
            {OPEN_STATUSES.map((status) => (
              <Chip
                key={status}
                size="small"
                variant="outlined"
                color={statusColors[status]}
                label={`${translate(`${STATUSES_VOCABULARY}.${status}`)} ${number.format(data.openByStatus[status] ?? 0)}`}
                sx={{ height: 22, fontSize: '0.75rem', '& .MuiChip-label': { px: 0.75 } }}
              />
            ))}
          </Box>
        </StatCard>
      </Grid>
      <Grid size={CARD}>
        <StatCard
          icon={HourglassTopOutlinedIcon}
          label={translate('app.dashboard.requests.due_soon')}
          value={number.format(data.dueWithin7Days)}
          help={translate('app.dashboard.requests.due_soon_help')}
          tone={data.dueWithin7Days > 0 ? 'amber' : 'neutral'}
          to={links.dueSoon}
          testId="stat-due-soon"
        />
      </Grid>
      <Grid size={CARD}>
        <StatCard
          icon={ReportProblemOutlinedIcon}
          label={translate('app.dashboard.requests.overdue')}
          value={number.format(data.overdue)}
          help={translate(
            data.overdue > 0 ? 'app.dashboard.requests.overdue_help' : 'app.dashboard.requests.overdue_none',
          )}
          tone={data.overdue > 0 ? 'red' : 'green'}
          to={links.overdue}
          testId="stat-overdue"
        />
      </Grid>
      <Grid size={CARD}>
        <StatCard
          icon={TimerOutlinedIcon}
          label={translate('app.dashboard.requests.median')}
          value={data.medianDaysToClose == null ? '—' : number.format(data.medianDaysToClose)}
          unit={
            data.medianDaysToClose == null
              ? undefined
              : translate('app.dashboard.requests.days', { smart_count: data.medianDaysToClose === 1 ? 1 : 2 })
          }
          help={translate(
            data.medianDaysToClose == null
              ? 'app.dashboard.requests.median_none'
              : 'app.dashboard.requests.median_help',
          )}
          to={links.closed}
          testId="stat-median"
        />
      </Grid>
      <Grid size={CARD}>
        <StatCard
          icon={AssignmentLateOutlinedIcon}
          label={translate('app.dashboard.requests.answered_late')}
          value={number.format(data.answeredLate ?? 0)}
          help={translate(
            (data.answeredLate ?? 0) > 0
              ? 'app.dashboard.requests.answered_late_help'
              : 'app.dashboard.requests.answered_late_none',
          )}
          tone={(data.answeredLate ?? 0) > 0 ? 'red' : 'green'}
          to={links.answeredLate}
          testId="stat-answered-late"
        />
      </Grid>
      {(data.waitingOnSubject ?? 0) > 0 && (
        <Grid size={COLUMNS}>
          <Alert
            severity="info"
            data-testid="waiting-on-subject"
            action={
              <Button
                component={RouterLink}
                to={links.waitingOnSubject}
                color="inherit"
                size="small"
                sx={{ whiteSpace: 'nowrap' }}
              >
                {translate('app.dashboard.requests.waiting_on_subject_link')}
              </Button>
            }
          >
            {translate('app.dashboard.requests.waiting_on_subject', { smart_count: data.waitingOnSubject })}
          </Alert>
        </Grid>
      )}
      {(data.processorsReviewOverdue ?? 0) > 0 && (
        <Grid size={COLUMNS}>
          <Alert
            severity="warning"
            data-testid="processors-review-overdue"
            action={
              <Button component={RouterLink} to={overdueProcessorsLink()} color="inherit" size="small">
                {translate('app.registers.dashboard_link')}
              </Button>
            }
          >
            {translate('app.dashboard.requests.processors_review', { smart_count: data.processorsReviewOverdue })}
          </Alert>
        </Grid>
      )}
      {(['processorsMissingDpa', 'processorsMissingTia'] as const).map((gap) =>
        (data[gap] ?? 0) > 0 ? (
          <Grid key={gap} size={COLUMNS}>
            <Alert
              severity="warning"
              data-testid={gap}
              action={
                <Button component={RouterLink} to="/processors" color="inherit" size="small">
                  {translate('app.registers.gaps_link')}
                </Button>
              }
            >
              {translate(
                gap === 'processorsMissingDpa'
                  ? 'app.dashboard.requests.processors_missing_dpa'
                  : 'app.dashboard.requests.processors_missing_tia',
                { smart_count: data[gap] },
              )}
            </Alert>
          </Grid>
        ) : null,
      )}
      {(data.activitiesMissingRetention ?? 0) > 0 && (
        <Grid size={COLUMNS}>
          <Alert
            severity="warning"
            data-testid="activitiesMissingRetention"
            action={
              <Button component={RouterLink} to="/activities" color="inherit" size="small">
                {translate('app.registers.activity_gaps_link')}
              </Button>
            }
          >
            {translate('app.dashboard.requests.activities_missing_retention', {
              smart_count: data.activitiesMissingRetention,
            })}
          </Alert>
        </Grid>
      )}
    </Grid>
  );
};
