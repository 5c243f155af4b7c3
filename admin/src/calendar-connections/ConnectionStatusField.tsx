import { Chip, Tooltip } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import { intlLocale } from '../i18n';
import type { CalendarConnection } from '../types';

/** Connected, or revoked (with the date in the tooltip). */
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
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(record.revokedAt),
  );
  return (
    <Tooltip title={date}>
      <Chip size="small" variant="outlined" label={translate('resources.calendar-connections.status.revoked')} />
    </Tooltip>
  );
};

/** Whether OAuth tokens are held (encrypted); the tokens themselves never leave the server. */
export const TokensField = (_props: Partial<FieldProps<CalendarConnection>>) => {
  const translate = useTranslate();
  const record = useRecordContext<CalendarConnection>();
  if (!record) return null;
  return record.holdsTokens ? (
    <Chip
      size="small"
      color="warning"
      variant="outlined"
      label={translate('resources.calendar-connections.tokens.held')}
    />
  ) : (
    <Chip size="small" variant="outlined" label={translate('resources.calendar-connections.tokens.none')} />
  );
};
