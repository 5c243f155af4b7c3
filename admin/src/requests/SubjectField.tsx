import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import type { DataSubjectRequest } from '../api';

/** Who made the request: the name, and the e-mail or phone under it. */
export const SubjectField = (_props: Partial<FieldProps<DataSubjectRequest>>) => {
  const translate = useTranslate();
  const record = useRecordContext<DataSubjectRequest>();
  if (!record) return null;
  const contact = record.subjectEmail ?? record.subjectPhone;
  const name = record.subjectName ?? contact;
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {name ?? (
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {translate('app.requests.unknown_subject')}
          </Box>
        )}
      </Typography>
      {record.subjectName && contact && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
          {contact}
        </Typography>
      )}
    </Box>
  );
};
