import { Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import type { LedgerEvent } from './ledgerEvent';
import { SUBJECT_SOURCES } from '../sources/catalogue';
import { valueWordKey } from './details';

const MAX = 90;
const short = (text: string) => (text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text);

/**
 * What the event was about, in a line: what was searched, the source read or received, or the
 * reason given. The action itself is in its own column.
 */
export const SummaryField = (_props: Partial<FieldProps<LedgerEvent>>) => {
  const translate = useTranslate();
  const record = useRecordContext<LedgerEvent>();
  if (!record) return null;
  const details = record.details ?? {};
  let text: string | null = null;
  if (record.action === 'subject.searched' && typeof details.query === 'string') {
    text = translate('app.audit.searched', { query: details.query });
  } else if ((SUBJECT_SOURCES as readonly string[]).includes(record.entity)) {
    text = translate(`app.menu.sources.${record.entity}`);
  } else {
    const why = details.reason ?? details.why ?? details.justification;
    if (typeof why === 'string' && why.trim()) text = translate(valueWordKey(why), { _: why });
  }
  if (!text) return null;
  return (
    <Typography component="span" variant="body2" sx={{ overflowWrap: 'anywhere' }}>
      {short(text)}
    </Typography>
  );
};
