import type { AuthProvider } from 'react-admin';

import { API_URL, httpClient } from './dataProvider';
import { ROLES } from './choices';
import type { Role, User } from './api';

const USER_KEY = 'privacy-console.user';

export const getStoredUser = (): User | null => {
  try {
    const raw = localStorage.getItem(USER_KEY);
    if (!raw) return null;
    const user = JSON.parse(raw) as User;
    return user && user.id != null && ROLES.includes(user.role) ? user : null;
  } catch {
    return null;
  }
};

const storeUser = (user: User) => localStorage.setItem(USER_KEY, JSON.stringify(user));
const clearUser = () => localStorage.removeItem(USER_KEY);

const READ_ONLY_ACTIONS = ['list', 'show', 'export', 'read'];

/** Resources the API serves to administrators only. */
const ADMIN_ONLY_RESOURCES = ['users', 'api-keys'];

/** Resources every role reads and only admins change (letter templates: what the company writes to people). */
const ADMIN_EDIT_RESOURCES = ['letter-templates'];

/**
 * Role rules, mirrored from the API (which remains the authority):
 * - admin: everything;
 * - officer: everything except `users` and `api-keys`;
 * - auditor: read-only (list/show/export), no `users` nor `api-keys`.
 * The personal-data sources are read-only for every role: their resources
 * simply offer no create, edit or delete.
 */
export const roleCanAccess = (role: Role | undefined, action: string, resource: string): boolean => {
  switch (role) {
    case 'admin':
      return true;
    case 'officer':
      if (ADMIN_EDIT_RESOURCES.includes(resource)) return READ_ONLY_ACTIONS.includes(action);
      return !ADMIN_ONLY_RESOURCES.includes(resource);
    case 'auditor':
      return !ADMIN_ONLY_RESOURCES.includes(resource) && READ_ONLY_ACTIONS.includes(action);
    default:
      return false;
  }
};

const statusOf = (error: unknown): number | undefined =>
  error && typeof error === 'object' && 'status' in error ? (error as { status?: number }).status : undefined;

export const authProvider: AuthProvider = {
  // react-admin's login form sends { username, password }; the API wants { email, password }.
  login: async ({ username, password }: { username: string; password: string }) => {
    try {
      const response = await httpClient(`${API_URL}/auth/login`, {
        method: 'POST',
        body: JSON.stringify({ email: username?.trim(), password }),
      });
      storeUser((response.json as { user: User }).user);
    } catch (error) {
      clearUser();
      const status = statusOf(error);
      if (status === 400 || status === 401) {
        throw new Error('ra.auth.sign_in_error', { cause: error });
      }
      if (status === 429) {
        throw new Error('app.auth.too_many_attempts', { cause: error });
      }
      throw new Error('ra.notification.http_error', { cause: error });
    }
  },

  logout: async () => {
    if (getStoredUser()) {
      try {
        await httpClient(`${API_URL}/auth/logout`, { method: 'POST' });
      } catch {
        // The session may already be gone (expired cookie, 401): nothing to undo.
      }
    }
    clearUser();
  },

  // The methods below do no I/O: they answer with settled promises (a rejection, never a
  // synchronous throw, is what react-admin expects of an auth provider).
  checkAuth: () => {
    if (!getStoredUser()) {
      // Nobody signed in: straight to the sign-in page, without a logout (which resets
      // react-admin's store and sent the first visit round a redirect loop for seconds)
      // and without a "please sign in" notice on a first visit.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- react-admin's checkAuth contract is this plain object, `message: false` cannot be an Error
      return Promise.reject({ redirectTo: '/login', logoutUser: false, message: false });
    }
    return Promise.resolve();
  },

  checkError: (error: unknown) => {
    const status = statusOf(error);
    if (status === 401) {
      // Rejecting makes react-admin notify "session ended" and call logout(),
      // which clears the stored user. Clearing it here already would make
      // react-admin think we were logged out before, and skip the notice.
      return Promise.reject(new Error('ra.notification.logged_out'));
    }
    // 403 means "not allowed", not "not signed in": stay logged in.
    return Promise.resolve();
  },

  getIdentity: () => {
    const user = getStoredUser();
    if (!user) return Promise.reject(new Error('ra.auth.auth_check_error'));
    return Promise.resolve({ id: user.id, fullName: user.fullName, email: user.email, role: user.role });
  },

  getPermissions: () => Promise.resolve(getStoredUser()?.role),

  canAccess: ({ action, resource }) => Promise.resolve(roleCanAccess(getStoredUser()?.role, action, resource)),
};
