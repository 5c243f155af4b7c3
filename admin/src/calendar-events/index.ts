import type { CalendarEvent } from '../api';
import { CalendarEventList } from './CalendarEventList';
import { CalendarEventShow } from './CalendarEventShow';
import { sourceIcon } from '../sources/catalogue';

// Read-only resource: events arrive through POST /api/ingest/calendar-events.
export default {
  list: CalendarEventList,
  show: CalendarEventShow,
  icon: sourceIcon('calendar-events'),
  recordRepresentation: (record: CalendarEvent) => record.title,
};
