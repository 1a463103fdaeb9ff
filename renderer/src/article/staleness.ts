/** How old facts may be before the reader is asked to check that they still hold. */
export const STALE_AFTER_YEARS = 2;

/**
 * True when `asOf` (YYYY, YYYY-MM or YYYY-MM-DD) lies more than two years before `today`. A year or
 * month counts from its last day, so "2024" is not stale before 2027-01-01.
 */
export function isStale(asOf: string, today: Date): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(asOf);
  if (!match) return false;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : 12;
  const day = match[3] ? Number(match[3]) : new Date(Date.UTC(year, month, 0)).getUTCDate();
  const limit = Date.UTC(year + STALE_AFTER_YEARS, month - 1, day);
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return now > limit;
}
