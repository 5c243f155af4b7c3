import { describe, expect, it } from 'vitest';
import { ESTIMATE_REUSE_MS, EstimateCache, estimateKey, totalFromPage } from './find-page';

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

describe('EstimateCache', () => {
  it('reuses an estimate for ESTIMATE_REUSE_MS, then forgets it', () => {
    const cache = new EstimateCache();
    cache.set('leads', 1_000_000, 0);
    expect(cache.get('leads', ESTIMATE_REUSE_MS - 1)).toBe(1_000_000);
    expect(cache.get('leads', ESTIMATE_REUSE_MS)).toBeUndefined();
    expect(cache.get('leads', 0)).toBeUndefined();
    expect(cache.get('other', 0)).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the oldest', () => {
    const cache = new EstimateCache(2);
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    cache.set('a', 3, 1);
    cache.set('c', 4, 1);
    expect(cache.get('b', 2)).toBeUndefined();
    expect(cache.get('a', 2)).toBe(3);
    expect(cache.get('c', 2)).toBe(4);
  });
});

describe('estimateKey', () => {
  it('tells statements and values apart, in a key of the same size whatever the filter, holding no value as text', () => {
    const sql = 'SELECT 1 FROM leads WHERE email = $1';
    expect(estimateKey(sql, ['anna@example.it'])).toBe(estimateKey(sql, ['anna@example.it']));
    expect(estimateKey(sql, ['anna@example.it'])).not.toBe(estimateKey(sql, ['bruno@example.it']));
    expect(estimateKey(sql, ['1'])).not.toBe(estimateKey(sql, [1]));
    expect(estimateKey(`${sql} AND 1 = 1`, ['anna@example.it'])).not.toBe(estimateKey(sql, ['anna@example.it']));
    const many = Array.from({ length: 10_000 }, (_, i) => `person${i}@example.it`);
    const key = estimateKey(sql.repeat(100), many);
    expect(key).toHaveLength(estimateKey(sql, []).length);
    expect(key).not.toContain('person');
  });
});
