import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';

import type { WithdrawalEffect } from '../../api';
import { consentCategory, legalBasis } from './shared';
import { R } from './rightsText';

/** What a withdrawal or an objection stopped: per activity, its basis, the banner's refusal, the records held. */
export const EffectsTable = ({ effects }: { effects: WithdrawalEffect[] }) => {
  const translate = useTranslate();
  return (
    <Table
      size="small"
      data-testid="withdrawal-effects"
      sx={{ '& th, & td': { px: 1 }, '& td:not(:first-of-type), & th:not(:first-of-type)': { whiteSpace: 'nowrap' } }}
    >
      <TableHead>
        <TableRow>
          <TableCell>{translate(`${R}.withdrawal.table.activity`)}</TableCell>
          <TableCell>{translate(`${R}.withdrawal.table.legal_basis`)}</TableCell>
          <TableCell>{translate(`${R}.withdrawal.table.banner`)}</TableCell>
          <TableCell align="right" title={translate(`${R}.withdrawal.held_help`)}>
            {translate(`${R}.withdrawal.table.held`)}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {effects.map((effect) => (
          <TableRow key={effect.activityId}>
            <TableCell sx={{ fontWeight: 600 }}>{effect.activity}</TableCell>
            <TableCell>{legalBasis(translate, effect.legalBasis)}</TableCell>
            <TableCell>
              {effect.bannerRefuses
                ? consentCategory(translate, effect.bannerRefuses)
                : translate(`${R}.withdrawal.no_banner_category`)}
            </TableCell>
            <TableCell align="right">{effect.recordsHeld}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
