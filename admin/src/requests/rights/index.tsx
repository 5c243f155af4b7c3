import type { DataSubjectRequest } from '../../api';
import { ErasureCard } from './ErasureCard';
import { LegalHoldsCard } from './LegalHoldsCard';
import { ObjectionCard } from './ObjectionCard';
import { RecipientsCard } from './RecipientsCard';
import { ReviewCard } from './ReviewCard';
import { RectificationCard } from './RectificationCard';
import { RestrictionCard } from './RestrictionCard';
import { WithdrawalCard } from './WithdrawalCard';

export { useErasureStatus } from './shared';

/**
 * What the officer does to the subject's data, by the request's type (docs/erasure.md): erase
 * (Art. 17) with its legal holds (Art. 17(3)), rectify (Art. 16), restrict (Art. 18: also while a
 * rectification or an objection is checked), decide an objection (Art. 21), stop the processing
 * based on consent (Art. 7(3)); then the recipients to tell (Art. 19).
 * Every role sees the state; only staff, on an open and verified request, get the buttons.
 */
export const RequestRights = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const type = request.type;
  return (
    <>
      {type === 'erasure' && <ErasureCard request={request} canAct={canAct} />}
      {type === 'erasure' && <LegalHoldsCard request={request} canAct={canAct} />}
      {type === 'rectification' && <RectificationCard request={request} canAct={canAct} />}
      {type === 'consent_withdrawal' && <WithdrawalCard request={request} canAct={canAct} />}
      {type === 'objection' && <ObjectionCard request={request} canAct={canAct} />}
      {(type === 'restriction' || type === 'rectification' || type === 'objection') && (
        <RestrictionCard request={request} canAct={canAct} />
      )}
      {type === 'access' && <ReviewCard request={request} canAct={canAct} />}
      <RecipientsCard request={request} canAct={canAct} />
    </>
  );
};
