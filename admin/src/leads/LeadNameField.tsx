import { Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';

import type { Lead } from '../api';

export const leadFullName = (lead: Pick<Lead, 'firstName' | 'lastName'>) =>
  [lead.firstName, lead.lastName].filter(Boolean).join(' ');

/** First and last name together; a dash when the form left both empty. */
export const LeadNameField = (_props: Partial<FieldProps<Lead>>) => {
  const record = useRecordContext<Lead>();
  if (!record) return null;
  const name = leadFullName(record);
  return (
    <Typography component="span" variant="body2" sx={{ fontWeight: name ? 500 : undefined }}>
      {name || '—'}
    </Typography>
  );
};
