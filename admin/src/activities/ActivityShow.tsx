import { Box, Chip } from '@mui/material';
import { Link } from 'react-router-dom';
import {
  EditButton,
  FunctionField,
  ListButton,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';

import { BilingualField } from '../registers/BilingualField';
import { InternalNoteField } from '../registers/InternalNoteField';
import { ChipListField } from '../registers/ChipListField';
import { LEGAL_BASIS_CHOICES, TRANSFER_CHOICES } from '../registers/vocabulary';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'activities', action: 'edit' });
  return (
    <TopToolbar>
      {canAccess && <EditButton />}
      <ListButton />
    </TopToolbar>
  );
};

interface Recipient {
  id: string;
  name: string;
  country: string;
  transferMechanism: string;
}

const Recipients = (_: { label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField<{ processors: Recipient[] }>
      render={(record) =>
        record.processors.length === 0 ? (
          '—'
        ) : (
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
            {record.processors.map((p) => (
              <Chip
                key={p.id}
                size="small"
                component={Link}
                to={`/processors/${p.id}/show`}
                clickable
                label={`${p.name} · ${p.country} · ${translate(TRANSFER_CHOICES.find((c) => c.id === p.transferMechanism)?.name ?? p.transferMechanism)}`}
              />
            ))}
          </Box>
        )
      }
    />
  );
};

export const ActivityShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="purposes" sx={{ whiteSpace: 'pre-line' }} />
      <BilingualField base="purposes" label="app.registers.public_text" />
      <SelectField source="legalBasis" choices={LEGAL_BASIS_CHOICES} />
      <TextField source="consentCategory" emptyText="—" />
      <TextField source="legalBasisNotes" emptyText="—" />
      <ChipListField source="subjectCategories" />
      <ChipListField source="dataCategories" />
      <Recipients label="app.registers.processors_of_activity" />
      <TextField source="transfers" emptyText="—" />
      <ReferenceField source="retentionPolicyId" reference="retention-policies" emptyText="—" link="show">
        <TextField source="periodText" />
      </ReferenceField>
      <TextField source="securityMeasures" emptyText="—" />
      <TextField source="sourceSystem" emptyText="—" />
      <InternalNoteField source="internalNotes" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
