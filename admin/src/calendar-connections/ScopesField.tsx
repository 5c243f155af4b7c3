import { Chip, Stack, Tooltip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

import type { CalendarConnection } from '../api';

const GOOGLE_SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

/** `https://www.googleapis.com/auth/calendar.readonly` → `calendar.readonly`. */
export const shortScope = (scope: string) =>
  scope.startsWith(GOOGLE_SCOPE_PREFIX) ? scope.slice(GOOGLE_SCOPE_PREFIX.length) : scope;

/** The OAuth scopes granted, as chips named in words; the full scope is in the tooltip. */
export const ScopesField = ({ source = 'scopes' }: Partial<FieldProps<CalendarConnection>>) => {
  const translate = useTranslate();
  const scopes = useFieldValue<CalendarConnection>({ source }) as string[] | undefined;
  if (!scopes || scopes.length === 0) return <>—</>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {scopes.map((scope) => {
        const short = shortScope(scope);
        return (
          <Tooltip key={scope} title={scope}>
            <Chip
              size="small"
              variant="outlined"
              label={translate(`resources.calendar-connections.scopes.${short.replace(/\./g, '_')}`, {
                _: short,
              })}
            />
          </Tooltip>
        );
      })}
    </Stack>
  );
};
