import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';

import { RequestCreate } from './RequestCreate';
import { RequestEdit } from './RequestEdit';
import { RequestList } from './RequestList';
import { RequestShow } from './RequestShow';
import type { DataSubjectRequest } from '../api';

export default {
  list: RequestList,
  show: RequestShow,
  edit: RequestEdit,
  create: RequestCreate,
  icon: AssignmentIndOutlinedIcon,
  recordRepresentation: (record: DataSubjectRequest) => record.reference,
};
