import { flaggedOnRow } from '../../erasure/source-restriction';

export const consentsRestriction = flaggedOnRow('consent_records');
