import { COOKIE_CATEGORIES, PLATFORM_COOKIE_CATEGORIES, type CookieCategory, type CookieSystem } from './cookie.entity';

/** Each system's banner has its own categories: a cookie is filed under one of its own system's. */
export function categoriesOf(system: CookieSystem): readonly CookieCategory[] {
  return system === 'website' ? COOKIE_CATEGORIES : PLATFORM_COOKIE_CATEGORIES;
}

/** Why a cookie's category does not fit its system, or null when it does. */
export function categoryProblem(system: CookieSystem, category: CookieCategory): string | null {
  const own = categoriesOf(system);
  return own.includes(category) ? null : `the ${system}'s banner has no such category: one of ${own.join(', ')}`;
}
