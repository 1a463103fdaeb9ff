/** A complete, plausible date from a date input (typing a year passes through "0002", "0020"…). */
export function isCompleteDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= 1990 && year <= 2100 && !Number.isNaN(Date.parse(value));
}

/** "A, b12 ,c" → ["A", "B12", "C"]: ASINs as the core stores them. */
export function parseAsins(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、\s]+/)
        .map((item) => item.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}
