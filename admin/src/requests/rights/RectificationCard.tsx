import { Skeleton } from '@mui/material';
import EditNoteOutlinedIcon from '@mui/icons-material/EditNoteOutlined';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

import { formatInstant } from '../dates';
import type { DataSubjectRequest, RecordChange } from '../../api';
import { Quiet, RightsCard, awaitsVerification, canChangeData, lastOf, useRequestEvents } from './shared';
import { R } from './rightsText';
import { ChangesTable } from './ChangesTable';
import { ActionButton } from './ActionButton';
import { RectifyDialog } from './RectifyDialog';

/** Rectification requests: the Rectify dialog and what the last rectification changed. */
export const RectificationCard = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const { data: events, isPending } = useRequestEvents(request);
  const last = lastOf(events, ['rectified']);
  const changes = (last?.details?.changes ?? []) as RecordChange[];
  const actionable = canChangeData(request, canAct);
  return (
    <RightsCard
      testId="rectification-card"
      icon={<EditNoteOutlinedIcon color="primary" />}
      title={translate(`${R}.rectification.title`)}
      subtitle={translate(`${R}.rectification.subtitle`)}
    >
      {isPending ? (
        <Skeleton height={40} />
      ) : last ? (
        <>
          <Quiet>{translate(`${R}.rectification.last`, { date: formatInstant(last.at, locale) })}</Quiet>
          <ChangesTable changes={changes} />
        </>
      ) : (
        <Quiet>
          {translate(awaitsVerification(request, canAct) ? `${R}.verify_first` : `${R}.rectification.none_yet`)}
        </Quiet>
      )}
      {actionable && (
        <ActionButton
          icon={<EditNoteOutlinedIcon />}
          label={`${R}.rectification.button`}
          onClick={() => setOpen(true)}
        />
      )}
      {open && <RectifyDialog request={request} onClose={() => setOpen(false)} />}
    </RightsCard>
  );
};

// ---------------------------------------------------------------------------
// Restriction (Art. 18)
// ---------------------------------------------------------------------------
