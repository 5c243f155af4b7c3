import { NullableBooleanInput } from 'react-admin';

/**
 * A list's filter on the records ingestion stored under an objection (Art. 21) or a withdrawal
 * of consent (Art. 7(3)): the API's `storedUnderStop`, true or false; empty shows all.
 */
export const StoredUnderStopInput = (_props: { source?: string; alwaysOn?: boolean }) => (
  <NullableBooleanInput
    source="storedUnderStop"
    label="app.sources.stopped_filter"
    nullLabel="app.sources.stopped_filter_any"
    trueLabel="app.sources.stopped_filter_only"
    falseLabel="app.sources.stopped_filter_none"
    sx={{ minWidth: 260 }}
    helperText={false}
  />
);
