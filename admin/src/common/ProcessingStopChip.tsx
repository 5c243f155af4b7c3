import { Chip, Tooltip } from '@mui/material';
import BlockOutlinedIcon from '@mui/icons-material/BlockOutlined';
import { useTranslate } from 'react-admin';

import type { RecordStop } from '../api';
import { stopReasonWords, stoppedActivity } from './stopText';

/**
 * "Processing stopped" after a record's main value in a list: ingestion stored it although the
 * person had objected (Art. 21) or withdrawn consent (Art. 7(3)) for its activity.
 */
export const ProcessingStopChip = ({ stops }: { stops: RecordStop[] }) => {
  const translate = useTranslate();
  const help = stops
    .map((stop) =>
      translate('app.sources.stopped_help', {
        activity: stoppedActivity(translate, stop),
        reason: stopReasonWords(translate, stop),
      }),
    )
    .join(' ');
  return (
    <Tooltip title={help}>
      <Chip
        data-testid="stopped-flag"
        size="small"
        variant="outlined"
        icon={<BlockOutlinedIcon />}
        label={translate('app.sources.stopped')}
        sx={{
          height: 22,
          fontWeight: 600,
          color: '#8a4b00',
          borderColor: '#e0a458',
          bgcolor: '#fff6e8',
          '& .MuiChip-icon': { color: 'inherit' },
        }}
      />
    </Tooltip>
  );
};
