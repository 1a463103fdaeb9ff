import { showToast } from '../../services/notices.js';
import { copyWithToast } from '../../services/clipboard.js';
import type { Messages } from '../../i18n/en.js';

const PLACEHOLDER = /\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/g;

/** The text cut into plain pieces and `{{placeholder}}` pieces, for highlighting. */
export function splitPlaceholders(text: string): { value: string; placeholder: boolean }[] {
  const pieces: { value: string; placeholder: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) pieces.push({ value: text.slice(last, match.index), placeholder: false });
    pieces.push({ value: match[0], placeholder: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ value: text.slice(last), placeholder: false });
  return pieces;
}

/** How many distinct placeholders the text still has. */
export function countPlaceholders(text: string): number {
  return new Set(text.match(PLACEHOLDER) ?? []).size;
}

/** Copies a letter; when placeholders are left, the toast says so instead of a plain "copied". */
export async function copyLetter(text: string, t: Messages): Promise<void> {
  const left = countPlaceholders(text);
  if (left === 0) return copyWithToast(text, t);
  try {
    await navigator.clipboard.writeText(text);
    showToast(t.poa.copiedWithPlaceholders(left));
  } catch {
    await copyWithToast(text, t);
    showToast(t.poa.copiedWithPlaceholders(left));
  }
}
