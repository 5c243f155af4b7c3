import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState } from 'react-admin';

import { dateInWords } from './dateInWords';

/**
 * Under a native date field, the date it holds in the console's language and Rome's time ("mer
 * 2 dicembre 2026 alle ore 13:28"), then the field's own help or error. For fields inside a
 * react-admin form (DateInputs.tsx) and for the plain fields of a dialog alike.
 */
export const DateInWords = ({ value, time, help }: { value: unknown; time: boolean; help?: ReactNode }) => {
  const [locale] = useLocaleState();
  const words = dateInWords(value, locale, time);
  if (!words) return help ? <>{help}</> : null;
  return (
    <Box component="span" sx={{ display: 'block' }}>
      <Box component="span" data-testid="date-in-words" sx={{ display: 'block', fontWeight: 500 }}>
        {words}
      </Box>
      {help}
    </Box>
  );
};
