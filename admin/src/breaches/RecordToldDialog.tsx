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
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';

import { DateInWords } from '../common/DateInWords';
import { breachesApi } from './breachesApi';
import { toInstant } from './dates';
import type { AffectedPerson } from '../api';
import { CHANNEL_CHOICES } from './vocabulary';

const today = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

/** Records that one person was told of the breach (Art. 34): when and by which channel. */
export const RecordToldDialog = ({
  breachId,
  person,
  onClose,
  onDone,
}: {
  breachId: string;
  person: AffectedPerson;
  onClose: () => void;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [channel, setChannel] = useState(person.kind === 'phone' ? 'phone' : 'email');
  const [sentAt, setSentAt] = useState(today());
  const [message, setMessage] = useState<string | null>(null);
  const submit = async () => {
    try {
      await breachesApi.communicated(breachId, {
        kind: person.kind,
        value: person.value,
        channel,
        sentAt: toInstant(sentAt) ?? '',
      });
      notify('app.breaches.affected.recorded', { type: 'success' });
      onDone();
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{translate('app.breaches.affected.record_told')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {message && <Alert severity="error">{message}</Alert>}
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {person.value}
          </Typography>
          <TextField
            select
            label={translate('resources.breaches.fields.channel')}
            value={channel}
            onChange={(e) => setChannel(e.target.value)}
          >
            {CHANNEL_CHOICES.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {translate(c.name)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="datetime-local"
            label={translate('resources.breaches.fields.sentAt')}
            value={sentAt}
            onChange={(e) => setSentAt(e.target.value)}
            helperText={<DateInWords value={toInstant(sentAt)} time />}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
        <MuiButton variant="contained" onClick={() => void submit()}>
          {translate('ra.action.save')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};
