import type { ObjectionDecision, RequestEvent } from '../../api';
import { H } from './holdsText';
import type { KnownRefusal } from './explainError';
import { R } from './rightsText';

export const O = 'app.requests.rights.objection';

/** The decision a timeline line `objection_decided` records (its details are the API's answer). */
export const decisionOf = (event: RequestEvent): Omit<ObjectionDecision, 'reference'> => {
  const details = (event.details ?? {}) as Partial<ObjectionDecision>;
  return {
    outcome: details.outcome === 'objection_refused' ? 'objection_refused' : 'processing_stopped',
    directMarketing: !!details.directMarketing,
    assessment: details.assessment ?? null,
    grounds: details.grounds ?? null,
    activities: details.activities ?? [],
    identifiersFlagged: details.identifiersFlagged ?? 0,
    statement: details.statement ?? event.message ?? null,
  };
};

/** The refusals of `POST .../objection-decision` the officer reads in their language. */
export const DECISION_REFUSALS: KnownRefusal[] = [
  { status: 409, message: /names no e-mail or phone/, key: `${O}.errors.no_identifier` },
  { status: 409, message: /^Verify the subject/, key: `${R}.verify_first` },
  { status: 409, message: /^Nothing more can be done/, key: `${H}.errors.closed` },
  { status: 400, field: /^activityIds/, key: `${O}.errors.activities` },
  { status: 400, field: 'grounds', key: `${O}.errors.grounds` },
];
