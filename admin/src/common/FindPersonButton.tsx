import PersonSearchOutlinedIcon from '@mui/icons-material/PersonSearchOutlined';
import { Button, useRecordContext, type RaRecord } from 'react-admin';

import { findPersonPath } from '../find-person/findPersonPath';

/**
 * "Find this person": opens the subject search with an identifier of the
 * record shown (its e-mail, phone, account, consent id or IP address).
 */
export const FindPersonButton = <T extends RaRecord>({
  identifier,
}: {
  identifier: (record: T) => string | null | undefined;
}) => {
  const record = useRecordContext<T>();
  const value = record ? identifier(record)?.trim() : null;
  if (!value) return null;
  return (
    <Button to={findPersonPath(value)} label="app.find_person.find_this_person">
      <PersonSearchOutlinedIcon />
    </Button>
  );
};
