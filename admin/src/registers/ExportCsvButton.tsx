import DownloadOutlinedIcon from '@mui/icons-material/DownloadOutlined';
import { Button, useResourceContext } from 'react-admin';

/** The whole register as CSV, from the server (`GET /api/<resource>/export.csv`): what an auditor asks for. */
export const ExportCsvButton = () => {
  const resource = useResourceContext();
  return (
    <Button label="app.registers.export_csv" href={`/api/${resource}/export.csv`} download component="a">
      <DownloadOutlinedIcon />
    </Button>
  );
};
