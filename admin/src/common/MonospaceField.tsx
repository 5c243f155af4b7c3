import { TextField, type TextFieldProps } from 'react-admin';

import { monospaceFontFamily } from '../theme';

/** Hashes and identifiers: monospace, and wrapped anywhere so 64 hex characters never overflow. */
export const MonospaceField = (props: TextFieldProps) => (
  <TextField
    {...props}
    sx={{ fontFamily: monospaceFontFamily, fontSize: '0.8125rem', wordBreak: 'break-all', ...props.sx }}
  />
);
