import { describe, expect, it } from 'vitest';
import { totalFromPage } from './find-page';

describe('totalFromPage', () => {
  it('knows the total from a short page', () => {
    expect(totalFromPage(0, 25, 3)).toBe(3);
    expect(totalFromPage(0, 25, 0)).toBe(0);
    expect(totalFromPage(50, 25, 7)).toBe(57);
    expect(totalFromPage(0, undefined, 40)).toBe(40);
  });

  it('needs a count for a full page, or an empty page past the start', () => {
    expect(totalFromPage(0, 25, 25)).toBeNull();
    expect(totalFromPage(100, 25, 25)).toBeNull();
    // Nothing at 500: the list may hold 3 rows or 499, only a count tells.
    expect(totalFromPage(500, 25, 0)).toBeNull();
  });
});
