import { describe, expect, it } from 'vitest';
import { menuKeyTarget } from '../../admin/src/layout/menuKeys';

/** The side menu's keys (WAI-ARIA menu pattern), across the sections' groups. */
describe('menuKeyTarget', () => {
  const labels = ['Dashboard', 'Requests', 'Other mail', 'Find a person', 'Leads', 'Letter templates'];

  it('moves down and up, wrapping round at both ends', () => {
    expect(menuKeyTarget('ArrowDown', 0, labels)).toBe(1);
    expect(menuKeyTarget('ArrowDown', 5, labels)).toBe(0);
    expect(menuKeyTarget('ArrowUp', 1, labels)).toBe(0);
    expect(menuKeyTarget('ArrowUp', 0, labels)).toBe(5);
    // Focus outside the items (-1): down goes to the first, up to the last.
    expect(menuKeyTarget('ArrowDown', -1, labels)).toBe(0);
    expect(menuKeyTarget('ArrowUp', -1, labels)).toBe(5);
  });

  it('goes to the ends with Home and End', () => {
    expect(menuKeyTarget('Home', 3, labels)).toBe(0);
    expect(menuKeyTarget('End', 3, labels)).toBe(5);
  });

  it('goes to the next item starting with a letter, in any case, round the end', () => {
    expect(menuKeyTarget('l', 0, labels)).toBe(4);
    expect(menuKeyTarget('L', 4, labels)).toBe(5);
    expect(menuKeyTarget('l', 5, labels)).toBe(4);
    expect(menuKeyTarget('f', 4, labels)).toBe(3);
  });

  it('leaves other keys, a letter no item starts with and an empty menu alone', () => {
    expect(menuKeyTarget('Enter', 2, labels)).toBeNull();
    expect(menuKeyTarget('Tab', 2, labels)).toBeNull();
    expect(menuKeyTarget(' ', 2, labels)).toBeNull();
    expect(menuKeyTarget('z', 2, labels)).toBeNull();
    expect(menuKeyTarget('ArrowDown', 0, [])).toBeNull();
  });
});
