import { Datagrid, FunctionField, List, NumberField, SelectInput, useLocaleState, useTranslate } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import type { LetterTemplate } from '../api';
import { LANGUAGE_CHOICES } from './vocabulary';

const filters = [<SelectInput key="language" source="language" choices={LANGUAGE_CHOICES} alwaysOn />];

/** Every letter the console writes, in Italian and English, with the version in force (0: the text in code). */
export const LetterTemplateList = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // The letters of the console's language first; the officer picks the other with the filter.
  return (
    <List
      filters={filters}
      filterDefaultValues={{ language: locale === 'it' ? 'it' : 'en' }}
      perPage={50}
      pagination={false}
      exporter={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField<LetterTemplate>
          source="key"
          sortable={false}
          render={(t) => translate(`resources.letter-templates.keys.${t.key}`, { _: t.key })}
        />
        <FunctionField<LetterTemplate>
          source="language"
          sortable={false}
          render={(t) => translate(`resources.letter-templates.languages.${t.language}`)}
        />
        <NumberField source="version" sortable={false} />
        <FunctionField<LetterTemplate>
          source="subject"
          sortable={false}
          render={(t) => (
            <span lang={t.language} data-letter-text>
              {t.subject}
            </span>
          )}
        />
        <DateTimeField
          source="updatedAt"
          sortable={false}
          emptyText={translate('resources.letter-templates.in_code')}
        />
      </Datagrid>
    </List>
  );
};
