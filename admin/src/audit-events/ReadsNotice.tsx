import UnfoldLessOutlinedIcon from '@mui/icons-material/UnfoldLessOutlined';
import VisibilityOffOutlinedIcon from '@mui/icons-material/VisibilityOffOutlined';
import { Box, Typography } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

/** Says how the reads of personal data are shown: one line per run (the list's default), or left out. */
export const ReadsNotice = () => {
  const translate = useTranslate();
  const filterValues = useListContext().filterValues as { reads?: boolean | 'grouped'; action?: string };
  const key =
    filterValues.reads === 'grouped'
      ? 'app.audit.reads_grouped'
      : filterValues.reads === false && !filterValues.action
        ? 'app.audit.reads_hidden'
        : null;
  if (!key) return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1, color: 'text.secondary' }}>
      {key === 'app.audit.reads_grouped' ? (
        <UnfoldLessOutlinedIcon fontSize="small" aria-hidden />
      ) : (
        <VisibilityOffOutlinedIcon fontSize="small" aria-hidden />
      )}
      <Typography variant="body2">{translate(key)}</Typography>
    </Box>
  );
};
