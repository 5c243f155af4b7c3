import TranslateOutlinedIcon from '@mui/icons-material/TranslateOutlined';
import { Box, Chip, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { twinList, twinText, type TwinLanguage } from '../../../api/src/registers/twins';
import { i18nProvider } from '../i18n';

/** The UI's language, as the registers' twins name it. */
export const useTwinLanguage = (): TwinLanguage => {
  const [locale] = useLocaleState();
  return locale === 'it' ? 'it' : 'en';
};

/**
 * Marks a text shown in the other language because the officer left this one empty: the words
 * carry their language (`lang`, WCAG 3.1.2) and a chip says what is missing.
 */
const FallbackChip = ({ language }: { language: TwinLanguage }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color="warning"
      variant="outlined"
      icon={<TranslateOutlinedIcon />}
      data-testid="twin-fallback"
      label={translate(`app.registers.fallback_${language}`)}
      sx={{ ml: 1, verticalAlign: 'middle' }}
    />
  );
};

/**
 * A register's public text in the UI's language (`<source>It` or `<source>En`); where the officer
 * left it empty, the other language's, marked.
 */
export const TwinField = ({
  source,
  bold = false,
  emptyText = '—',
}: {
  source: string;
  label?: string;
  sortable?: boolean;
  bold?: boolean;
  emptyText?: string;
}) => {
  const record = useRecordContext<Record<string, unknown>>();
  const language = useTwinLanguage();
  if (!record) return null;
  const { text, fallback } = twinText(record, source, language);
  if (!text) return <Typography variant="body2">{emptyText}</Typography>;
  return (
    <Typography
      variant="body2"
      component="span"
      data-testid={`twin-${source}`}
      sx={{ whiteSpace: 'pre-line', fontWeight: bold ? 600 : undefined }}
    >
      <span lang={fallback ? (language === 'it' ? 'en' : 'it') : undefined}>{text}</span>
      {fallback && <FallbackChip language={language} />}
    </Typography>
  );
};

/** A register's list of categories in the UI's language, as chips; the other language's, marked. */
export const TwinChipsField = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const language = useTwinLanguage();
  const translate = useTranslate();
  if (!record) return null;
  const { items, fallback } = twinList(record, source, language);
  if (items.length === 0) return <span>{translate('app.registers.none')}</span>;
  return (
    <Box
      sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', alignItems: 'center' }}
      lang={fallback ? (language === 'it' ? 'en' : 'it') : undefined}
    >
      {items.map((value) => (
        <Chip key={value} size="small" label={value} variant="outlined" />
      ))}
      {fallback && <FallbackChip language={language} />}
    </Box>
  );
};

/**
 * A register entry's name in the console's language, for page titles and references
 * (`recordRepresentation`, which react-admin calls outside React).
 */
export const twinName = (record: Record<string, unknown>): string =>
  twinText(record, 'name', i18nProvider.getLocale() === 'it' ? 'it' : 'en').text ?? '';
