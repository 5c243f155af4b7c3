import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { formatInstant } from '../requests/dates';
import type { ConsentRecord } from '../api';

/** "Consent · 5 Nov 2026, 19:00": a consent is named by when it was given, never by its id. */
export const ConsentTitle = () => {
  const record = useRecordContext<ConsentRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  return <>{translate('resources.consents.title', { date: formatInstant(record.recordedAt, locale) })}</>;
};
