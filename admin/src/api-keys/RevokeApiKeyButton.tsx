import BlockIcon from '@mui/icons-material/Block';
import { useMutation } from '@tanstack/react-query';
import { useState, type MouseEvent } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';

import type { ApiKey } from '../api';

/**
 * Revokes a key after a confirmation: `DELETE /api/api-keys/:id` answers the
 * key, now revoked, which stays listed. (react-admin's DeleteButton would
 * drop the row from the cached list as if it were gone, so this refreshes
 * the list instead.)
 */
export const RevokeApiKeyButton = () => {
  const record = useRecordContext<ApiKey>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (key: ApiKey) => dataProvider.delete<ApiKey>('api-keys', { id: key.id, previousData: key }),
    onSuccess: (_result, key) => {
      setOpen(false);
      notify('app.api_keys.revoked_notice', { type: 'info', messageArgs: { name: key.name } });
      refresh();
    },
    onError: (error: unknown) => {
      setOpen(false);
      const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error' });
    },
  });

  if (!record || record.revokedAt) return null;

  const stop = (event: MouseEvent) => event.stopPropagation();
  return (
    <>
      <Button
        label="app.api_keys.revoke"
        color="error"
        onClick={(event: MouseEvent) => {
          stop(event);
          setOpen(true);
        }}
      >
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="app.api_keys.revoke_title"
        titleTranslateOptions={{ name: record.name }}
        content="app.api_keys.revoke_content"
        confirm="app.api_keys.revoke"
        confirmColor="warning"
        ConfirmIcon={BlockIcon}
        onConfirm={(event: MouseEvent) => {
          stop(event);
          mutate(record);
        }}
        onClose={(event: MouseEvent) => {
          stop(event);
          setOpen(false);
        }}
      />
    </>
  );
};
