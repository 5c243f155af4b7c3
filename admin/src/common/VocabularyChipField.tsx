import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

export type ChipColor = 'default' | 'primary' | 'secondary' | 'success' | 'error' | 'warning' | 'info';

/**
 * A value from a closed vocabulary (provider, role, origin, action...) as a
 * translated chip: the label is `<vocabulary>.<value>`, the raw value when
 * the API sends one this console does not know yet.
 */
export const VocabularyChipField = ({
  source,
  vocabulary,
  colors = {},
  variant = 'outlined',
}: Partial<FieldProps> & {
  source: string;
  /** Translation key prefix, e.g. `resources.chat-messages.roles`. */
  vocabulary: string;
  colors?: Record<string, ChipColor>;
  variant?: 'outlined' | 'filled';
}) => {
  const translate = useTranslate();
  const value = useFieldValue({ source }) as string | undefined | null;
  if (value == null || value === '') return null;
  return (
    <Chip
      size="small"
      variant={variant}
      color={colors[value] ?? 'default'}
      label={translate(`${vocabulary}.${value}`, { _: value })}
    />
  );
};
