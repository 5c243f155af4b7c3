import { TextInput, maxLength, minLength, required, useLocaleState, useTranslate } from 'react-admin';
import { DateTimeInput } from '../../common/DateInputs';

import { formatDay } from '../dates';
import type { DataSubjectRequest } from '../../api';

/** An extension (Art. 12(3)): why, and when the subject was told, before the first deadline. */
export const ExtendInputs = ({ request }: { request: DataSubjectRequest }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <>
      <TextInput
        source="reason"
        label="app.requests.actions.extend.reason"
        helperText="app.requests.actions.extend.reason_help"
        multiline
        minRows={3}
        validate={[required(), minLength(10), maxLength(2000)]}
      />
      <DateTimeInput
        source="communicatedAt"
        label="app.requests.actions.extend.communicated_at"
        helperText={translate('app.requests.actions.extend.communicated_help', {
          date: formatDay(request.dueDate, locale, 'long'),
        })}
        validate={required()}
      />
    </>
  );
};
