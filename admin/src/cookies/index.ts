import CookieOutlinedIcon from '@mui/icons-material/CookieOutlined';

import { CookieCreate, CookieEdit } from './CookieForm';
import { CookieList } from './CookieList';
import { CookieShow } from './CookieShow';

export default {
  list: CookieList,
  show: CookieShow,
  edit: CookieEdit,
  create: CookieCreate,
  icon: CookieOutlinedIcon,
  recordRepresentation: 'name',
};
