import { Alert, Box, Button, Typography } from '@mui/material';
import LockOpenOutlinedIcon from '@mui/icons-material/LockOpenOutlined';
import { useLocaleState, useTranslate } from 'react-admin';

import { formatInstant } from '../dates';
import type { LegalHold } from '../../api';
import { HoldStateChip } from './HoldStateChip';
import { H, groundName } from './holdsText';
import { sourceName } from './shared';

const LONG_DAY = { dateStyle: 'long' } as const;

/** One legal hold: what it keeps, on which ground, until when, its state; lifting when `onLift` is given. */
export const HoldRow = ({ hold, onLift }: { hold: LegalHold; onLift?: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const what =
    hold.scope === 'record'
      ? translate(`${H}.what_record`, { source: sourceName(translate, hold.source), id: hold.recordId ?? '—' })
      : translate(`${H}.what_source`, { source: sourceName(translate, hold.source), smart_count: hold.records.length });
  const until = hold.endsAt
    ? translate(`${H}.until`, { date: formatInstant(hold.endsAt, locale, LONG_DAY) })
    : translate(hold.state === 'review_due' ? `${H}.review_overdue` : `${H}.review_by`, {
        date: formatInstant(hold.reviewAt, locale, LONG_DAY),
      });
  return (
    <Box
      data-testid="legal-hold"
      data-hold-id={hold.id}
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        p: 1.5,
        display: 'flex',
        flexDirection: 'column',
        gap: 0.5,
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, justifyContent: 'space-between' }}>
        <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {what}
        </Typography>
        <HoldStateChip state={hold.state} />
      </Box>
      <Typography variant="body2">
        {groundName(translate, hold.ground)}
        {hold.legalReference && ` · ${translate(`${H}.reference`, { reference: hold.legalReference })}`}
      </Typography>
      <Typography variant="body2" color={hold.state === 'review_due' ? 'warning.main' : 'text.primary'}>
        {until}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {translate(`${H}.why`, { reason: hold.reason })}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {translate(`${H}.placed`, { by: hold.placedBy, date: formatInstant(hold.placedAt, locale) })}
      </Typography>
      {hold.liftedAt && (
        <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {translate(`${H}.lifted`, {
            by: hold.liftedBy ?? '—',
            date: formatInstant(hold.liftedAt, locale),
            reason: hold.liftReason ?? '—',
          })}
        </Typography>
      )}
      {hold.freed > 0 && (
        <Alert severity="info" sx={{ py: 0 }} data-testid="hold-freed">
          {translate(`${H}.freed`, { smart_count: hold.freed })}
        </Alert>
      )}
      {onLift && (
        <Box>
          <Button size="small" variant="outlined" startIcon={<LockOpenOutlinedIcon />} onClick={onLift}>
            {translate(`${H}.lift`)}
          </Button>
        </Box>
      )}
    </Box>
  );
};
