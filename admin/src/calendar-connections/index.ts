import type { CalendarConnection } from '../api';
import { CalendarConnectionList } from './CalendarConnectionList';
import { CalendarConnectionShow } from './CalendarConnectionShow';
import { sourceIcon } from '../sources/catalogue';

// Read-only resource: connections arrive through POST /api/ingest/calendar-connections.
export default {
  list: CalendarConnectionList,
  show: CalendarConnectionShow,
  icon: sourceIcon('calendar-connections'),
  recordRepresentation: (record: CalendarConnection) => record.accountEmail,
};
