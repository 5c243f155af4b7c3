import { Box, Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

import { monospaceFontFamily } from '../theme';
import type { AuditEvent } from '../types';

const isEmpty = (value: unknown) => value == null || (typeof value === 'object' && Object.keys(value).length === 0);

/** The event's `details` object, pretty-printed as JSON in a monospace block. */
export const DetailsField = ({ source = 'details' }: Partial<FieldProps<AuditEvent>>) => {
  const translate = useTranslate();
  const details: unknown = useFieldValue<AuditEvent>({ source });
  if (isEmpty(details)) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.audit.no_details')}
      </Typography>
    );
  }
  return (
    <Box
      component="pre"
      sx={{
        m: 0,
        p: 1.5,
        maxWidth: '100%',
        maxHeight: 420,
        overflow: 'auto',
        fontFamily: monospaceFontFamily,
        fontSize: '0.8125rem',
        lineHeight: 1.55,
        bgcolor: '#f6f8fa',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
      }}
    >
      {JSON.stringify(details, null, 2)}
    </Box>
  );
};
