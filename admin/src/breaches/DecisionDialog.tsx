import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useNotify, useRefresh, useTranslate } from 'react-admin';

import { breachesApi } from './breachesApi';
import type { Breach } from '../api';
import { DECISION_CHOICES } from './vocabulary';

/** Records a decision (notify or not, tell the people or not) with its reason and who took it. */
export const DecisionDialog = ({ breach, open, onClose }: { breach: Breach; open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { identity } = useGetIdentity();
  const [kind, setKind] = useState('notify_authority');
  const [reason, setReason] = useState('');
  const [decidedBy, setDecidedBy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const who = decidedBy ?? String(identity?.fullName ?? '');
  const field = (name: string) => translate(`resources.breaches.fields.${name}`);

  const submit = async () => {
    try {
      await breachesApi.decide(breach.id, { kind, reason: reason || null, decidedBy: who });
      notify('app.breaches.decide.recorded', { type: 'success' });
      refresh();
      onClose();
    } catch (error) {
      setErrors((error as { body?: { errors?: Record<string, string> } }).body?.errors ?? {});
      setMessage((error as Error).message);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.breaches.decide.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {message && Object.keys(errors).length === 0 && <Alert severity="error">{message}</Alert>}
          <TextField select label={field('kind')} value={kind} onChange={(e) => setKind(e.target.value)}>
            {DECISION_CHOICES.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {translate(c.name)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={field('reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            multiline
            minRows={3}
            error={!!errors.reason}
            helperText={errors.reason ?? translate('app.breaches.decide.reason_help')}
          />
          <TextField
            label={field('decidedBy')}
            value={who}
            onChange={(e) => setDecidedBy(e.target.value)}
            required
            error={!!errors.decidedBy}
            helperText={errors.decidedBy}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
        <MuiButton variant="contained" onClick={() => void submit()} data-testid="decision-save">
          {translate('ra.action.save')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};
