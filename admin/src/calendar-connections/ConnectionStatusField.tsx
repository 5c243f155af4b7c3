import { Chip } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import { intlLocale } from '../i18n';
import type { CalendarConnection } from '../api';

/** Connected, or revoked on its date. */
export const ConnectionStatusField = (_props: Partial<FieldProps<CalendarConnection>>) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const record = useRecordContext<CalendarConnection>();
  if (!record) return null;
  if (!record.revokedAt) {
    return (
      <Chip
        size="small"
        color="success"
        variant="outlined"
        label={translate('resources.calendar-connections.status.active')}
      />
    );
  }
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium' }).format(new Date(record.revokedAt));
  return (
    <Chip
      size="small"
      variant="outlined"
      data-testid="connection-status"
      label={translate('resources.calendar-connections.status.revoked_on', { date })}
    />
  );
};

/**
 * Whether OAuth tokens are held (encrypted), and whether in use or only until the sweep deletes
 * them after a revocation; the tokens themselves never leave the server.
 */
export const TokensField = (_props: Partial<FieldProps<CalendarConnection>>) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const record = useRecordContext<CalendarConnection>();
  if (!record) return null;
  if (record.tokens === 'none')
    return <Chip size="small" variant="outlined" label={translate('resources.calendar-connections.tokens.none')} />;
  const label =
    record.tokens === 'in_use'
      ? translate('resources.calendar-connections.tokens.held')
      : record.tokensDeletedAt
        ? translate('resources.calendar-connections.tokens.held_after_revocation', {
            date: new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'Europe/Rome' }).format(
              new Date(record.tokensDeletedAt),
            ),
          })
        : translate('resources.calendar-connections.tokens.held_after_revocation_unscheduled');
  return <Chip size="small" color="warning" variant="outlined" data-testid="connection-tokens" label={label} />;
};
