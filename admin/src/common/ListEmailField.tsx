import { TextField, type TextFieldProps } from 'react-admin';

/**
 * An e-mail in a list row: plain text (a click opens the record, not the mail
 * program) that may wrap anywhere, so a long address never pushes the table
 * wider than the page.
 */
export const ListEmailField = (props: TextFieldProps) => (
  <TextField emptyText="—" {...props} sx={{ overflowWrap: 'anywhere', ...props.sx }} />
);
