import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { intlLocale } from '../i18n';
import type { LedgerEvent } from './ledgerEvent';

const time = (at: string, locale: string) =>
  new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' }).format(
    new Date(at),
  );

/** Under a run's time: how many reads the line holds and the span they cover ("3 reads, 10:01–10:05"). */
export const ReadRunField = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const record = useRecordContext<LedgerEvent>();
  const run = record?.group;
  if (!run || run.count < 2) return null;
  return (
    <Typography component="div" variant="caption" color="text.secondary" data-testid="read-run">
      {translate('app.audit.run', {
        smart_count: run.count,
        from: time(run.firstAt, locale),
        to: time(run.lastAt, locale),
      })}
    </Typography>
  );
};
