import type { KeyboardEvent } from 'react';

import { PAGE_TITLE_ID } from './useFocusTitleOnNavigation';

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

/** The first element of the page's content that Tab reaches (in #main-content, react-admin's content box). */
export function firstInContent(): HTMLElement | null {
  const main = document.getElementById('main-content');
  if (!main) return null;
  for (const element of main.querySelectorAll<HTMLElement>(TABBABLE)) {
    if (element.tabIndex < 0 || element.closest('[aria-hidden="true"], [inert]')) continue;
    if (element.getClientRects().length === 0) continue;
    return element;
  }
  return null;
}

/**
 * "Skip to content", the first Tab stop of every page (react-admin's button, given this as its
 * click): the focus goes to the page's heading, which a screen reader reads, and the next Tab
 * from it to the content.
 */
export function skipToContent(): void {
  const title = document.getElementById(PAGE_TITLE_ID);
  if (title?.textContent?.trim()) title.focus();
  else firstInContent()?.focus();
}

/**
 * The page's heading sits in the app bar, before the menu: Tab from it goes on to the page's
 * content, not through the app bar and the whole menu first (Shift+Tab still goes back to them).
 */
export function tabIntoContent(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
  const first = firstInContent();
  if (!first) return;
  event.preventDefault();
  first.focus();
}
