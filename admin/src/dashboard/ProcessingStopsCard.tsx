import { Box, Card, CardHeader, Chip, Typography } from '@mui/material';
import BlockOutlinedIcon from '@mui/icons-material/BlockOutlined';
import { LinkBase, useLocaleState, useTranslate } from 'react-admin';

import { intlLocale } from '../i18n';
import { useRequestStats } from './useRequestStats';

/** A source's list showing only the records ingestion stored under a stop. */
const flaggedListOf = (source: string) =>
  `/${source}?filter=${encodeURIComponent(JSON.stringify({ storedUnderStop: true }))}`;

/**
 * The stops objections (Art. 21) and withdrawals of consent (Art. 7(3)) put on the people's
 * processing, and the records the website sent since and ingestion stored flagged, per source.
 */
export const ProcessingStopsCard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useRequestStats();
  const stops = data?.processingStops;
  if (!stops) return null;
  const number = new Intl.NumberFormat(intlLocale(locale));
  const figure = (testId: string, value: number, label: string) => (
    <Box sx={{ minWidth: 180 }}>
      <Typography
        component="p"
        data-testid={testId}
        sx={{ fontSize: '1.625rem', fontWeight: 700, lineHeight: 1.15, fontVariantNumeric: 'tabular-nums' }}
      >
        {number.format(value)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
  return (
    <Card data-testid="processing-stops-card">
      <CardHeader
        avatar={<BlockOutlinedIcon color="warning" />}
        title={translate('app.dashboard.stops.title')}
        subheader={translate('app.dashboard.stops.subtitle')}
        slotProps={{ title: { variant: 'h6', component: 'h2' }, subheader: { variant: 'body2' } }}
        sx={{ pb: 1 }}
      />
      <Box sx={{ px: 2, pb: 2, display: 'flex', gap: 3, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        {figure(
          'stat-stops-in-force',
          stops.inForce,
          `${translate('app.dashboard.stops.in_force', { smart_count: stops.inForce })}${
            stops.inForce ? `, ${translate('app.dashboard.stops.requests', { smart_count: stops.requests })}` : ''
          }`,
        )}
        {figure(
          'stat-stops-flagged',
          stops.flaggedRecords,
          translate('app.dashboard.stops.flagged', { smart_count: stops.flaggedRecords }),
        )}
        {stops.flaggedRecords > 0 && (
          <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', alignSelf: 'center' }}>
            {Object.entries(stops.flaggedBySource).map(([source, n]) => (
              <Chip
                key={source}
                clickable
                component={LinkBase}
                to={flaggedListOf(source)}
                data-testid={`stops-flagged-${source}`}
                size="small"
                variant="outlined"
                label={`${translate(`app.menu.sources.${source}`)} ${number.format(n)}`}
              />
            ))}
          </Box>
        )}
      </Box>
    </Card>
  );
};
