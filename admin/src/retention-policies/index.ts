import HourglassBottomOutlinedIcon from '@mui/icons-material/HourglassBottomOutlined';

import { RetentionPolicyCreate, RetentionPolicyEdit } from './RetentionPolicyForm';
import { RetentionPolicyList } from './RetentionPolicyList';
import { RetentionPolicyShow } from './RetentionPolicyShow';

export default {
  list: RetentionPolicyList,
  show: RetentionPolicyShow,
  edit: RetentionPolicyEdit,
  create: RetentionPolicyCreate,
  icon: HourglassBottomOutlinedIcon,
  recordRepresentation: 'name',
};
