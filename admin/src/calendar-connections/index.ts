import EventAvailableOutlinedIcon from '@mui/icons-material/EventAvailableOutlined';

import type { CalendarConnection } from '../types';
import { CalendarConnectionList } from './CalendarConnectionList';
import { CalendarConnectionShow } from './CalendarConnectionShow';

// Read-only resource: connections arrive through POST /api/ingest/calendar-connections.
export default {
  list: CalendarConnectionList,
  show: CalendarConnectionShow,
  icon: EventAvailableOutlinedIcon,
  recordRepresentation: (record: CalendarConnection) => record.accountEmail,
};
