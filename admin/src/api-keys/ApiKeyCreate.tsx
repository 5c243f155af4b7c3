import { Box, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Create, SimpleForm, TextInput, maxLength, required, useRedirect, useTranslate } from 'react-admin';

import type { ApiKey, CreatedApiKey } from '../api';
import { KeyCreatedDialog } from './KeyCreatedDialog';

/** Send exactly what `POST /api/api-keys` accepts. */
const toCreatePayload = (data: Partial<ApiKey>) => ({ name: (data.name ?? '').trim() });

const ApiKeyIntro = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 560 }}>
      {translate('app.api_keys.create_intro')}
    </Typography>
  );
};

/**
 * The answer to the creation holds the key in clear, once: it is kept in
 * this page's state (never in react-admin's cache) and shown in a dialog
 * until the admin closes it.
 */
export const ApiKeyCreate = () => {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const queryClient = useQueryClient();
  const redirect = useRedirect();

  const onSuccess = (data: ApiKey) => {
    setCreated(data as CreatedApiKey);
    // react-admin caches the created record for its show page: drop it, with the key in it.
    queryClient.removeQueries({ queryKey: ['api-keys', 'getOne'] });
  };

  return (
    <>
      <Create<ApiKey> transform={toCreatePayload} mutationOptions={{ onSuccess }}>
        <SimpleForm>
          <Box sx={{ width: '100%', maxWidth: 560 }}>
            <ApiKeyIntro />
            <TextInput
              source="name"
              validate={[required(), maxLength(200)]}
              helperText="app.api_keys.name_help"
              autoComplete="off"
              autoFocus
            />
          </Box>
        </SimpleForm>
      </Create>
      {created && (
        <KeyCreatedDialog
          apiKey={created}
          onClose={() => {
            setCreated(null);
            redirect('list', 'api-keys');
          }}
        />
      )}
    </>
  );
};
