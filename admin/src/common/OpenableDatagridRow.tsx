import { DatagridRow, useResourceDefinition, type DatagridRowProps } from 'react-admin';

import { openRowProps, rowOpens } from './openRowOnEnter';

/**
 * react-admin's Datagrid row (the older table, kept by a few lists), reached by Tab and opened
 * by Enter when a click opens it; the theme's RaDatagrid default body renders it.
 */
export const OpenableDatagridRow = (props: DatagridRowProps) => {
  const { hasShow, hasEdit } = useResourceDefinition({ resource: props.resource });
  return <DatagridRow {...props} {...(rowOpens(props.rowClick, !!(hasShow || hasEdit)) ? openRowProps : {})} />;
};
