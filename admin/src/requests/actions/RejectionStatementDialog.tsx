import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';

/** The Art. 12(4) statement the API wrote for a refusal, to copy into the answer to the subject. */
export const RejectionStatementDialog = ({ statement, onClose }: { statement: string; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="request-action-title">
      <DialogTitle id="request-action-title">{translate('app.requests.actions.reject.statement_title')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Alert severity="info">{translate('app.requests.actions.reject.statement_help')}</Alert>
        <Box
          data-testid="rejection-statement"
          sx={{
            p: 2,
            bgcolor: '#f8fafb',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            whiteSpace: 'pre-wrap',
            typography: 'body2',
          }}
        >
          {statement}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button
          startIcon={<ContentCopyOutlinedIcon />}
          onClick={() => {
            // A browser without clipboard access (not https) copies nothing, silently.
            void navigator.clipboard
              ?.writeText(statement)
              .then(() => notify('app.requests.actions.reject.copied', { type: 'info' }))
              .catch(() => undefined);
          }}
        >
          {translate('app.requests.actions.reject.copy')}
        </Button>
        <Button variant="contained" onClick={onClose}>
          {translate('ra.action.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
