import BusinessOutlinedIcon from '@mui/icons-material/BusinessOutlined';

import { ProcessorCreate, ProcessorEdit } from './ProcessorForm';
import { ProcessorList } from './ProcessorList';
import { ProcessorShow } from './ProcessorShow';

export default {
  list: ProcessorList,
  show: ProcessorShow,
  edit: ProcessorEdit,
  create: ProcessorCreate,
  icon: BusinessOutlinedIcon,
  recordRepresentation: 'name',
};
