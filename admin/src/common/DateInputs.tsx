import { useWatch } from 'react-hook-form';
import {
  DateInput as RaDateInput,
  DateTimeInput as RaDateTimeInput,
  useTranslate,
  type DateInputProps,
  type DateTimeInputProps,
} from 'react-admin';

import { DateInWords } from './DateInWords';

/**
 * A native date field writes the date as the browser's own language does (12/02/2026 in an
 * American Chromium), whatever the console's language. These inputs keep the native field (its
 * calendar, its keyboard) and say under it, in the console's language and Rome's time, the date
 * it holds: "mer 2 dicembre 2026", "Wed, 2 December 2026 at 13:28". Same props as react-admin's.
 */
export const DateInput = (props: DateInputProps) => (
  <RaDateInput {...props} helperText={<InWords source={props.source} time={false} helperText={props.helperText} />} />
);

export const DateTimeInput = (props: DateTimeInputProps) => (
  <RaDateTimeInput {...props} helperText={<InWords source={props.source} time helperText={props.helperText} />} />
);

const InWords = ({
  source,
  time,
  helperText,
}: {
  source: string;
  time: boolean;
  helperText: DateInputProps['helperText'];
}) => {
  const translate = useTranslate();
  const help = typeof helperText === 'string' ? translate(helperText, { _: helperText }) : helperText || null;
  const value: unknown = useWatch({ name: source });
  return <DateInWords value={value} time={time} help={help} />;
};
