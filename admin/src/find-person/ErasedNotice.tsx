import { Alert, AlertTitle } from '@mui/material';
import DeleteSweepOutlinedIcon from '@mui/icons-material/DeleteSweepOutlined';
import { LinkBase, useLocaleState, useTranslate } from 'react-admin';

import { formatInstant } from '../requests/dates';
import type { ErasedIdentifier } from '../api';

const E = 'app.find_person.erased';

/**
 * "Erased on <date> by request <reference>": the searched e-mail or phone is on the suppression
 * list, so an empty search is the erasure (Art. 17), not a typing error. The date is the day the
 * erasure completed (else the day it started), in Rome, in the officer's language.
 */
export const ErasedNotice = ({ erased, dense = false }: { erased: ErasedIdentifier; dense?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const date = formatInstant(erased.completedAt ?? erased.since, locale, {
    dateStyle: 'long',
    timeZone: 'Europe/Rome',
  });
  const request = erased.requestId ? (
    <LinkBase to={`/requests/${encodeURIComponent(erased.requestId)}/show`} data-testid="erased-request-link">
      {erased.reference ?? translate(`${E}.request`)}
    </LinkBase>
  ) : (
    translate(`${E}.request_gone`)
  );
  const [before, after] = translate(erased.completedAt ? `${E}.title` : `${E}.title_running`, {
    date,
    reference: '\u0000',
  }).split('\u0000');
  return (
    <Alert
      severity="info"
      icon={<DeleteSweepOutlinedIcon />}
      data-testid="erased-notice"
      data-reference={erased.reference ?? ''}
      sx={dense ? { py: 0, '& .MuiAlert-message': { py: 0.75 } } : undefined}
    >
      <AlertTitle sx={{ mb: dense ? 0 : undefined, fontWeight: 600 }}>
        {before}
        {request}
        {after}
      </AlertTitle>
      {!dense && translate(`${E}.help`)}
      {erased.refusedCount > 0 && (
        <>
          {!dense && ' '}
          {translate(`${E}.refused`, { smart_count: erased.refusedCount })}
        </>
      )}
    </Alert>
  );
};
