import { Box, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import { intlLocale } from '../i18n';
import { monospaceFontFamily } from '../theme';
import { detailRows, type DetailRow, type Shown } from './details';
import type { LedgerEvent } from './ledgerEvent';

const monospace = { fontFamily: monospaceFontFamily, fontSize: '0.8125rem', wordBreak: 'break-all' } as const;

/**
 * The event's `details` as labelled fields in words (issue 23: the auditor read raw JSON):
 * one line per thing the event keeps, nested ones indented under their label.
 */
export const DetailsField = (_props: Partial<FieldProps<LedgerEvent>>) => {
  const translate = useTranslate();
  const record = useRecordContext<LedgerEvent>();
  if (!record) return null;
  const rows = detailRows(record);
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.audit.no_details')}
      </Typography>
    );
  }
  return <Rows rows={rows} testId="audit-details" />;
};

const Rows = ({ rows, testId }: { rows: DetailRow[]; testId?: string }) => (
  <Box
    component="dl"
    data-testid={testId}
    sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(9rem, max-content) 1fr', columnGap: 2, rowGap: 0.75 }}
  >
    {rows.map((row) => (
      <Row key={row.key} row={row} />
    ))}
  </Box>
);

const Row = ({ row }: { row: DetailRow }) => {
  const translate = useTranslate();
  const label = row.labels.reduceRight<string>((fallback, key) => translate(key, { _: fallback }), row.key);
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Box component="dd" sx={{ m: 0, minWidth: 0 }}>
        <Value value={row.value} />
      </Box>
    </>
  );
};

const Value = ({ value }: { value: Shown }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const intl = intlLocale(locale);
  switch (value.kind) {
    case 'text':
      return (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {value.text}
        </Typography>
      );
    case 'word':
      return <Typography variant="body2">{translate(value.key, { _: value.fallback })}</Typography>;
    case 'number':
      return <Typography variant="body2">{value.value.toLocaleString(intl)}</Typography>;
    case 'date':
      return (
        <Typography variant="body2">
          {new Date(value.dateOnly ? `${value.value}T12:00:00Z` : value.value).toLocaleString(
            intl,
            value.dateOnly ? { dateStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeStyle: 'medium' },
          )}
        </Typography>
      );
    case 'yesno':
      return <Typography variant="body2">{translate(value.value ? 'app.audit.yes' : 'app.audit.no')}</Typography>;
    case 'none':
      return (
        <Typography variant="body2" color="text.secondary">
          {translate('app.audit.none')}
        </Typography>
      );
    case 'list':
      return value.items.every((item) => item.kind === 'word' || item.kind === 'text' || item.kind === 'number') ? (
        <Typography variant="body2">
          {value.items
            .map((item) =>
              item.kind === 'word'
                ? translate(item.key, { _: item.fallback })
                : item.kind === 'text'
                  ? item.text
                  : item.kind === 'number'
                    ? item.value.toLocaleString(intl)
                    : '',
            )
            .join(', ')}
        </Typography>
      ) : (
        <Box sx={{ display: 'grid', rowGap: 0.75 }}>
          {value.items.map((item, i) => (
            <Box key={i} sx={{ pl: 1.5, borderLeft: 2, borderColor: 'divider' }}>
              <Value value={item} />
            </Box>
          ))}
        </Box>
      );
    case 'rows':
      return (
        <Box sx={{ pl: 1.5, borderLeft: 2, borderColor: 'divider' }}>
          <Rows rows={value.rows} />
        </Box>
      );
    case 'code':
      return <Typography sx={monospace}>{value.text}</Typography>;
    case 'records':
      return (
        <Box>
          <Typography variant="body2">{translate('app.audit.records', { smart_count: value.ids.length })}</Typography>
          {value.ids.length > 0 && (
            <Typography sx={{ ...monospace, color: 'text.secondary', fontSize: '0.75rem' }}>
              {value.ids.join(' · ')}
            </Typography>
          )}
        </Box>
      );
    case 'page':
      return (
        <Typography variant="body2">
          {translate('app.audit.page', {
            from: value.from.toLocaleString(intl),
            to: value.to.toLocaleString(intl),
            total: value.total === null ? '?' : value.total.toLocaleString(intl),
          })}
        </Typography>
      );
  }
};
