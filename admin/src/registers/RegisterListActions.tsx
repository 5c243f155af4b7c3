import type { ReactNode } from 'react';
import { CreateButton, FilterButton, TopToolbar, useCanAccess, useResourceContext } from 'react-admin';

import { ExportCsvButton } from './ExportCsvButton';

/** A register list's toolbar: filters, the CSV of the whole register, and "create" for those who may write. */
export const RegisterListActions = ({ children }: { children?: ReactNode }) => {
  const resource = useResourceContext();
  const { canAccess } = useCanAccess({ resource: resource!, action: 'create' });
  return (
    <TopToolbar>
      {children}
      <FilterButton />
      <ExportCsvButton />
      {canAccess && <CreateButton />}
    </TopToolbar>
  );
};
