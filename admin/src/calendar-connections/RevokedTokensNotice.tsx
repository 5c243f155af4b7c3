import { Alert } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { intlLocale } from '../i18n';
import type { CalendarConnection } from '../api';

/**
 * A revoked connection whose tokens are still held says so in full: revoked on its date, the
 * tokens kept encrypted and unused until the retention sweep deletes them, and when.
 */
export const RevokedTokensNotice = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const record = useRecordContext<CalendarConnection>();
  if (!record || record.tokens !== 'held_after_revocation' || !record.revokedAt) return null;
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'Europe/Rome' });
  const revokedAt = format.format(new Date(record.revokedAt));
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="revoked-tokens-notice">
      {record.tokensDeletedAt
        ? translate('resources.calendar-connections.tokens.revoked_held', {
            revokedAt,
            deletedAt: format.format(new Date(record.tokensDeletedAt)),
          })
        : translate('resources.calendar-connections.tokens.revoked_held_unscheduled', { revokedAt })}
    </Alert>
  );
};
