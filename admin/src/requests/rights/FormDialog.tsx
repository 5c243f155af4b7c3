import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { type ReactElement, type ReactNode } from 'react';
import { Form, SaveButton, useTranslate } from 'react-admin';

/** A dialog with a react-admin form: title, explanation, inputs, cancel and confirm. */
export const FormDialog = ({
  title,
  description,
  confirm,
  icon,
  onSubmit,
  onClose,
  children,
  maxWidth = 'sm',
}: {
  title: string;
  description: string;
  confirm: string;
  icon: ReactElement;
  onSubmit: (values: Record<string, unknown>) => Promise<Record<string, string> | undefined>;
  onClose: () => void;
  children: ReactNode;
  maxWidth?: 'sm' | 'md';
}) => {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth={maxWidth} aria-labelledby="rights-dialog-title">
      <Form record={{}} onSubmit={onSubmit} noValidate>
        <DialogTitle id="rights-dialog-title">{title}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {description}
          </Typography>
          {children}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton alwaysEnable label={confirm} icon={icon} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
