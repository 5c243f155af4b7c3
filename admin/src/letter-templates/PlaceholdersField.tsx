import { Box, Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';

import type { LetterTemplate } from '../api';

/** The facts the template quotes, as `{{name}}`: an edit must keep the ones the law requires. */
export const PlaceholdersField = (_: { label?: string }) => {
  const record = useRecordContext<LetterTemplate>();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }} data-testid="template-placeholders">
      {record.placeholders.map((name) => (
        <Chip key={name} size="small" variant="outlined" label={`{{${name}}}`} sx={{ fontFamily: 'monospace' }} />
      ))}
    </Box>
  );
};
