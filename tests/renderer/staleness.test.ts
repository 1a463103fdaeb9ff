import { describe, expect, it } from 'vitest';
import { isStale } from '../../renderer/src/article/staleness.js';

describe('stale facts', () => {
  const today = new Date('2026-12-01T10:00:00Z');

  it('flags facts more than two years old', () => {
    expect(isStale('2019-03-01', today)).toBe(true);
    expect(isStale('2024-11-30', today)).toBe(true);
    expect(isStale('2023', today)).toBe(true);
  });

  it('counts a year or a month from its last day, and leaves recent facts alone', () => {
    expect(isStale('2024', today)).toBe(false);
    expect(isStale('2024-12', today)).toBe(false);
    expect(isStale('2024-12-01', today)).toBe(false);
    expect(isStale('2026-10-25', today)).toBe(false);
    expect(isStale('not a date', today)).toBe(false);
  });
});
