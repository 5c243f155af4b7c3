import { Box, Button, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

import { ActionDialog } from './actions/ActionDialog';
import { BUTTONS, primaryOf } from './actions/actionButtons';
import { useErasureStatus } from './rights/shared';
import type { DataSubjectRequest, WorkflowAction } from '../api';

/**
 * The workflow's buttons, each opening a dialog that posts the action; shown
 * only when the state allows it and the user may change requests.
 */
export const RequestActions = ({ request, canAct }: { request: DataSubjectRequest; canAct: boolean }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState<WorkflowAction | null>(null);
  // An erasure request closes once its erasure is complete (the API refuses before: 409).
  const erasure = useErasureStatus(request);
  const closeBlocked = request.type === 'erasure' && !!erasure.data && !erasure.data.completedAt;
  if (!canAct) return null;
  const actions = request.allowedActions;
  const primary = primaryOf(actions);
  const steps = actions.filter((a) => a !== 'note');
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }} data-testid="request-actions">
      {steps.map((action) => {
        const { icon, color } = BUTTONS[action];
        const variant = action === primary ? 'contained' : 'outlined';
        const button = (
          <Button
            key={action}
            size="small"
            variant={variant}
            color={color ?? 'primary'}
            startIcon={icon}
            disabled={action === 'close' && closeBlocked}
            onClick={() => setOpen(action)}
          >
            {translate(`app.requests.actions.${action}.button`)}
          </Button>
        );
        return action === 'close' && closeBlocked ? (
          <Tooltip key={action} title={translate('app.requests.rights.erasure.close_blocked')}>
            <span data-testid="close-blocked">{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
      <Box sx={{ flex: 1 }} />
      <Button size="small" variant="text" startIcon={BUTTONS.note.icon} onClick={() => setOpen('note')}>
        {translate('app.requests.actions.note.button')}
      </Button>
      {open && <ActionDialog action={open} request={request} onClose={() => setOpen(null)} />}
    </Box>
  );
};
