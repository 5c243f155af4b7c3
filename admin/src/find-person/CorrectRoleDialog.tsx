import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';

import type { AppDataProvider } from '../dataProvider';
import type { SubjectIndexEntry } from '../api';
import { displayIdentifier } from './identifiers';
import type { IdentifierRole } from './subjectsApi';

const messageOf = (error: unknown) =>
  (error as { body?: { message?: string } })?.body?.message ?? (error as Error)?.message ?? String(error);

/** The officer says whose an identifier is in one record (owner or mention), with a reason for the audit log. */
export const CorrectRoleDialog = ({
  entries,
  open,
  onClose,
  onCorrected,
}: {
  entries: SubjectIndexEntry[];
  open: boolean;
  onClose: () => void;
  onCorrected: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [entryId, setEntryId] = useState(entries[0]?.entryId ?? '');
  const entry = entries.find((e) => e.entryId === entryId) ?? entries[0];
  const [role, setRole] = useState<IdentifierRole>(entry?.role === 'owner' ? 'mention' : 'owner');
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  if (!entry) return null;

  const save = async () => {
    setSaving(true);
    try {
      await dataProvider.setIdentifierRole(entry.entryId, role, reason);
      notify('app.find_person.corrected', { type: 'success' });
      onCorrected();
      onClose();
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth data-testid="correct-role-dialog">
      <DialogTitle>{translate('app.find_person.correct_title')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <DialogContentText>{translate('app.find_person.correct_intro')}</DialogContentText>
        <TextField
          select
          label={translate('app.find_person.correct_entry')}
          value={entry.entryId}
          onChange={(event) => {
            setEntryId(event.target.value);
            const next = entries.find((e) => e.entryId === event.target.value);
            if (next) setRole(next.role === 'owner' ? 'mention' : 'owner');
          }}
          size="small"
        >
          {entries.map((e) => (
            <MenuItem key={e.entryId} value={e.entryId}>
              {`${displayIdentifier(e.kind, e.value)} · ${translate(`app.find_person.roles.${e.role}`)}`}
            </MenuItem>
          ))}
        </TextField>
        <FormControl>
          <FormLabel>{translate('app.find_person.correct_role')}</FormLabel>
          <RadioGroup value={role} onChange={(event) => setRole(event.target.value as IdentifierRole)}>
            {(['owner', 'mention'] as const).map((r) => (
              <FormControlLabel key={r} value={r} control={<Radio />} label={translate(`app.find_person.roles.${r}`)} />
            ))}
          </RadioGroup>
        </FormControl>
        <TextField
          label={translate('app.find_person.correct_reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          multiline
          minRows={2}
          size="small"
          name="reason"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
