import { flaggedOnRow } from '../../erasure/source-restriction';

export const leadsRestriction = flaggedOnRow('leads');
