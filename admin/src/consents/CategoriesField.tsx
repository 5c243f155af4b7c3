import { Chip, Table, TableBody, TableCell, TableRow, Tooltip, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

import type { ConsentRecord } from '../api';
import { CATEGORIES_VOCABULARY, categoryEntries } from './vocabulary';

/** Every category of the cookie policy with the visitor's choice: granted or refused. */
export const CategoriesField = ({ source = 'categories' }: Partial<FieldProps<ConsentRecord>>) => {
  const translate = useTranslate();
  const categories = useFieldValue<ConsentRecord>({ source }) as ConsentRecord['categories'] | undefined;
  return (
    <Table size="small" sx={{ maxWidth: 440, '& td': { px: 1, py: 0.75 } }} data-testid="consent-categories">
      <TableBody>
        {categoryEntries(categories).map(([category, granted]) => (
          <TableRow key={category}>
            <TableCell>{translate(`${CATEGORIES_VOCABULARY}.${category}`, { _: category })}</TableCell>
            <TableCell align="right">
              <Chip
                size="small"
                variant={granted ? 'filled' : 'outlined'}
                color={granted ? 'success' : 'default'}
                icon={granted ? <CheckIcon /> : <CloseIcon />}
                label={translate(granted ? 'resources.consents.granted' : 'resources.consents.refused')}
                sx={{ minWidth: 104 }}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** In lists: the optional categories the visitor accepted, or "only necessary". */
export const CategoriesSummaryField = ({ source = 'categories' }: Partial<FieldProps<ConsentRecord>>) => {
  const translate = useTranslate();
  const categories = useFieldValue<ConsentRecord>({ source }) as ConsentRecord['categories'] | undefined;
  const entries = categoryEntries(categories);
  const optionalGranted = entries.filter(([category, granted]) => granted && category !== 'necessary');
  const details = entries
    .map(
      ([category, granted]) =>
        `${translate(`${CATEGORIES_VOCABULARY}.${category}`, { _: category })}: ${translate(
          granted ? 'resources.consents.granted' : 'resources.consents.refused',
        )}`,
    )
    .join(' · ');
  return (
    <Tooltip title={details}>
      <Typography component="span" variant="body2" color={optionalGranted.length === 0 ? 'text.secondary' : undefined}>
        {optionalGranted.length === 0
          ? translate('resources.consents.only_necessary')
          : optionalGranted
              .map(([category]) => translate(`${CATEGORIES_VOCABULARY}.${category}`, { _: category }))
              .join(', ')}
      </Typography>
    </Tooltip>
  );
};
