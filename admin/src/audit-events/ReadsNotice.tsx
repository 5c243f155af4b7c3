import VisibilityOffOutlinedIcon from '@mui/icons-material/VisibilityOffOutlined';
import { Box, Typography } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

/** Says that the reads of personal data are left out, while they are (the list's default). */
export const ReadsNotice = () => {
  const translate = useTranslate();
  const filterValues = useListContext().filterValues as { reads?: boolean; action?: string };
  if (filterValues.reads !== false || filterValues.action) return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1, color: 'text.secondary' }}>
      <VisibilityOffOutlinedIcon fontSize="small" aria-hidden />
      <Typography variant="body2">{translate('app.audit.reads_hidden')}</Typography>
    </Box>
  );
};
