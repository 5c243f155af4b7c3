import { describe, expect, it } from 'vitest';
import { categoriesOf, categoryProblem } from './cookie-rules';

describe("a cookie's category belongs to its own system's banner", () => {
  it("files the website's cookies under the website banner's categories (cookie policy, section 3)", () => {
    expect(categoryProblem('website', 'analytics')).toBeNull();
    expect(categoryProblem('website', 'ai_chatbot')).toBeNull();
    // The website declares no advertising cookies: that category is the platform's.
    expect(categoryProblem('website', 'advertising_marketing')).toMatch(/no such category/);
  });

  it("files the platform's cookies under its own policy's categories, not the website's", () => {
    expect(categoryProblem('platform', 'advertising_marketing')).toBeNull();
    expect(categoryProblem('platform', 'session_security')).toBeNull();
    expect(categoryProblem('platform', 'ai_chatbot')).toMatch(/session_security/);
    expect(categoryProblem('platform', 'marketing')).not.toBeNull();
  });

  it('shares only the word "analytics" between the two banners', () => {
    const shared = categoriesOf('website').filter((c) => categoriesOf('platform').includes(c));
    expect(shared).toEqual(['analytics']);
  });
});
