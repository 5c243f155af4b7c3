import { Box, Chip, Tooltip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import type { DataSubjectRequest } from '../api';
import { TYPES_VOCABULARY } from './vocabulary';

/** The type as a chip; a guessed type (from an e-mail's wording) carries a "guess" marker until confirmed. */
export const RequestTypeChip = ({
  type,
  guessed,
}: {
  /** A RequestType; one this console does not know yet shows as it is. */
  type: string;
  guessed?: boolean;
}) => {
  const translate = useTranslate();
  const label = translate(`${TYPES_VOCABULARY}.${type}`, { _: type });
  if (!guessed) return <Chip size="small" variant="outlined" label={label} />;
  return (
    <Tooltip title={translate('app.requests.guess_help')}>
      <Chip
        size="small"
        variant="outlined"
        data-testid="type-guessed"
        sx={{ borderStyle: 'dashed', borderColor: '#d1a03b' }}
        label={
          <>
            {label}
            <Box
              component="span"
              sx={{
                ml: 0.75,
                px: 0.5,
                borderRadius: 0.5,
                bgcolor: '#fdf1d8',
                color: '#7a4d00',
                fontSize: '0.625rem',
                fontWeight: 700,
                letterSpacing: '0.04em',
                textTransform: 'uppercase',
                verticalAlign: 'middle',
              }}
            >
              {translate('app.requests.guess')}
            </Box>
          </>
        }
      />
    </Tooltip>
  );
};

export const RequestTypeField = (_props: Partial<FieldProps<DataSubjectRequest>>) => {
  const record = useRecordContext<DataSubjectRequest>();
  if (!record?.type) return null;
  return <RequestTypeChip type={record.type} guessed={record.typeGuessed} />;
};
