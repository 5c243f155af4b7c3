import { useRecordContext, useTranslate } from 'react-admin';

import type { LetterTemplate } from '../api';

/** "Letter template: Acknowledgement (Italian)". */
export const LetterTemplateTitle = () => {
  const translate = useTranslate();
  const record = useRecordContext<LetterTemplate>();
  if (!record) return null;
  return (
    <>
      {`${translate('resources.letter-templates.name', { smart_count: 1 })}: ${translate(
        `resources.letter-templates.keys.${record.key}`,
        { _: record.key },
      )} (${translate(`resources.letter-templates.languages.${record.language}`)})`}
    </>
  );
};
