import { flaggedOnRow } from '../../erasure/source-restriction';

export const accessLogsRestriction = flaggedOnRow('access_logs');
