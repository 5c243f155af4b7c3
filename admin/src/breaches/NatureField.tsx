import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import type { Breach } from '../api';

/** Confidentiality, integrity, availability: the breach's nature as chips. */
export const NatureField = (_props: { label?: string }) => {
  const record = useRecordContext<Breach>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      {record.nature.map((n) => (
        <Chip key={n} size="small" variant="outlined" label={translate(`app.breaches.vocab.nature.${n}`)} />
      ))}
    </Stack>
  );
};
