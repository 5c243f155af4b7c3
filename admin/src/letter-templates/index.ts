import DraftsOutlinedIcon from '@mui/icons-material/DraftsOutlined';

import { LetterTemplateEdit } from './LetterTemplateEdit';
import { LetterTemplateList } from './LetterTemplateList';
import { LetterTemplateShow } from './LetterTemplateShow';

export default {
  list: LetterTemplateList,
  show: LetterTemplateShow,
  edit: LetterTemplateEdit,
  icon: DraftsOutlinedIcon,
};
