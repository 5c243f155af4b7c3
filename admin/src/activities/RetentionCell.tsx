import { Chip } from '@mui/material';
import { Link } from 'react-router-dom';
import { useRecordContext, useTranslate } from 'react-admin';

import { twinText } from '../../../api/src/registers/twins';
import { useTwinLanguage } from '../registers/TwinField';

interface ActivityRetention {
  retentionPolicyId: string | null;
  retention: { periodText: string; periodTextIt: string | null; periodTextEn: string | null } | null;
}

/**
 * An activity's retention period, or a warning that none is recorded: Art. 30(1)(f) asks for it,
 * and a missing period is shown as missing, never filled with a guess.
 */
export const RetentionCell = (_: { label?: string }) => {
  const record = useRecordContext<ActivityRetention & { id: string }>();
  const translate = useTranslate();
  const language = useTwinLanguage();
  if (!record) return null;
  if (!record.retention)
    return (
      <Chip
        size="small"
        color="warning"
        variant="outlined"
        data-testid="retention-missing"
        label={translate('resources.activities.retention_missing')}
      />
    );
  return (
    <Link to={`/retention-policies/${record.retentionPolicyId}/show`} onClick={(e) => e.stopPropagation()}>
      {twinText(record.retention, 'periodText', language).text}
    </Link>
  );
};
