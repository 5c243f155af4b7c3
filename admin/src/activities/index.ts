import AccountTreeOutlinedIcon from '@mui/icons-material/AccountTreeOutlined';

import { ActivityCreate, ActivityEdit } from './ActivityForm';
import { ActivityList } from './ActivityList';
import { ActivityShow } from './ActivityShow';
import { twinName } from '../registers/TwinField';

export default {
  list: ActivityList,
  show: ActivityShow,
  edit: ActivityEdit,
  create: ActivityCreate,
  icon: AccountTreeOutlinedIcon,
  recordRepresentation: twinName,
};
