import EventNoteOutlinedIcon from '@mui/icons-material/EventNoteOutlined';

import type { CalendarEvent } from '../types';
import { CalendarEventList } from './CalendarEventList';
import { CalendarEventShow } from './CalendarEventShow';

// Read-only resource: events arrive through POST /api/ingest/calendar-events.
export default {
  list: CalendarEventList,
  show: CalendarEventShow,
  icon: EventNoteOutlinedIcon,
  recordRepresentation: (record: CalendarEvent) => record.title,
};
