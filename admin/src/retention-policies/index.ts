import HourglassBottomOutlinedIcon from '@mui/icons-material/HourglassBottomOutlined';

import { RetentionPolicyCreate, RetentionPolicyEdit } from './RetentionPolicyForm';
import { RetentionPolicyList } from './RetentionPolicyList';
import { RetentionPolicyShow } from './RetentionPolicyShow';
import { twinName } from '../registers/TwinField';

export default {
  list: RetentionPolicyList,
  show: RetentionPolicyShow,
  edit: RetentionPolicyEdit,
  create: RetentionPolicyCreate,
  icon: HourglassBottomOutlinedIcon,
  recordRepresentation: twinName,
};
