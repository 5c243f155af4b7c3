import { Box, Button } from '@mui/material';
import { type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A button of a rights card. */
export const ActionButton = ({
  icon,
  label,
  onClick,
  variant = 'contained',
}: {
  icon: ReactNode;
  label: string;
  onClick: () => void;
  variant?: 'contained' | 'outlined';
}) => {
  const translate = useTranslate();
  return (
    <Box>
      <Button size="small" variant={variant} startIcon={icon} onClick={onClick}>
        {translate(label)}
      </Button>
    </Box>
  );
};
