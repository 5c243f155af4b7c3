import { Box, Tooltip } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { intlLocale } from '../i18n';
import type { Breach } from '../api';

/** Red once overdue or notified late, amber in the last 24 hours, green otherwise; grey when no notification is due. */
const style = (clock: Breach['clock']) => {
  switch (clock.state) {
    case 'overdue':
      return { bgcolor: '#b3261e', color: '#ffffff', borderColor: '#b3261e' };
    case 'notified_late':
      return { bgcolor: '#fbe4e2', color: '#8c1d18', borderColor: '#e8a8a3' };
    case 'running':
      return (clock.remaining?.totalMinutes ?? 0) <= 24 * 60
        ? { bgcolor: '#fdf1d8', color: '#7a4d00', borderColor: '#f0c36d' }
        : { bgcolor: '#e5f3ea', color: '#1e6b3a', borderColor: '#a9d5b8' };
    case 'notified_in_time':
      return { bgcolor: '#e5f3ea', color: '#1e6b3a', borderColor: '#a9d5b8' };
    default:
      return { bgcolor: '#eef1f3', color: '#44525a', borderColor: '#c9d2d7' };
  }
};

/** The 72-hour clock of Art. 33(1): hours and minutes left, or overdue, or how it ended. */
export const ClockBadge = ({ breach, size = 'small' }: { breach?: Breach; size?: 'small' | 'large' }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const fromContext = useRecordContext<Breach>();
  const record = breach ?? fromContext;
  if (!record?.clock) return null;
  const { clock } = record;
  const remaining = clock.remaining ?? { hours: 0, minutes: 0 };
  const label = translate(`app.breaches.clock.${clock.state}`, { hours: remaining.hours, minutes: remaining.minutes });
  const deadline = new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(new Date(clock.deadline));
  return (
    <Tooltip
      title={`${translate('app.breaches.clock.deadline', { date: deadline })}. ${translate('app.breaches.clock.help')}`}
    >
      <Box
        component="span"
        data-testid="breach-clock"
        data-state={clock.state}
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
          ...style(clock),
        }}
      >
        {label}
      </Box>
    </Tooltip>
  );
};
