import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import { Box, Button, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** The identity document to keep sealed with the request: the file chosen is held by the dialog. */
export const IdentityDocumentInput = ({
  file,
  onChoose,
}: {
  file: File | null;
  onChoose: (file: File | null) => void;
}) => {
  const translate = useTranslate();
  return (
    <Box>
      <Button variant="outlined" component="label" startIcon={<BadgeOutlinedIcon />}>
        {translate('app.requests.actions.identity-documents.choose')}
        <input
          hidden
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          data-testid="identity-document-file"
          onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
        />
      </Button>
      {file && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {file.name}
        </Typography>
      )}
    </Box>
  );
};
