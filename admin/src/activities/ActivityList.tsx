import ArticleOutlinedIcon from '@mui/icons-material/ArticleOutlined';
import { Button, DataTable, FunctionField, List, SelectField, SelectInput } from 'react-admin';

import { Link } from 'react-router-dom';

import { SearchFilter } from '../common/SearchFilter';
import { RECORD_PATH } from '../registers/RecordOfProcessingPage';
import { RegisterListActions } from '../registers/RegisterListActions';
import { TwinField } from '../registers/TwinField';
import { LEGAL_BASIS_CHOICES } from '../registers/vocabulary';
import { RetentionCell } from './RetentionCell';

const filters = [
  <SearchFilter key="q" source="q" alwaysOn placeholder="resources.activities.search_placeholder" />,
  <SelectInput key="legalBasis" source="legalBasis" choices={LEGAL_BASIS_CHOICES} />,
];

const Column = DataTable.Col;

interface ActivityRow {
  processors: Array<{ name: string; country: string }>;
}

/** The record of processing (Art. 30(1)): one row per activity, with its recipients and retention. */
export const ActivityList = () => (
  <List
    filters={filters}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    actions={
      <RegisterListActions>
        <Button label="app.registers.record.open" component={Link} to={RECORD_PATH}>
          <ArticleOutlinedIcon />
        </Button>
      </RegisterListActions>
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="name">
        <TwinField source="name" bold />
      </Column>
      <Column source="legalBasis">
        <SelectField source="legalBasis" choices={LEGAL_BASIS_CHOICES} />
      </Column>
      <Column source="processorIds" disableSort>
        <FunctionField<ActivityRow>
          render={(r) => r.processors.map((p) => `${p.name} (${p.country})`).join(', ') || '—'}
        />
      </Column>
      <Column source="retentionPolicyId" disableSort>
        <RetentionCell />
      </Column>
    </DataTable>
  </List>
);
