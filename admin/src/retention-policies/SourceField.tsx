import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** The data source a retention policy applies to, in words (the retention screen's), its code beside. */
export const SourceField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<Record<string, string | null>>();
  const translate = useTranslate();
  const code = record?.[source];
  if (!code) return <Typography variant="body2">—</Typography>;
  return (
    <Typography variant="body2" component="span">
      {translate(`app.retention.sources.${code}`, { _: code })}
    </Typography>
  );
};
