import type { Lead } from '../api';
import { leadFullName } from './LeadNameField';
import { LeadList } from './LeadList';
import { LeadShow } from './LeadShow';
import { sourceIcon } from '../sources/catalogue';

// Read-only resource: leads arrive through POST /api/ingest/leads.
export default {
  list: LeadList,
  show: LeadShow,
  icon: sourceIcon('leads'),
  recordRepresentation: (record: Lead) => leadFullName(record) || record.email || `#${record.id.slice(0, 8)}`,
};
