import jsonExport from 'jsonexport/dist/index.js';
import { downloadCSV, type Exporter } from 'react-admin';
import { neutraliseFormulas } from './csvCells';

/**
 * react-admin's default exporter (jsonexport, then a download) with the cells a spreadsheet
 * would run as formulas neutralised, and every cell quoted (OWASP's CSV injection advice).
 */
export const csvExporter: Exporter = (records, _fetchRelated, _dataProvider, resource) => {
  jsonExport(records.map(neutraliseFormulas), { forceTextDelimiter: true }, (error: Error | null, csv: string) => {
    if (!error) downloadCSV(csv, resource);
  });
};
