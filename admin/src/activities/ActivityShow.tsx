import { VocabularyChipField } from '../common/VocabularyChipField';
import { SourceField } from '../retention-policies/SourceField';
import { Box, Chip } from '@mui/material';
import { Link } from 'react-router-dom';
import {
  EditButton,
  FunctionField,
  ListButton,
  SelectField,
  Show,
  SimpleShowLayout,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';

import { InternalNoteField } from '../registers/InternalNoteField';
import { TwinChipsField, TwinField, useTwinLanguage } from '../registers/TwinField';
import { categoriesIn, categoryGlossary } from '../../../api/src/registers/twins';
import { LEGAL_BASIS_CHOICES, TRANSFER_CHOICES } from '../registers/vocabulary';
import { RetentionCell } from './RetentionCell';

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
  dataCategories: string[];
  dataCategoriesIt: string[];
  dataCategoriesEn: string[];
}

interface ActivityRecipients {
  processors: Recipient[];
  recipientCategories: Record<string, string[]>;
  dataCategories: string[];
  dataCategoriesIt: string[];
  dataCategoriesEn: string[];
}

const Recipients = (_: { label?: string }) => {
  const translate = useTranslate();
  const language = useTwinLanguage();
  // What a recipient receives, when it is a part of the activity's data (Art. 19 notices).
  const part = (record: ActivityRecipients, p: Recipient) => {
    const categories = record.recipientCategories?.[p.id];
    if (!categories?.length) return '';
    const glossary = categoryGlossary(
      record as unknown as Record<string, unknown>,
      p as unknown as Record<string, unknown>,
    );
    return ` · ${categoriesIn(categories, language, glossary).join(', ')}`;
  };
  return (
    <FunctionField<ActivityRecipients>
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
                label={`${p.name} · ${p.country} · ${translate(TRANSFER_CHOICES.find((c) => c.id === p.transferMechanism)?.name ?? p.transferMechanism)}${part(record, p)}`}
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
      <TwinField source="name" bold />
      <TwinField source="purposes" />
      <SelectField source="legalBasis" choices={LEGAL_BASIS_CHOICES} />
      <VocabularyChipField source="consentCategory" vocabulary="app.vocab.cookie_category" />
      <TwinField source="legalBasisNotes" />
      <TwinChipsField source="subjectCategories" />
      <TwinChipsField source="dataCategories" />
      <Recipients label="app.registers.processors_of_activity" />
      <TwinField source="transfers" />
      <RetentionCell label="resources.activities.fields.retentionPolicyId" />
      <TwinField source="securityMeasures" />
      <SourceField source="sourceSystem" />
      <InternalNoteField source="internalNotes" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
