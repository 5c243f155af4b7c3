import { Skeleton } from '@mui/material';
import BackHandOutlinedIcon from '@mui/icons-material/BackHandOutlined';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

import { formatInstant } from '../dates';
import type { DataSubjectRequest, WithdrawalEffect } from '../../api';
import { Quiet, RightsCard, awaitsVerification, canChangeData, lastOf, useRequestEvents } from './shared';
import { R } from './rightsText';
import { EffectsTable } from './EffectsTable';
import { ActionButton } from './ActionButton';
import { WithdrawDialog } from './WithdrawDialog';

/** Objections and withdrawals of consent: the Stop processing dialog and what the last one stopped. */
export const WithdrawalCard = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const { data: events, isPending } = useRequestEvents(request);
  const last = lastOf(events, ['consent_withdrawn', 'objection_recorded']);
  const actionable = canChangeData(request, canAct);
  const kind = request.type === 'objection' ? 'objection' : 'consent_withdrawal';
  return (
    <RightsCard
      testId="withdrawal-card"
      icon={<BackHandOutlinedIcon color="primary" />}
      title={translate(`${R}.withdrawal.title_${kind}`)}
      subtitle={translate(`${R}.withdrawal.subtitle_${kind}`)}
    >
      {isPending ? (
        <Skeleton height={40} />
      ) : last ? (
        <>
          <Quiet>
            {translate(`${R}.withdrawal.last`, {
              date: formatInstant(last.at, locale),
              consentId: typeof last.details?.consentId === 'string' ? last.details.consentId : '—',
            })}
          </Quiet>
          <EffectsTable effects={(last.details?.effects ?? []) as WithdrawalEffect[]} />
        </>
      ) : (
        <Quiet>
          {translate(awaitsVerification(request, canAct) ? `${R}.verify_first` : `${R}.withdrawal.none_yet`)}
        </Quiet>
      )}
      {actionable && (
        <ActionButton icon={<BackHandOutlinedIcon />} label={`${R}.withdrawal.button`} onClick={() => setOpen(true)} />
      )}
      {open && <WithdrawDialog request={request} onClose={() => setOpen(false)} />}
    </RightsCard>
  );
};
