import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import type { OtherMail } from '../api';

/** The reasons of a letter that asks no right, as the API writes them (mailbox/mail-triage.ts). */
const COMPLAINT = /^complaint: "(.*)"$/s;
const NO_RIGHT = 'no right asked';

/**
 * Why the message is no request: the kind in words, then what decided — the header, as the API
 * gives it, or for a letter that asks no right the reading in words (with a complaint's own words).
 */
export const TriageReasonField = (_: { label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<OtherMail>();
  if (!record) return null;
  const complaint = record.kind === 'no_request' ? COMPLAINT.exec(record.reason)?.[1] : undefined;
  const reading =
    complaint !== undefined
      ? translate('resources.other-mail.reasons.complaint', { words: complaint })
      : record.kind === 'no_request' && record.reason === NO_RIGHT
        ? translate('resources.other-mail.reasons.no_right')
        : null;
  return (
    <Box>
      <Typography variant="body2" component="div">
        {translate(`resources.other-mail.kinds.${record.kind}`, { _: record.kind })}
      </Typography>
      {reading ? (
        <Typography variant="caption" color="text.secondary" component="div">
          {reading}
        </Typography>
      ) : (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ fontFamily: 'monospace' }}>
          {record.reason}
        </Typography>
      )}
    </Box>
  );
};
