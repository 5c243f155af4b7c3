import type { KeyboardEvent } from 'react';

/**
 * A list row that opens on click opens with Enter too, once Tab has reached it (the props a
 * row gets: OpenableDataTableRow, OpenableDatagridRow). Enter on a button or link inside the
 * row is theirs. The row's own click handler (react-admin's rowClick) does the opening.
 */
export const openRowProps = {
  tabIndex: 0,
  onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key !== 'Enter' || event.target !== event.currentTarget) return;
    event.preventDefault();
    event.currentTarget.click();
  },
};

/** Whether a row of a list opens: react-admin's rule (rowClick, else a show or edit page). */
export function rowOpens(rowClick: unknown, hasDetailView: boolean): boolean {
  if (rowClick === false) return false;
  return rowClick != null || hasDetailView;
}
