import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import type { OtherMail } from './types';

/** Why the message is no request: the kind in words, then the header that decided (as the API gives it). */
export const TriageReasonField = (_: { label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<OtherMail>();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="body2" component="div">
        {translate(`resources.other-mail.kinds.${record.kind}`, { _: record.kind })}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ fontFamily: 'monospace' }}>
        {record.reason}
      </Typography>
    </Box>
  );
};
