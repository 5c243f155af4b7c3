import EditNoteOutlinedIcon from '@mui/icons-material/EditNoteOutlined';
import { Button } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useTranslate } from 'react-admin';

import type { SubjectIndexEntry } from '../types';
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
      <Button
        size="small"
        startIcon={<EditNoteOutlinedIcon />}
        onClick={() => setOpen(true)}
        title={translate('app.find_person.correct_help')}
        data-testid="find-person-correct"
        sx={{ flexShrink: 0, mr: 1 }}
      >
        {translate('app.find_person.correct')}
      </Button>
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
