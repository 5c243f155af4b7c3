import VpnKeyOutlinedIcon from '@mui/icons-material/VpnKeyOutlined';

import type { ApiKey } from '../api';
import { ApiKeyCreate } from './ApiKeyCreate';
import { ApiKeyList } from './ApiKeyList';

// Admins only (authProvider.canAccess). No edit: a key is created, used, then revoked.
export default {
  list: ApiKeyList,
  create: ApiKeyCreate,
  icon: VpnKeyOutlinedIcon,
  recordRepresentation: (record: ApiKey) => record.name,
};
