import PrintOutlinedIcon from '@mui/icons-material/PrintOutlined';
import { Box, Button, Card, CardContent, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { Title, useAuthenticated, useLocaleState, useTranslate } from 'react-admin';

export const RECORD_PATH = '/record-of-processing';

/**
 * The record of processing activities (Art. 30(1)) as the server lays it out for print
 * (`GET /api/activities/record.html`), in Italian or English, framed here with a print button:
 * the browser's print dialog saves it as PDF.
 */
export const RecordOfProcessingPage = () => {
  // The frame's request is not the data provider's: without a session it would frame a 401, so
  // the page itself sends whoever is signed out to the sign-in page.
  useAuthenticated();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [language, setLanguage] = useState<'it' | 'en'>(locale === 'it' ? 'it' : 'en');
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <Box sx={{ mt: 2, mb: 2 }}>
      <Title title="app.registers.record.title" />
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
            {translate('app.registers.record.intro')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {translate('app.registers.record.language')}
            </Typography>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={language}
              onChange={(_, value: 'it' | 'en' | null) => value && setLanguage(value)}
            >
              <ToggleButton value="it" data-testid="record-lang-it">
                Italiano
              </ToggleButton>
              <ToggleButton value="en" data-testid="record-lang-en">
                English
              </ToggleButton>
            </ToggleButtonGroup>
            <Button
              variant="contained"
              startIcon={<PrintOutlinedIcon />}
              onClick={() => frame.current?.contentWindow?.print()}
            >
              {translate('app.registers.record.print')}
            </Button>
          </Box>
          <Box
            component="iframe"
            ref={frame}
            title={translate('app.registers.record.title')}
            src={`/api/activities/record.html?lang=${language}`}
            data-testid="record-frame"
            sx={{ width: '100%', height: '75vh', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'white' }}
          />
        </CardContent>
      </Card>
    </Box>
  );
};
