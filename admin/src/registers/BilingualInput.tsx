import { Box } from '@mui/material';
import { TextInput } from 'react-admin';

import { linesToList, listToLines } from './vocabulary';

/**
 * A public text in Italian and English side by side (`<base>It`, `<base>En`): the words the data
 * subject, the auditor and the console in each language read. `list`: one category per line, the
 * Italian and the English in the same order.
 */
export const BilingualInput = ({
  base,
  multiline = false,
  list = false,
}: {
  base: string;
  multiline?: boolean;
  list?: boolean;
}) => (
  <Box sx={{ display: 'flex', gap: 2, width: '100%', flexWrap: { xs: 'wrap', md: 'nowrap' } }}>
    {(['It', 'En'] as const).map((language) => (
      <TextInput
        key={language}
        source={`${base}${language}`}
        helperText={`app.registers.${list ? 'lines' : 'public'}_${language.toLowerCase()}`}
        multiline={multiline || list}
        minRows={multiline || list ? 2 : undefined}
        {...(list ? { format: listToLines, parse: linesToList } : {})}
        fullWidth
      />
    ))}
  </Box>
);
