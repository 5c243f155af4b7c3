import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Box, InputAdornment } from '@mui/material';
import { TextInput } from 'react-admin';

/**
 * The officer's working notes, in Italian and English side by side (`<source>It`, `<source>En`),
 * each read by the console of its language: marked so that nobody writes there what the data
 * subject should read.
 */
export const InternalNoteInput = ({ source }: { source: string }) => (
  <Box sx={{ display: 'flex', gap: 2, width: '100%', flexWrap: { xs: 'wrap', md: 'nowrap' } }}>
    {(['It', 'En'] as const).map((language) => (
      <TextInput
        key={language}
        source={`${source}${language}`}
        helperText="app.registers.internal_help"
        fullWidth
        multiline
        minRows={2}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <LockOutlinedIcon fontSize="small" color="warning" />
              </InputAdornment>
            ),
          },
        }}
        sx={{ '& .MuiInputBase-root': { bgcolor: '#fff8e1' } }}
      />
    ))}
  </Box>
);
