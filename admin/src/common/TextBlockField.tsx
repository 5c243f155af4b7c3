import { Box, Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** Free text written by a person (a message, a description), kept as written, line breaks included. */
export const TextBlockField = ({ source, emptyText }: Partial<FieldProps> & { source: string; emptyText?: string }) => {
  const translate = useTranslate();
  const value = useFieldValue({ source }) as string | undefined | null;
  if (!value) {
    return (
      <Typography variant="body2" color="text.secondary">
        {emptyText ? translate(emptyText, { _: emptyText }) : '—'}
      </Typography>
    );
  }
  return (
    <Box
      sx={{
        px: 1.5,
        py: 1,
        bgcolor: '#f8fafb',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        typography: 'body2',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
        maxWidth: 880,
        alignSelf: 'stretch',
      }}
    >
      {value}
    </Box>
  );
};
