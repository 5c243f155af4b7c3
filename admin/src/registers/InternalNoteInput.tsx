import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { InputAdornment } from '@mui/material';
import { TextInput } from 'react-admin';

/** The officer's working notes: marked so that nobody writes there what the data subject should read. */
export const InternalNoteInput = ({ source }: { source: string }) => (
  <TextInput
    source={source}
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
);
