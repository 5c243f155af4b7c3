import { Box, Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** A list of short texts (data categories, categories of data subjects) as chips. */
export const ChipListField = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const translate = useTranslate();
  const values = Array.isArray(record?.[source]) ? (record[source] as string[]) : [];
  if (values.length === 0) return <span>{translate('app.registers.none')}</span>;
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
      {values.map((value) => (
        <Chip key={value} size="small" label={value} variant="outlined" />
      ))}
    </Box>
  );
};
