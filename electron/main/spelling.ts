import type { ContextMenuParams, MenuItemConstructorOptions, WebContents } from 'electron';
import type { SpellingCheck } from '../common/index.js';

/**
 * Spelling without the network. Chromium's own spellchecker would download Hunspell dictionaries
 * from Google's servers, so it stays off; instead the context menu of a text field offers
 * corrections of the English word at the caret (or the selected word) from the bundled dictionary-en.
 */

/** The word at the caret of the focused field, or the selected text, with its offsets (run in the page). */
export const WORD_AT_CARET = `(() => {
  const field = document.activeElement;
  if (!field || typeof field.value !== 'string' || typeof field.selectionStart !== 'number') return null;
  const value = field.value;
  let start = field.selectionStart;
  let end = field.selectionEnd ?? start;
  if (start === end) {
    while (start > 0 && /[A-Za-z']/.test(value[start - 1])) start -= 1;
    while (end < value.length && /[A-Za-z']/.test(value[end])) end += 1;
  }
  return { start, end, word: value.slice(start, end) };
})()`;

/** Selects a word of the focused field, so that webContents.replace() puts the correction there. */
export function selectRangeScript(start: number, end: number): string {
  if (!Number.isInteger(start) || !Number.isInteger(end))
    throw new Error(`Spelling: not a text range: ${start}..${end}`);
  return `document.activeElement.setSelectionRange(${start}, ${end})`;
}

export interface WordAtCaret {
  start: number;
  end: number;
  word: string;
}

/** The part of a word nspell should judge: letters and inner apostrophes, 2 to 40 of them; not an acronym (ODR, FBA). */
export function checkableWord(text: string): string | null {
  const word = text.trim().replace(/^'+|'+$/g, '');
  return /^[A-Za-z][A-Za-z']{1,39}$/.test(word) && !/^[A-Z]+$/.test(word) ? word : null;
}

/** The spelling part of the menu: corrections of a misspelt word, or nothing when it is spelt right. */
export function spellingItems(
  check: SpellingCheck | null,
  replace: (text: string) => void,
  noSuggestions: string,
): MenuItemConstructorOptions[] {
  if (!check || check.correct) return [];
  const { suggestions } = check;
  const items: MenuItemConstructorOptions[] = suggestions.length
    ? suggestions.map((suggestion) => ({ label: suggestion, click: () => replace(suggestion) }))
    : [{ label: noSuggestions, enabled: false }];
  return [...items, { type: 'separator' }];
}

const EDIT_ROLES: MenuItemConstructorOptions[] = [
  { role: 'undo' },
  { role: 'redo' },
  { type: 'separator' },
  { role: 'cut' },
  { role: 'copy' },
  { role: 'paste' },
  { type: 'separator' },
  { role: 'selectAll' },
];

export interface SpellingMenuDeps {
  /** The core's checkSpelling. */
  check: (word: string) => Promise<SpellingCheck>;
  popup: (template: MenuItemConstructorOptions[]) => void;
  locale: string;
}

/** On a right click in a text field: corrections first (when the word is misspelt), then Cut/Copy/Paste. */
export function attachSpellingMenu(
  contents: Pick<WebContents, 'on' | 'executeJavaScript' | 'replace'>,
  deps: SpellingMenuDeps,
): void {
  const noSuggestions = deps.locale.toLowerCase().startsWith('zh') ? '（无拼写建议）' : '(No spelling suggestions)';
  contents.on('context-menu', (_event, params: ContextMenuParams) => {
    if (!params.isEditable) return;
    void (async () => {
      const found = (await contents.executeJavaScript(WORD_AT_CARET).catch(() => null)) as WordAtCaret | null;
      const word =
        found && Number.isInteger(found.start) && Number.isInteger(found.end)
          ? checkableWord(String(found.word))
          : null;
      const replace = (text: string) => {
        void contents.executeJavaScript(selectRangeScript(found!.start, found!.end)).then(() => contents.replace(text));
      };
      const check = word ? await deps.check(word).catch(() => null) : null;
      deps.popup([...spellingItems(check, replace, noSuggestions), ...EDIT_ROLES]);
    })();
  });
}
