import LanguageOutlinedIcon from '@mui/icons-material/LanguageOutlined';

import type { AccessLog } from '../types';
import { AccessLogList } from './AccessLogList';
import { AccessLogShow } from './AccessLogShow';

// Read-only resource: access-log lines arrive through POST /api/ingest/access-logs.
export default {
  list: AccessLogList,
  show: AccessLogShow,
  icon: LanguageOutlinedIcon,
  recordRepresentation: (record: AccessLog) => `${record.method} ${record.path}`,
};
