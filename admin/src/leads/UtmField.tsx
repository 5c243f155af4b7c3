import { Box, Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';

import type { Lead } from '../api';

/** Where the visitor came from: UTM source, with the campaign beneath it. */
export const UtmField = (_props: Partial<FieldProps<Lead>>) => {
  const record = useRecordContext<Lead>();
  if (!record?.utmSource && !record?.utmCampaign) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        —
      </Typography>
    );
  }
  return (
    <Box sx={{ lineHeight: 1.25 }}>
      <Typography component="div" variant="body2">
        {record.utmSource ?? '—'}
      </Typography>
      {record.utmCampaign && (
        <Typography component="div" variant="caption" color="text.secondary">
          {record.utmCampaign}
        </Typography>
      )}
    </Box>
  );
};
