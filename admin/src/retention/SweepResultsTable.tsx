import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

import { twinText } from '../../../api/src/registers/twins';
import { useTwinLanguage } from '../registers/TwinField';
import { formatters } from './format';
import type { SweepSourceResult, SweepSourceStatus } from '../api';

const statusColors: Record<SweepSourceStatus, 'success' | 'info' | 'default' | 'error' | 'warning'> = {
  done: 'success',
  previewed: 'info',
  kept: 'default',
  skipped: 'default',
  failed: 'error',
  not_reached: 'warning',
};

export const SweepStatusChip = ({ status }: { status: SweepSourceStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={statusColors[status]}
      variant={status === 'kept' || status === 'skipped' ? 'outlined' : 'filled'}
      label={translate(`app.retention.statuses.${status}`)}
    />
  );
};

/**
 * What one sweep or dry run did, per retention policy that applies to the
 * console's data (the others are left out: nothing happens to them).
 */
export const SweepResultsTable = ({ results, dryRun }: { results: SweepSourceResult[]; dryRun: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const f = formatters(locale);
  const language = useTwinLanguage();
  const rows = results.filter((r) => r.state === 'applies');
  const numeric = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;
  return (
    <Box
      sx={{ overflowX: 'auto', contain: 'inline-size' }}
      tabIndex={0}
      role="region"
      aria-label={translate('app.retention.title')}
    >
      <Table size="small" data-testid="sweep-results">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.retention.result.policy')}</TableCell>
            <TableCell>{translate('app.retention.result.status')}</TableCell>
            <TableCell sx={numeric}>{translate('app.retention.result.due')}</TableCell>
            {!dryRun && <TableCell sx={numeric}>{translate('app.retention.result.changed')}</TableCell>}
            <TableCell sx={numeric}>{translate('app.retention.result.restricted')}</TableCell>
            {!dryRun && <TableCell sx={numeric}>{translate('app.retention.result.index_rows')}</TableCell>}
            {!dryRun && <TableCell sx={numeric}>{translate('app.retention.result.batches')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.policyKey} data-policy={r.policyKey}>
              <TableCell>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {
                    twinText({ name: r.policyName, nameIt: r.policyNameIt, nameEn: r.policyNameEn }, 'name', language)
                      .text
                  }
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate(`app.retention.actions.${r.action}`)}
                  {r.source ? ` · ${translate(`app.retention.sources.${r.source}`, { _: r.source })}` : ''}
                </Typography>
                {r.revokedTokens ? (
                  <Typography variant="caption" component="p" data-testid="revoked-tokens">
                    {translate(`app.retention.result.revoked_tokens${dryRun ? '_dry' : ''}`, {
                      smart_count: r.revokedTokens,
                    })}
                  </Typography>
                ) : null}
                {r.error && (
                  <Typography variant="caption" color="error" component="p">
                    {r.error}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <SweepStatusChip status={r.status} />
              </TableCell>
              <TableCell sx={numeric}>{f.number(r.due)}</TableCell>
              {!dryRun && (
                <TableCell sx={{ ...numeric, fontWeight: r.changed ? 700 : 400 }}>{f.number(r.changed)}</TableCell>
              )}
              <TableCell sx={numeric}>{f.number(r.restricted)}</TableCell>
              {!dryRun && <TableCell sx={numeric}>{f.number(r.indexRows)}</TableCell>}
              {!dryRun && <TableCell sx={numeric}>{f.number(r.batches)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
