import WarningAmberOutlinedIcon from '@mui/icons-material/WarningAmberOutlined';
import { Box, Chip, Tooltip, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { intlLocale } from '../i18n';

interface WithReview {
  nextReviewDue: string | null;
  reviewOverdue?: boolean;
}

/** A processor's next review date, flagged when it has passed (`reviewOverdue`, computed by the API). */
export const ReviewDueField = (_: { label?: string }) => {
  const record = useRecordContext<WithReview>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const day = record.nextReviewDue
    ? new Date(`${record.nextReviewDue}T12:00:00Z`).toLocaleDateString(intlLocale(locale), {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      })
    : translate('app.registers.none');
  return (
    <Box sx={{ display: 'inline-flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      {/* body2, as react-admin's own fields: the same size in a list and on a show page. */}
      <Typography component="span" variant="body2">
        {day}
      </Typography>
      {record.reviewOverdue && (
        <Tooltip title={translate('app.registers.review_overdue_help')}>
          <Chip
            size="small"
            color="warning"
            icon={<WarningAmberOutlinedIcon />}
            label={translate('app.registers.review_overdue')}
            data-testid="review-overdue"
          />
        </Tooltip>
      )}
    </Box>
  );
};
