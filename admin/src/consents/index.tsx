import { ConsentTitle } from './ConsentTitle';
import { ConsentList } from './ConsentList';
import { ConsentShow } from './ConsentShow';
import { sourceIcon } from '../sources/catalogue';

// Read-only resource: consents arrive through POST /api/ingest/consents.
export default {
  list: ConsentList,
  show: ConsentShow,
  icon: sourceIcon('consents'),
  recordRepresentation: <ConsentTitle />,
};
