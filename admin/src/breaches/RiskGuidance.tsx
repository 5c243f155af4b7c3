import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

import { breachesEnglish } from './messages.en';

/** The examples of EDPB Guidelines 9/2022 (Annex B), as guidance beside the risk assessment. */
export const RiskGuidance = () => {
  const translate = useTranslate();
  const count = breachesEnglish.app.breaches.guidance.examples.length;
  return (
    <Accordion disableGutters variant="outlined" sx={{ mb: 2, maxWidth: 900 }} data-testid="risk-guidance">
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {translate('app.breaches.guidance.title')}
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('app.breaches.guidance.intro')}
        </Typography>
        <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
          {Array.from({ length: count }, (_, i) => (
            <li key={i}>
              <Typography variant="body2" color="text.secondary">
                {translate(`app.breaches.guidance.examples.${i}`)}
              </Typography>
            </li>
          ))}
        </ul>
      </AccordionDetails>
    </Accordion>
  );
};
