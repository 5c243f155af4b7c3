import { Alert } from '@mui/material';
import { Edit, SaveButton, SimpleForm, TextInput, Toolbar, required, useTranslate } from 'react-admin';

import { LetterTemplateTitle } from './LetterTemplateTitle';
import { PlaceholdersField } from './PlaceholdersField';

const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/**
 * An admin's new version of a template. The API refuses (400) a template that drops a placeholder
 * the law requires or quotes an unknown one; react-admin puts its `errors` beside the fields.
 */
export const LetterTemplateEdit = () => {
  const translate = useTranslate();
  return (
    <Edit mutationMode="pessimistic" redirect="show" title={<LetterTemplateTitle />}>
      <SimpleForm toolbar={<EditToolbar />}>
        <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
          {translate('resources.letter-templates.edit_help')}
        </Alert>
        <PlaceholdersField label="resources.letter-templates.fields.placeholders" />
        <TextInput source="subject" validate={required()} fullWidth />
        <TextInput source="body" validate={required()} fullWidth multiline minRows={12} />
      </SimpleForm>
    </Edit>
  );
};
