import { Box } from '@mui/material';
import { TextInput } from 'react-admin';

/**
 * A public text in Italian and English side by side (`<base>It`, `<base>En`): the words the data
 * subject reads in their language (the privacy policy, the access package, the letters).
 */
export const BilingualInput = ({ base, multiline = false }: { base: string; multiline?: boolean }) => (
  <Box sx={{ display: 'flex', gap: 2, width: '100%', flexWrap: { xs: 'wrap', md: 'nowrap' } }}>
    {(['It', 'En'] as const).map((language) => (
      <TextInput
        key={language}
        source={`${base}${language}`}
        helperText={`app.registers.public_${language.toLowerCase()}`}
        multiline={multiline}
        minRows={multiline ? 2 : undefined}
        fullWidth
      />
    ))}
  </Box>
);
