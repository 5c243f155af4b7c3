import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

/** The page title's heading in the app bar (react-admin's title portal, made a focusable h1 in AppBar). */
export const PAGE_TITLE_ID = 'react-admin-title';

/** How long the title must stay unchanged (a show page names its record once loaded), and the longest wait. */
const SETTLED_MS = 150;
const LONGEST_MS = 1500;

/**
 * After each change of page, the focus goes to the page's title, so that a screen reader says
 * where the officer now is and Tab starts from the top of the new page. It waits until the
 * title has settled, and leaves the focus where the new page put it (a search box with
 * autofocus, a dialog, a drop-down): only a focus left on the menu, the app bar or nowhere is moved.
 */
export function useFocusTitleOnNavigation(): void {
  const { pathname } = useLocation();
  useEffect(() => {
    const title = document.getElementById(PAGE_TITLE_ID);
    if (!title) return;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const focusTitle = () => {
      observer.disconnect();
      clearTimeout(settle);
      clearTimeout(longest);
      if (focusLeftBehind()) title.focus({ preventScroll: true });
    };
    const observer = new MutationObserver(() => {
      clearTimeout(settle);
      settle = setTimeout(focusTitle, SETTLED_MS);
    });
    observer.observe(title, { childList: true, subtree: true, characterData: true });
    settle = setTimeout(focusTitle, SETTLED_MS);
    const longest = setTimeout(focusTitle, LONGEST_MS);
    return () => {
      observer.disconnect();
      clearTimeout(settle);
      clearTimeout(longest);
    };
  }, [pathname]);
}

/** The focus is on nothing, or still on the way the officer came (the menu, the app bar). */
function focusLeftBehind(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return true;
  // A dialog, a drop-down list or a menu open over the page keeps it.
  if (active.closest('.MuiModal-root, [role="dialog"]')) return false;
  return !active.closest('#main-content');
}
