import EditNoteOutlinedIcon from '@mui/icons-material/EditNoteOutlined';
import { IconButton, Tooltip } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useTranslate } from 'react-admin';

import type { SubjectIndexEntry } from '../api';
import { CorrectRoleDialog } from './CorrectRoleDialog';

/** "Correct" beside a match (officers and admins): then the search runs again with the new labels. */
export const CorrectRoleButton = ({ entries }: { entries: SubjectIndexEntry[] }) => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'subjects', action: 'correct' });
  if (!canAccess || entries.length === 0) return null;
  return (
    <>
      {/* An icon: the card is half the page wide, and the record's summary needs the room. */}
      <Tooltip title={translate('app.find_person.correct_help')}>
        <IconButton
          size="small"
          color="primary"
          onClick={() => setOpen(true)}
          aria-label={translate('app.find_person.correct')}
          data-testid="find-person-correct"
          sx={{ flexShrink: 0, mr: 1 }}
        >
          <EditNoteOutlinedIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      {open && (
        <CorrectRoleDialog
          entries={entries}
          open={open}
          onClose={() => setOpen(false)}
          onCorrected={() => void queryClient.invalidateQueries({ queryKey: ['subjects', 'search'] })}
        />
      )}
    </>
  );
};
