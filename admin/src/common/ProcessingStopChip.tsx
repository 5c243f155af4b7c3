import BlockOutlinedIcon from '@mui/icons-material/BlockOutlined';
import { useTranslate } from 'react-admin';

import type { RecordStop } from '../api';
import { FlagChip } from './FlagChip';
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
    <FlagChip
      testId="stopped-flag"
      icon={<BlockOutlinedIcon />}
      label={translate('app.sources.stopped')}
      help={help}
      warning
    />
  );
};
