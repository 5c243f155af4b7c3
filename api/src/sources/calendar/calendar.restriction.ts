import { flaggedOnRow } from '../../erasure/source-restriction';

export const calendarConnectionsRestriction = flaggedOnRow('calendar_connections');

export const calendarEventsRestriction = flaggedOnRow('calendar_events');
