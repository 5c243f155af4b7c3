import { uniqueEmail, type TestConsole } from './test-console';

/**
 * A colleague with `role`, added by the admin (`adminToken`) with a new e-mail and signed in:
 * their session's token.
 */
export async function signInAs(
  c: TestConsole,
  adminToken: string,
  role: 'officer' | 'auditor' | 'admin',
  fullName = role[0].toUpperCase() + role.slice(1),
): Promise<string> {
  const user = { email: uniqueEmail(role), password: `${role} password 1` };
  await c.api('/api/users', { token: adminToken, body: { ...user, fullName, role } });
  return c.login(user.email, user.password);
}
