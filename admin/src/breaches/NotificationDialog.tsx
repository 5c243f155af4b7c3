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
import { useNotify, useRefresh, useTranslate } from 'react-admin';

import { DateInWords } from '../common/DateInWords';
import { breachesApi } from './breachesApi';
import { toInstant } from './dates';
import type { Breach } from '../api';
import { NOTIFICATION_KIND_CHOICES } from './vocabulary';

const nowLocal = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

/** Records a notification to the Garante: initial, then supplementary ones (Art. 33(4)); a late one asks for the reasons for the delay. */
export const NotificationDialog = ({
  breach,
  open,
  onClose,
}: {
  breach: Breach;
  open: boolean;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [kind, setKind] = useState<'initial' | 'supplementary'>(breach.notifiedAt ? 'supplementary' : 'initial');
  const [at, setAt] = useState(nowLocal());
  const [protocolNumber, setProtocol] = useState('');
  const [delayReasons, setDelay] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const instant = toInstant(at);
  const late =
    kind === 'initial' && !!instant && new Date(instant).getTime() > new Date(breach.clock.deadline).getTime();
  const field = (name: string) => translate(`resources.breaches.fields.${name}`);

  const submit = async () => {
    try {
      await breachesApi.notify(breach.id, {
        kind,
        at: instant ?? '',
        protocolNumber,
        delayReasons: delayReasons || null,
        notes: notes || null,
      });
      notify('app.breaches.notify.recorded', { type: 'success' });
      refresh();
      onClose();
    } catch (error) {
      const body = (error as { body?: { errors?: Record<string, string> } }).body;
      setErrors(body?.errors ?? {});
      setMessage((error as Error).message);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.breaches.notify.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {/* A field's problem shows under the field; the API's sentence only when no field is named (a 409). */}
          {message && Object.keys(errors).length === 0 && <Alert severity="error">{message}</Alert>}
          <TextField select label={field('kind')} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {NOTIFICATION_KIND_CHOICES.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {translate(c.name)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="datetime-local"
            label={field('at')}
            value={at}
            onChange={(e) => setAt(e.target.value)}
            error={!!errors.at}
            helperText={<DateInWords value={instant} time help={errors.at} />}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label={field('protocolNumber')}
            value={protocolNumber}
            onChange={(e) => setProtocol(e.target.value)}
            required
            error={!!errors.protocolNumber}
            helperText={errors.protocolNumber}
          />
          {late && <Alert severity="warning">{translate('app.breaches.notify.late_help')}</Alert>}
          <TextField
            label={field('delayReasons')}
            value={delayReasons}
            onChange={(e) => setDelay(e.target.value)}
            multiline
            minRows={2}
            required={late}
            error={!!errors.delayReasons}
            helperText={errors.delayReasons}
          />
          <TextField
            label={field('notes')}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            multiline
            minRows={2}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
        <MuiButton variant="contained" onClick={() => void submit()} data-testid="notification-save">
          {translate('ra.action.save')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};
