import { Alert, AlertTitle, Box, Link } from '@mui/material';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import VisibilityOffOutlinedIcon from '@mui/icons-material/VisibilityOffOutlined';
import type { ReactNode } from 'react';
import { LinkBase, useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { intlLocale } from '../i18n';
import type { Restrictable } from '../api';
import { FlagChip } from './FlagChip';
import { ProcessingStopChip } from './ProcessingStopChip';
import { ProcessingStopNotice } from './ProcessingStopNotice';

/**
 * What a source's record may carry: an Art. 18 restriction, the objection or withdrawal stops it
 * was stored under (Art. 21, Art. 7(3)), and (chats) an erasure's anonymisation.
 */
type Flagged = Restrictable & { id?: string | number; anonymisedAt?: string | null };

const useFormatDate = () => {
  const [locale] = useLocaleState();
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium' });
  return (iso: string) => format.format(new Date(iso));
};

/**
 * The record's flags as small chips after its main value, in a list or a search result:
 * "Restricted" (GDPR Art. 18: kept, not used, never swept), "Processing stopped" (stored after
 * an objection or a withdrawal stopped its activity) and "Anonymised" (a chat whose person was
 * erased). Without a flag, the children alone.
 */
export const RecordFlags = ({ record: given, children }: { record?: Flagged; children?: ReactNode }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const context = useRecordContext<Flagged>();
  const record = given ?? context;
  const stops = record?.processingStops ?? [];
  if (!record || (!record.restrictedAt && !record.anonymisedAt && !stops.length)) return <>{children}</>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, flexWrap: 'wrap' }}>
      {children}
      {record.restrictedAt && (
        <FlagChip
          testId="restricted-flag"
          icon={<LockOutlinedIcon />}
          label={translate('app.sources.restricted')}
          help={translate('app.sources.restricted_help', { date: formatDate(record.restrictedAt) })}
          warning
        />
      )}
      {stops.length > 0 && <ProcessingStopChip stops={stops} />}
      {record.anonymisedAt && (
        <FlagChip
          testId="anonymised-flag"
          icon={<VisibilityOffOutlinedIcon />}
          label={translate('app.sources.anonymised')}
          help={translate('app.sources.anonymised_help', { date: formatDate(record.anonymisedAt) })}
        />
      )}
    </Box>
  );
};

/** The request that restricted a record, by its reference, linking to it. */
const RestrictingRequest = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const { data } = useGetOne<{ id: string; reference: string }>('requests', { id }, { retry: false });
  return (
    <Link
      component={LinkBase}
      to={`/requests/${encodeURIComponent(id)}/show`}
      sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}
    >
      {data?.reference ?? translate('app.sources.open_request')}
    </Link>
  );
};

/** On a record's page: why it is flagged, and since when, above its fields. */
export const RecordFlagsNotice = () => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const record = useRecordContext<Flagged>();
  const stops = record?.processingStops ?? [];
  if (!record || (!record.restrictedAt && !record.anonymisedAt && !stops.length)) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, mb: 2.5 }}>
      {record.restrictedAt && (
        <Alert severity="warning" icon={<LockOutlinedIcon />} data-testid="restriction-notice">
          <AlertTitle>{translate('app.sources.restricted_title')}</AlertTitle>
          {translate('app.sources.restricted_notice', { date: formatDate(record.restrictedAt) })}
          {record.restrictedByRequestId && (
            <>
              {' '}
              {translate('app.sources.restricted_by')} <RestrictingRequest id={record.restrictedByRequestId} />
            </>
          )}
        </Alert>
      )}
      {stops.length > 0 && <ProcessingStopNotice stops={stops} />}
      {record.anonymisedAt && (
        <Alert severity="info" icon={<VisibilityOffOutlinedIcon />} data-testid="anonymised-notice">
          {translate('app.sources.anonymised_notice', { date: formatDate(record.anonymisedAt) })}
        </Alert>
      )}
    </Box>
  );
};
