import {
  Datagrid,
  EditButton,
  ListButton,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  ArrayField,
  useCanAccess,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { LetterLanguage } from './LetterLanguage';
import { LetterTemplateTitle } from './LetterTemplateTitle';
import { PlaceholdersField } from './PlaceholdersField';

const Actions = () => {
  // Admins only edit the templates (the API's PUT is admin-only too).
  const { canAccess } = useCanAccess({ resource: 'letter-templates', action: 'edit' });
  return (
    <TopToolbar>
      {canAccess && <EditButton />}
      <ListButton />
    </TopToolbar>
  );
};

/** The template in force, its placeholders, and who changed it when (every version is kept). */
export const LetterTemplateShow = () => (
  <Show actions={<Actions />} title={<LetterTemplateTitle />}>
    <SimpleShowLayout>
      <NumberField source="version" />
      <LetterLanguage label="resources.letter-templates.fields.subject">
        <TextField source="subject" />
      </LetterLanguage>
      <LetterLanguage label="resources.letter-templates.fields.body">
        <TextField source="body" sx={{ whiteSpace: 'pre-line' }} />
      </LetterLanguage>
      <PlaceholdersField label="resources.letter-templates.fields.placeholders" />
      <TextField source="updatedBy" emptyText="—" />
      <LetterLanguage label="resources.letter-templates.fields.versions">
        <ArrayField source="versions">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <NumberField source="version" />
            <TextField source="subject" />
            <DateTimeField source="createdAt" />
            <TextField source="createdBy" emptyText="—" />
          </Datagrid>
        </ArrayField>
      </LetterLanguage>
    </SimpleShowLayout>
  </Show>
);
