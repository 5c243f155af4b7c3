import ReportGmailerrorredOutlinedIcon from '@mui/icons-material/ReportGmailerrorredOutlined';

import { BreachCreate } from './BreachCreate';
import { BreachEdit } from './BreachEdit';
import { BreachList } from './BreachList';
import { BreachShow } from './BreachShow';

export default {
  list: BreachList,
  show: BreachShow,
  edit: BreachEdit,
  create: BreachCreate,
  icon: ReportGmailerrorredOutlinedIcon,
  recordRepresentation: 'title',
};
