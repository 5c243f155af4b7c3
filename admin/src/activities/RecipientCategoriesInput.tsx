import { Autocomplete, Box, TextField as MuiTextField, Typography } from '@mui/material';
import { useGetMany, useInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';

import { categoriesIn, categoryGlossary } from '../../../api/src/registers/twins';
import { useTwinLanguage } from '../registers/TwinField';

interface ProcessorCategories {
  id: string;
  name: string;
  dataCategories: string[];
  dataCategoriesIt: string[];
  dataCategoriesEn: string[];
}

/**
 * What each recipient of the activity receives of its data (`recipientCategories`, processor id
 * to categories): none chosen, it receives all of it (a host). The categories are those of the
 * activity and of the processor, kept in English and shown in the UI's language; the Art. 19
 * notices and the list for the data subject say them in the request's language.
 */
export const RecipientCategoriesInput = () => {
  const translate = useTranslate();
  const language = useTwinLanguage();
  const { field } = useInput({ source: 'recipientCategories', defaultValue: {} });
  const processorIds = (useWatch({ name: 'processorIds' }) as string[] | undefined) ?? [];
  const [dataCategories, dataCategoriesIt, dataCategoriesEn] = useWatch({
    name: ['dataCategories', 'dataCategoriesIt', 'dataCategoriesEn'],
  }) as Array<string[] | undefined>;
  const { data: processors = [] } = useGetMany<ProcessorCategories>('processors', { ids: processorIds });
  const value = (field.value ?? {}) as Record<string, string[]>;
  const activity = {
    dataCategories: dataCategories ?? [],
    dataCategoriesIt: dataCategoriesIt ?? [],
    dataCategoriesEn: dataCategoriesEn ?? [],
  };
  if (processorIds.length === 0) return null;
  return (
    <Box sx={{ width: '100%', mb: 2 }} data-testid="recipient-categories">
      <Typography variant="subtitle2">{translate('app.registers.recipient_categories')}</Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {translate('app.registers.recipient_categories_help')}
      </Typography>
      {processors
        .filter((p) => processorIds.includes(p.id))
        .map((p) => {
          const glossary = categoryGlossary(activity, p as unknown as Record<string, unknown>);
          const english = (list: string[], en: string[]) => (en.length ? en : list);
          const options = [
            ...new Set([
              ...english(activity.dataCategories, activity.dataCategoriesEn),
              ...english(p.dataCategories ?? [], p.dataCategoriesEn ?? []),
              ...(value[p.id] ?? []),
            ]),
          ];
          return (
            <Autocomplete
              key={p.id}
              multiple
              size="small"
              options={options}
              value={value[p.id] ?? []}
              getOptionLabel={(option) => categoriesIn([option], language, glossary)[0]}
              onChange={(_, chosen) => {
                const next = { ...value };
                if (chosen.length) next[p.id] = chosen;
                else delete next[p.id];
                field.onChange(next);
              }}
              renderInput={(params) => <MuiTextField {...params} label={p.name} variant="filled" />}
              sx={{ mb: 1 }}
            />
          );
        })}
    </Box>
  );
};
