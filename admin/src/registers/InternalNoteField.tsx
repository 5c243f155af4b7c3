import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Box, Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

import { TwinField } from './TwinField';

/** The officer's working notes on a show page, visibly internal, in the console's language. */
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
      <Box>
        <TwinField source={source} />
      </Box>
    </Box>
  );
};
