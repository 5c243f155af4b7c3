import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Box, Chip } from '@mui/material';
import { TextField, useTranslate } from 'react-admin';

/** The officer's working notes on a show page, visibly internal. */
export const InternalNoteField = ({ source }: { source: string; label?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ bgcolor: '#fff8e1', borderRadius: 1, p: 1, width: '100%' }} data-testid={`internal-${source}`}>
      <Chip
        size="small"
        color="warning"
        variant="outlined"
        icon={<LockOutlinedIcon />}
        label={translate('app.registers.internal_help')}
        sx={{ mb: 0.5 }}
      />
      <TextField source={source} emptyText="—" component="div" sx={{ whiteSpace: 'pre-line' }} />
    </Box>
  );
};
