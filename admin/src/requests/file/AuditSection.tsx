import { Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

import { actionLabelKey } from '../../audit-events/vocabulary';
import type { AuditChainVerification, AuditEvent } from '../../api';
import { formatInstant } from '../dates';
import { codeSx, FileSection, fileTableSx } from './FileSection';
import { auditTrailOf } from './requestFile';

/**
 * The audit log's events about the request, each with its place in the hash chain, and the state
 * of the whole chain when the file was generated: what lets an auditor check the file against the
 * log (docs/security.md § The audit log). Recomputing the chain takes seconds on a large log, so
 * the rest of the file does not wait for it; until it is done the line says so.
 */
export const AuditSection = ({
  events,
  chain,
  verifying,
}: {
  events: AuditEvent[];
  chain: AuditChainVerification | null;
  verifying: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (key: string, options?: object) => translate(`app.requests.file.audit.${key}`, options);
  const { changes, reads } = auditTrailOf(events);
  let chainLine: string;
  if (!chain) chainLine = t('chain_unknown');
  else if (chain.valid)
    chainLine = t('chain_intact', { count: chain.checked, lastId: chain.checkpoint?.lastId ?? chain.checked });
  else chainLine = t('chain_broken', { id: chain.firstBrokenId ?? '?', reason: chain.reason ?? '' });
  return (
    <FileSection title={t('title')} testId="file-audit">
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('explain')}
      </Typography>
      {changes.length === 0 ? (
        <Typography variant="body2">{t('none')}</Typography>
      ) : (
        <Box component="table" sx={fileTableSx}>
          <thead>
            <tr>
              <th>{t('id')}</th>
              <th>{t('at')}</th>
              <th>{t('action')}</th>
              <th>{t('who')}</th>
              <th>{t('hash')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((event) => (
              <tr key={event.id}>
                <td>{event.id}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{formatInstant(event.at, locale)}</td>
                <td>{translate(actionLabelKey(event.action), { _: event.action })}</td>
                <td>{event.actorEmail ?? translate('app.audit.system_actor')}</td>
                <Box component="td" sx={codeSx}>
                  {event.hash}
                </Box>
              </tr>
            ))}
          </tbody>
        </Box>
      )}
      {reads > 0 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('reads', { count: reads })}
        </Typography>
      )}
      {verifying ? (
        <Typography variant="body2" sx={{ mt: 1 }} data-testid="file-chain-verifying" role="status">
          {t('chain_verifying')}
        </Typography>
      ) : (
        <Typography variant="body2" sx={{ mt: 1 }} data-testid="file-chain">
          {chainLine}
        </Typography>
      )}
    </FileSection>
  );
};
