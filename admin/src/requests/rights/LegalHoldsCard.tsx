import { Alert, Skeleton } from '@mui/material';
import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../../dataProvider';
import type { DataSubjectRequest, LegalHold } from '../../api';
import { ActionButton } from './ActionButton';
import { HoldRow } from './HoldRow';
import { H, holdInForce } from './holdsText';
import { LiftHoldDialog } from './LiftHoldDialog';
import { PlaceHoldDialog } from './PlaceHoldDialog';
import { R } from './rightsText';
import { Quiet, RightsCard, awaitsVerification, canChangeData } from './shared';

/**
 * The legal holds of an erasure request (Art. 17(3)): what the erasure keeps, why and until when.
 * Staff place one on an open, verified request; a hold in force can be lifted even after the
 * request is closed (the API allows it: the next run of the erasure then erases what it kept).
 */
export const LegalHoldsCard = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  // Every read of the holds is audited: once per page view and after a change, not on focus.
  const { data, isPending, error } = useQuery({
    queryKey: ['requests', request.id, 'holds'],
    queryFn: () => dataProvider.requestHolds(request.id),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const [placing, setPlacing] = useState(false);
  const [lifting, setLifting] = useState<LegalHold | null>(null);
  const actionable = canChangeData(request, canAct);
  const holds = data?.holds ?? [];

  let body;
  if (isPending) body = <Skeleton height={48} />;
  else if (error) body = <Alert severity="warning">{translate(`${R}.error`)}</Alert>;
  else if (!holds.length)
    body = (
      <Quiet testId="legal-holds-none">
        {translate(awaitsVerification(request, canAct) ? `${R}.verify_first` : `${H}.none`)}
      </Quiet>
    );
  else
    body = holds.map((hold) => (
      <HoldRow
        key={hold.id}
        hold={hold}
        onLift={canAct && holdInForce(hold.state) ? () => setLifting(hold) : undefined}
      />
    ));

  return (
    <RightsCard
      testId="legal-holds-card"
      icon={<GavelOutlinedIcon color="primary" />}
      title={translate(`${H}.title`)}
      subtitle={translate(`${H}.subtitle`)}
    >
      {body}
      {actionable && (
        <ActionButton icon={<GavelOutlinedIcon />} label={`${H}.place`} onClick={() => setPlacing(true)} />
      )}
      {placing && <PlaceHoldDialog request={request} onClose={() => setPlacing(false)} />}
      {lifting && <LiftHoldDialog request={request} hold={lifting} onClose={() => setLifting(null)} />}
    </RightsCard>
  );
};
