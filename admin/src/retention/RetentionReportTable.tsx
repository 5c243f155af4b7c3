import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

import { twinText } from '../../../api/src/registers/twins';
import { useTwinLanguage } from '../registers/TwinField';
import { formatters } from './format';
import type { ReportEntry } from '../api';

const numeric = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** What a sweep does to the records of this policy, or why it does nothing. */
const Outcome = ({ entry }: { entry: ReportEntry }) => {
  const translate = useTranslate();
  if (entry.state !== 'applies') {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate(`app.retention.report.states.${entry.state}`, { source: entry.source ?? '' })}
      </Typography>
    );
  }
  if (entry.effect === 'keep') {
    return <Typography variant="body2">{translate('app.retention.report.effects.keep')}</Typography>;
  }
  const label = translate(`app.retention.report.effects.${entry.effect}`);
  if (!entry.past) {
    return (
      <>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('app.retention.report.effects.none_due')}
        </Typography>
      </>
    );
  }
  return (
    <Typography
      variant="body2"
      sx={{ fontWeight: 600, color: entry.effect === 'delete' ? 'error.main' : 'warning.dark' }}
    >
      {label}
    </Typography>
  );
};

/**
 * The report: one row per retention policy of the register, oldest records
 * first (the API's order), then the policies with nothing past retention,
 * then those that do not apply to the console's data.
 */
export const RetentionReportTable = ({ entries }: { entries: ReportEntry[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const f = formatters(locale);
  const language = useTwinLanguage();
  const dash = translate('app.retention.report.not_applicable');
  return (
    // Scrolls sideways on a narrow screen instead of widening the page (contain: its width is the card's);
    // a named region the keyboard can reach, so that it can be scrolled without a mouse (WCAG 2.1.1).
    <Box
      sx={{ overflowX: 'auto', contain: 'inline-size' }}
      tabIndex={0}
      role="region"
      aria-label={translate('app.retention.title')}
    >
      <Table size="small" data-testid="retention-report">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.retention.report.policy')}</TableCell>
            <TableCell>{translate('app.retention.report.cutoff')}</TableCell>
            <TableCell sx={numeric}>{translate('app.retention.report.past')}</TableCell>
            <TableCell>{translate('app.retention.report.oldest')}</TableCell>
            <TableCell sx={numeric}>{translate('app.retention.report.restricted')}</TableCell>
            <TableCell>{translate('app.retention.report.outcome')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((e) => {
            const applies = e.state === 'applies';
            return (
              <TableRow
                key={e.policyId}
                data-policy={e.policyKey}
                sx={applies ? undefined : { '& td': { color: 'text.secondary' } }}
              >
                <TableCell sx={{ minWidth: 180 }}>
                  <Typography
                    variant="body2"
                    sx={{ fontWeight: 600, color: applies ? 'text.primary' : 'text.secondary' }}
                  >
                    {
                      twinText(
                        { ...e, name: e.policyName, nameIt: e.policyNameIt, nameEn: e.policyNameEn },
                        'name',
                        language,
                      ).text
                    }
                  </Typography>
                  <Typography variant="caption" color="text.secondary" component="p">
                    {e.source ? `${translate(`app.retention.sources.${e.source}`, { _: e.source })} · ` : ''}
                    {twinText({ ...e }, 'periodText', language).text}
                  </Typography>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {e.cutoff && e.dateField ? (
                    <>
                      <Typography variant="caption" color="text.secondary" component="p">
                        {translate(`app.retention.report.date_fields.${e.dateField}`, { _: e.dateField })}
                      </Typography>
                      <Typography variant="body2">{f.day(e.cutoff)}</Typography>
                    </>
                  ) : (
                    dash
                  )}
                </TableCell>
                <TableCell
                  sx={{ ...numeric, fontWeight: e.past ? 700 : 400, fontSize: e.past ? '1rem' : undefined }}
                  data-testid="past"
                >
                  {e.past === null ? dash : f.number(e.past)}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.oldest ? f.day(e.oldest) : dash}</TableCell>
                <TableCell sx={numeric}>{e.restricted === null ? dash : f.number(e.restricted)}</TableCell>
                <TableCell sx={{ minWidth: 150 }}>
                  <Outcome entry={e} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
};
