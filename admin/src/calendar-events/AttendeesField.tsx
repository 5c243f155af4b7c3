import { IconButton, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import PersonSearchOutlinedIcon from '@mui/icons-material/PersonSearchOutlined';
import { LinkBase, useFieldValue, useTranslate, type FieldProps } from 'react-admin';

import { findPersonPath } from '../find-person/findPersonPath';
import type { Attendee, CalendarEvent } from '../api';

const attendeeLabel = (attendee: Attendee) => attendee.name || attendee.email || '';

/**
 * The event's attendees. `compact` (lists): the first two names and a count;
 * `full` (show page): a table with a search link for each e-mail, since an
 * event holds several people and each is a person of their own.
 */
export const AttendeesField = ({
  source = 'attendees',
  variant = 'full',
}: Partial<FieldProps<CalendarEvent>> & { variant?: 'compact' | 'full' }) => {
  const translate = useTranslate();
  const attendees = (useFieldValue<CalendarEvent>({ source }) as Attendee[] | null | undefined) ?? [];

  if (attendees.length === 0) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {variant === 'full' ? translate('resources.calendar-events.no_attendees') : '—'}
      </Typography>
    );
  }

  if (variant === 'compact') {
    const shown = attendees.slice(0, 2).map(attendeeLabel).join(', ');
    const more = attendees.length - 2;
    return (
      <Typography component="span" variant="body2" title={attendees.map(attendeeLabel).join(', ')}>
        {shown}
        {more > 0 && (
          <Typography component="span" variant="body2" color="text.secondary">
            {' '}
            {translate('resources.calendar-events.more_attendees', { smart_count: more })}
          </Typography>
        )}
      </Typography>
    );
  }

  return (
    <Table size="small" sx={{ maxWidth: 640, '& td, & th': { px: 1 } }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.calendar-events.attendee.name')}</TableCell>
          <TableCell>{translate('resources.calendar-events.attendee.email')}</TableCell>
          <TableCell padding="checkbox" />
        </TableRow>
      </TableHead>
      <TableBody>
        {attendees.map((attendee, index) => (
          <TableRow key={`${attendee.email ?? ''}-${index}`}>
            <TableCell>{attendee.name || '—'}</TableCell>
            <TableCell>{attendee.email || '—'}</TableCell>
            <TableCell padding="checkbox">
              {attendee.email && (
                <Tooltip title={translate('app.find_person.find_this_person')}>
                  <IconButton
                    size="small"
                    component={LinkBase}
                    to={findPersonPath(attendee.email)}
                    aria-label={translate('app.find_person.find_this_person')}
                  >
                    <PersonSearchOutlinedIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
