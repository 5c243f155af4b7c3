import type { AccessLog } from '../api';
import { AccessLogList } from './AccessLogList';
import { AccessLogShow } from './AccessLogShow';
import { sourceIcon } from '../sources/catalogue';

// Read-only resource: access-log lines arrive through POST /api/ingest/access-logs.
export default {
  list: AccessLogList,
  show: AccessLogShow,
  icon: sourceIcon('access-logs'),
  recordRepresentation: (record: AccessLog) => `${record.method} ${record.path}`,
};
