import { Pagination, useListContext } from 'react-admin';

/** Pagination for embedded lists, shown only when there is more than one page. */
export const PaginationIfNeeded = () => {
  const { total, perPage } = useListContext();
  return total != null && total > perPage ? <Pagination rowsPerPageOptions={[perPage]} /> : null;
};
