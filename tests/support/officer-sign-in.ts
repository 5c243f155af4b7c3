import type { Page } from 'playwright-core';
import { openSignInForm, signIn } from '../browser/browser';
import { ADMIN } from './test-console';

/** The administrator signs in to the console at `url` (in English) and is greeted on the dashboard. */
export async function signInAsAdministrator(page: Page, url: string): Promise<void> {
  await openSignInForm(page, url);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByText('Welcome, Administrator').waitFor();
}
