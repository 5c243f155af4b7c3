import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useRecordContext } from 'react-admin';

import type { LetterTemplate } from '../api';

/**
 * A letter's own words, in the letter's language whatever the console's: marked with it (`lang`,
 * WCAG 3.1.2), so that a screen reader reads an English letter as English in the Italian console.
 */
export const LetterLanguage = ({ children }: { children: ReactNode; label?: string }) => {
  const record = useRecordContext<LetterTemplate>();
  return (
    <Box lang={record?.language} data-letter-text sx={{ width: '100%' }}>
      {children}
    </Box>
  );
};
