import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/** Long free text on one line, cut with an ellipsis; the whole text is in the tooltip. */
export const ExcerptField = ({
  source,
  maxWidth = 360,
}: Partial<FieldProps> & { source: string; maxWidth?: number }) => {
  const value = useFieldValue({ source }) as string | undefined | null;
  if (!value) return null;
  return (
    <Typography
      component="span"
      variant="body2"
      title={value}
      sx={{
        display: 'block',
        maxWidth,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
      }}
    >
      {value}
    </Typography>
  );
};
