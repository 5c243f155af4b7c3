import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { Box, Chip, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

interface WithGaps {
  gaps?: Array<'dpa_missing' | 'tia_missing'>;
}

/** What the entry lacks that the law asks for (computed by the API): shown as missing, never filled in. */
export const ProcessorGapsField = ({ quietWhenComplete = false }: { label?: string; quietWhenComplete?: boolean }) => {
  const record = useRecordContext<WithGaps>();
  const translate = useTranslate();
  if (!record) return null;
  const gaps = record.gaps ?? [];
  if (gaps.length === 0)
    return quietWhenComplete ? null : (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('app.registers.gaps.none')}
      </Typography>
    );
  return (
    <Box sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap' }}>
      {gaps.map((gap) => (
        <Tooltip key={gap} title={translate(`app.registers.gaps.${gap}_help`)}>
          <Chip
            size="small"
            color="warning"
            variant="outlined"
            icon={<ReportProblemOutlinedIcon />}
            label={translate(`app.registers.gaps.${gap}`)}
            data-testid={`processor-gap-${gap}`}
          />
        </Tooltip>
      ))}
    </Box>
  );
};
