import ReceiptLongOutlinedIcon from '@mui/icons-material/ReceiptLongOutlined';

import type { AuditEvent } from '../api';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

// Read-only resource: the audit log is written by the API only.
export default {
  list: AuditEventList,
  show: AuditEventShow,
  icon: ReceiptLongOutlinedIcon,
  recordRepresentation: (record: AuditEvent) => `#${record.id}`,
};
