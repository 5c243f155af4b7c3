import { Box, Chip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

import { monospaceFontFamily } from '../../theme';
import type { ErasureSourceReport, ErasureStepStatus } from '../../api';
import { Folded, sourceName } from './shared';
import { T, ACTION_COLORS } from './erasureText';
import { StepStatusChip } from './StepStatusChip';

/** One source of the preview: what happens to it, and the records it changes. */
export const SourcePreview = ({ source, ipsGiven }: { source: ErasureSourceReport; ipsGiven: boolean }) => {
  const translate = useTranslate();
  const finished = source.status === 'done' || source.status === 'waived';
  const empty = source.total === 0;
  return (
    <Box data-testid={`erasure-preview-${source.source}`} data-total={source.total} sx={{ py: 1.25 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
        <Typography
          variant="subtitle2"
          component="h3"
          sx={{ flex: 1, color: empty ? 'text.secondary' : 'text.primary' }}
        >
          {sourceName(translate, source.source)}
        </Typography>
        {finished ? (
          <StepStatusChip status={source.status as ErasureStepStatus} />
        ) : (
          <Typography
            variant="body2"
            sx={{ fontWeight: empty ? 400 : 600, color: empty ? 'text.secondary' : 'text.primary' }}
          >
            {empty
              ? translate(source.source === 'access-logs' && !ipsGiven ? `${T}.dialog.no_ips` : `${T}.dialog.nothing`)
              : translate('app.requests.rights.records', { smart_count: source.total })}
          </Typography>
        )}
      </Box>
      {!empty && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
            {translate(`${T}.strategies.${source.source}`)}
          </Typography>
          <Box
            component="ul"
            sx={{ listStyle: 'none', m: 0, mt: 0.75, p: 0, display: 'flex', flexDirection: 'column', gap: 0.5 }}
          >
            <Folded
              items={source.records}
              render={(record) => (
                <Box component="li" key={record.id} sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}>
                  <Chip
                    size="small"
                    variant="outlined"
                    color={ACTION_COLORS[record.action] ?? 'default'}
                    label={translate(`${T}.actions.${record.action}`, { _: record.action })}
                    sx={{ height: 20, fontSize: '0.75rem', flexShrink: 0, minWidth: 64 }}
                  />
                  <Typography
                    variant="body2"
                    sx={{
                      overflowWrap: 'anywhere',
                      fontFamily: source.source === 'access-logs' ? monospaceFontFamily : undefined,
                    }}
                  >
                    {record.summary}
                  </Typography>
                </Box>
              )}
            />
            {source.total > source.records.length && (
              <Typography component="li" variant="body2" color="text.secondary">
                {translate('app.requests.rights.more', { count: source.total - source.records.length })}
              </Typography>
            )}
          </Box>
        </>
      )}
    </Box>
  );
};
