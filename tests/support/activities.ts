import { expect } from 'vitest';
import type { TestConsole } from './test-console';

/**
 * The officer records in the register an activity on the website's leads, resting on legitimate
 * interests (so that an objection under Art. 21(1) can stop it); its id.
 */
export async function recordContactQualification(c: TestConsole, token: string): Promise<string> {
  const activity = await c.api('/api/activities', {
    token,
    body: {
      name: 'Contact qualification',
      purposes: 'Qualify the contacts of the website',
      legalBasis: 'legitimate_interests',
      sourceSystem: 'leads',
    },
  });
  expect(activity.status).toBe(201);
  return activity.body.id as string;
}
