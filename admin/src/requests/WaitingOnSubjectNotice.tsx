import { Alert, Button } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

/** The filter of the dashboard's "waiting on the subject" link (listLinks.ts). */
const ASKED = 'identityInfoRequestedAt_gte';
const RECEIVED = 'identityInfoReceivedAt';

/**
 * Says when the list shows only the requests waiting on the subject: that filter has no input of
 * its own (it is two conditions), so without this the officer could not tell the list is narrowed.
 */
export const WaitingOnSubjectNotice = () => {
  const translate = useTranslate();
  const list = useListContext();
  const filterValues = list.filterValues as Record<string, unknown>;
  const displayedFilters = list.displayedFilters as Record<string, boolean>;
  if (!(ASKED in filterValues) || filterValues[RECEIVED] !== null) return null;
  const showAll = () => {
    const { [ASKED]: _asked, [RECEIVED]: _received, ...rest } = filterValues;
    list.setFilters(rest, displayedFilters);
  };
  return (
    <Alert
      severity="info"
      data-testid="waiting-on-subject-filter"
      sx={{ borderRadius: 0 }}
      action={
        <Button color="inherit" size="small" onClick={showAll} sx={{ whiteSpace: 'nowrap' }}>
          {translate('app.requests.list.waiting_on_subject_clear')}
        </Button>
      }
    >
      {translate('app.requests.list.waiting_on_subject')}
    </Alert>
  );
};
