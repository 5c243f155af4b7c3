import FolderOpenOutlinedIcon from '@mui/icons-material/FolderOpenOutlined';
import { Button } from 'react-admin';
import { Link } from 'react-router-dom';

import { requestFilePath } from './requestFilePath';

/** Opens the request's file, for every role: an auditor reads it as the officer does. */
export const RequestFileButton = ({ id }: { id: string }) => (
  <Button label="app.requests.file.open" component={Link} to={requestFilePath(id)}>
    <FolderOpenOutlinedIcon />
  </Button>
);
