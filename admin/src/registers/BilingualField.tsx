import { Box, Typography } from '@mui/material';
import { TextField, useTranslate } from 'react-admin';

/** A public text in Italian and English side by side, each under its language's name. */
export const BilingualField = ({ base }: { base: string; label?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2, width: '100%' }}>
      {(['It', 'En'] as const).map((language) => (
        <Box key={language} data-testid={`bilingual-${base}${language}`}>
          <Typography variant="caption" color="text.secondary" component="div">
            {translate(`app.registers.language_${language.toLowerCase()}`)}
          </Typography>
          <TextField
            source={`${base}${language}`}
            emptyText={translate('app.registers.not_translated')}
            sx={{ whiteSpace: 'pre-line' }}
          />
        </Box>
      ))}
    </Box>
  );
};
