import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A quiet, translated "nothing here" line. */
export const EmptyText = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
      {translate(text)}
    </Typography>
  );
};
