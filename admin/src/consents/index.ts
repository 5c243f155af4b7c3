import CookieOutlinedIcon from '@mui/icons-material/CookieOutlined';

import type { ConsentRecord } from '../types';
import { ConsentList } from './ConsentList';
import { ConsentShow } from './ConsentShow';

// Read-only resource: consents arrive through POST /api/ingest/consents.
export default {
  list: ConsentList,
  show: ConsentShow,
  icon: CookieOutlinedIcon,
  recordRepresentation: (record: ConsentRecord) => record.consentId,
};
