import { downloadCSV, type Exporter } from 'react-admin';

import { i18nProvider } from '../i18n';
import { listCsv } from './csvCells';

/**
 * The lists' Export button: every field of the records, headed by the field's label in the
 * console's language (the list's own column titles), cells quoted and neutralised against
 * formula injection (OWASP's CSV injection advice; the rule is the API's csvCell).
 */
export const csvExporter: Exporter = (records, _fetchRelated, _dataProvider, resource) => {
  const header = (field: string) =>
    i18nProvider.translate(`resources.${resource}.fields.${field}`, {
      _: i18nProvider.translate(`app.csv.fields.${field}`, { _: field }),
    });
  downloadCSV(listCsv(records, header), resource ?? 'export');
};
