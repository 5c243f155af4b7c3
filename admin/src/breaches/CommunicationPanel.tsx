import DownloadOutlinedIcon from '@mui/icons-material/DownloadOutlined';
import { Alert, Box, Button as MuiButton, Skeleton, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useLocaleState, useTranslate } from 'react-admin';

import { breachesApi } from './breachesApi';
import type { Breach } from '../api';

/** The Art. 34 letter as each recipient reads it, in Italian or English, and the recipients' CSV for mailing. */
export const CommunicationPanel = ({ breach }: { breach: Breach }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess: canWrite } = useCanAccess({ resource: 'breaches', action: 'edit' });
  const [language, setLanguage] = useState<'it' | 'en'>(locale === 'en' ? 'en' : 'it');
  const letter = useQuery({
    queryKey: ['breach-letter', breach.id, language, breach.noticeNatureIt, breach.noticeNatureEn],
    queryFn: () => breachesApi.communication(breach.id, language),
  });
  return (
    <Box data-testid="communication-panel">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5, maxWidth: 900 }}>
        {translate('app.breaches.letter.help')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1.5 }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={language}
          onChange={(_, value: 'it' | 'en' | null) => value && setLanguage(value)}
        >
          <ToggleButton value="it">Italiano</ToggleButton>
          <ToggleButton value="en">English</ToggleButton>
        </ToggleButtonGroup>
        {canWrite && (
          <MuiButton
            size="small"
            startIcon={<DownloadOutlinedIcon />}
            href={breachesApi.recipientsCsvUrl(breach.id)}
            download
          >
            {translate('app.breaches.letter.recipients_csv')}
          </MuiButton>
        )}
      </Box>
      {letter.isPending && <Skeleton height={200} />}
      {letter.data && (
        <>
          {letter.data.missing.length > 0 && (
            <Alert severity="warning" sx={{ mb: 1.5 }}>
              {translate('app.breaches.letter.missing', {
                fields: letter.data.missing.map((f) => translate(`resources.breaches.fields.${f}`)).join(', '),
              })}
            </Alert>
          )}
          <Box
            data-testid="letter"
            lang={language}
            sx={{
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
              p: 2,
              bgcolor: '#fbfcfd',
              whiteSpace: 'pre-wrap',
              fontSize: '0.875rem',
              maxWidth: 820,
            }}
          >
            <Typography variant="subtitle2" sx={{ mb: 1 }}>
              {letter.data.subject}
            </Typography>
            {letter.data.body}
          </Box>
        </>
      )}
    </Box>
  );
};
