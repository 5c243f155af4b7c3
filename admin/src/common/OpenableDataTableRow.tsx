import { forwardRef } from 'react';
import { DataTableRow, useDataTableCallbacksContext, useResourceDefinition, type DataTableRowProps } from 'react-admin';

import { openRowProps, rowOpens } from './openRowOnEnter';

/**
 * react-admin's DataTable row, reached by Tab and opened by Enter when a click opens it: every
 * DataTable of the console uses it (the theme's RaDataTableBody default), so a list needs no
 * change of its own.
 */
export const OpenableDataTableRow = forwardRef<HTMLTableRowElement, DataTableRowProps>((props, ref) => {
  const { rowClick } = useDataTableCallbacksContext();
  const { hasShow, hasEdit } = useResourceDefinition(props);
  return <DataTableRow ref={ref} {...props} {...(rowOpens(rowClick, !!(hasShow || hasEdit)) ? openRowProps : {})} />;
});
OpenableDataTableRow.displayName = 'OpenableDataTableRow';
