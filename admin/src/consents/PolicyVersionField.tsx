import { useLocaleState, useRecordContext } from 'react-admin';

import { formatDay } from '../requests/dates';
import type { ConsentRecord } from '../api';

/** The cookie policy's version: the banner sends its date (2026-06-11), said as a date in words. */
export const PolicyVersionField = () => {
  const record = useRecordContext<ConsentRecord>();
  const [locale] = useLocaleState();
  if (!record) return null;
  const version = record.policyVersion;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(version) ? formatDay(version, locale, 'long') : null;
  return <span>{day ?? version}</span>;
};
