import PeopleOutlineIcon from '@mui/icons-material/PeopleOutline';

import type { User } from '../api';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

export default {
  list: UserList,
  show: UserShow,
  edit: UserEdit,
  create: UserCreate,
  icon: PeopleOutlineIcon,
  recordRepresentation: (record: User) => record.fullName || record.email,
};
