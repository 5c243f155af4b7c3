import { Box, Tooltip } from '@mui/material';
import { useFieldValue, useLocaleState, useTranslate, type FieldProps } from 'react-admin';

import { formatDay } from './dates';
import type { DataSubjectRequest } from '../api';

/** Within this many days, a deadline is close (the dashboard's "due within 7 days"). */
export const SOON_DAYS = 7;

export type Urgency = 'overdue' | 'soon' | 'ok' | 'closed';

export const urgencyOf = (daysLeft: number | null | undefined): Urgency => {
  if (daysLeft == null) return 'closed';
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= SOON_DAYS) return 'soon';
  return 'ok';
};

/** Red, amber, green: tinted so that a column of badges stays calm; overdue alone is filled. */
const urgencyStyles: Record<Exclude<Urgency, 'closed'>, object> = {
  overdue: { bgcolor: '#b3261e', color: '#ffffff', borderColor: '#b3261e' },
  soon: { bgcolor: '#fdf1d8', color: '#7a4d00', borderColor: '#f0c36d' },
  ok: { bgcolor: '#e5f3ea', color: '#1e6b3a', borderColor: '#a9d5b8' },
};

export const daysLeftLabelKey = (daysLeft: number) => {
  if (daysLeft < 0) return 'app.requests.days.overdue';
  if (daysLeft === 0) return 'app.requests.days.today';
  return 'app.requests.days.left';
};

/**
 * Days left to the working deadline: red when overdue, amber within seven
 * days, green otherwise, a dash once the request is closed.
 */
export const DaysLeftBadge = ({
  daysLeft,
  dueDate,
  size = 'small',
}: {
  daysLeft: number | null | undefined;
  /** The working deadline (YYYY-MM-DD), shown in the tooltip. */
  dueDate?: string | null;
  size?: 'small' | 'large';
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const urgency = urgencyOf(daysLeft);
  if (urgency === 'closed' || daysLeft == null) {
    return (
      <Box component="span" sx={{ color: 'text.secondary' }} aria-label={translate('app.requests.days.closed')}>
        —
      </Box>
    );
  }
  const label = translate(daysLeftLabelKey(daysLeft), { smart_count: Math.abs(daysLeft) });
  const badge = (
    <Box
      component="span"
      data-urgency={urgency}
      data-testid="days-left"
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        whiteSpace: 'nowrap',
        border: 1,
        borderRadius: 999,
        fontWeight: 600,
        lineHeight: 1.4,
        ...(size === 'large'
          ? { px: 1.75, py: 0.5, fontSize: '0.9375rem' }
          : { px: 1, py: 0.125, fontSize: '0.75rem' }),
        ...urgencyStyles[urgency],
      }}
    >
      {label}
    </Box>
  );
  if (!dueDate) return badge;
  return (
    <Tooltip title={translate('app.requests.days.due_on', { date: formatDay(dueDate, locale, 'long') })}>
      {badge}
    </Tooltip>
  );
};

/** The badge of the record in context (list rows). */
export const DaysLeftField = (_props: Partial<FieldProps<DataSubjectRequest>>) => {
  const daysLeft = useFieldValue<DataSubjectRequest>({ source: 'daysLeft' }) as number | null | undefined;
  const dueDate = useFieldValue<DataSubjectRequest>({ source: 'workingDueDate' }) as string | undefined;
  return <DaysLeftBadge daysLeft={daysLeft} dueDate={dueDate} />;
};
