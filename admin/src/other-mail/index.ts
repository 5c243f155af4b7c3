import MarkEmailUnreadOutlinedIcon from '@mui/icons-material/MarkEmailUnreadOutlined';

import { OtherMailList } from './OtherMailList';
import { OtherMailShow } from './OtherMailShow';

export default {
  list: OtherMailList,
  show: OtherMailShow,
  icon: MarkEmailUnreadOutlinedIcon,
  recordRepresentation: 'subject',
};
