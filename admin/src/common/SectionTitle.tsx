import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A small overline heading for a group of fields on a show page. */
export const SectionTitle = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="overline" color="text.secondary" sx={{ display: 'block', mb: 1, lineHeight: 2 }}>
      {translate(label)}
    </Typography>
  );
};
