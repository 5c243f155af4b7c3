import PrintOutlinedIcon from '@mui/icons-material/PrintOutlined';
import { Button, useLocaleState } from 'react-admin';

import { RegisterListActions } from '../registers/RegisterListActions';
import { breachesApi } from './breachesApi';

/** The register's toolbar: filters, the CSV, the printable register in the console's language, create. */
export const BreachListActions = () => {
  const [locale] = useLocaleState();
  return (
    <RegisterListActions>
      <Button
        label="app.breaches.printable"
        href={breachesApi.registerUrl(locale === 'it' ? 'it' : 'en')}
        target="_blank"
        rel="noopener"
        component="a"
      >
        <PrintOutlinedIcon />
      </Button>
    </RegisterListActions>
  );
};
