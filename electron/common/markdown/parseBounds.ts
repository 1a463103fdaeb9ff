/**
 * Bounds on what the Markdown parser is given, so its work grows with the length of the text and
 * never with its square: marked matches each emphasis mark against the rest of its paragraph, and
 * nests lists as deep as they are indented. Only text no person writes is affected: a block of
 * lines with an overlong line or too many emphasis marks is kept out of the parser and shown as
 * the literal text it is (escaped, in one linear pass).
 */

/** A line this long is not Markdown anybody writes: its block is shown as literal text. */
export const MAX_PARSED_LINE_CHARS = 2_000;
/** More emphasis marks (* _ ~) than this in one block of lines: the block is shown as literal text. */
export const MAX_EMPHASIS_MARKS_PER_BLOCK = 100;
/** Leading indentation beyond this many columns counts as this many: lists nest at most ~20 deep. */
export const MAX_INDENT_COLUMNS = 40;

const FENCE = /^ {0,3}(```|~~~)/;
const PLACEHOLDER = /<!--seller-kb-literal-(\d+)-->/g;

export interface BoundedMarkdown {
  /** What the parser gets: each literal block replaced by a placeholder comment of its own. */
  markdown: string;
  /** The blocks kept out of the parser, in order; restoreLiterals puts them back as text. */
  literals: string[];
}

/**
 * The Markdown as the parser should see it: the same text, with the bounds above applied.
 *
 * @example boundForParsing('_a'.repeat(300)).literals.length // → 1
 */
export function boundForParsing(markdown: string): BoundedMarkdown {
  const source = markdown.split('\n');
  const lines = [...source];
  const literals: string[] = [];
  let block: number[] = [];
  let marks = 0;
  let overlong = false;
  let fenced = false;
  const closeBlock = () => {
    if (block.length > 0 && (overlong || marks > MAX_EMPHASIS_MARKS_PER_BLOCK)) {
      literals.push(block.map((index) => source[index]).join('\n'));
      for (const index of block) lines[index] = '';
      lines[block[0]!] = `\n<!--seller-kb-literal-${literals.length - 1}-->\n`;
    }
    block = [];
    marks = 0;
    overlong = false;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (FENCE.test(line)) {
      closeBlock();
      fenced = !fenced;
      continue;
    }
    // Code is shown as it is and parsed in linear time: no bound applies inside a fence.
    if (fenced) continue;
    if (line.trim() === '') {
      closeBlock();
      continue;
    }
    lines[index] = capIndent(line);
    block.push(index);
    marks += countMarks(line);
    overlong ||= line.length > MAX_PARSED_LINE_CHARS;
  }
  closeBlock();
  return { markdown: lines.join('\n'), literals };
}

/** True for an HTML token that is one placeholder and nothing else (the renderer must keep it as it is). */
export function isLiteralPlaceholder(text: string): boolean {
  return /^\s*<!--seller-kb-literal-\d+-->\s*$/.test(text);
}

/** Puts the literal blocks back into the rendered HTML, each as an escaped paragraph. */
export function restoreLiterals(html: string, literals: string[], escape: (text: string) => string): string {
  if (literals.length === 0) return html;
  return html.replace(PLACEHOLDER, (placeholder, index: string) => {
    const text = literals[Number(index)];
    return text === undefined ? placeholder : `<p class="literal-text">${escape(text)}</p>`;
  });
}

function countMarks(line: string): number {
  let count = 0;
  for (let at = 0; at < line.length; at++) {
    const code = line.charCodeAt(at);
    if (code === 42 || code === 95 || code === 126) count++;
  }
  return count;
}

/** Cuts leading spaces and tabs past MAX_INDENT_COLUMNS (a tab counts as 4). */
function capIndent(line: string): string {
  const code = line.charCodeAt(0);
  if (code !== 32 && code !== 9) return line;
  let columns = 0;
  let at = 0;
  for (; at < line.length && (line[at] === ' ' || line[at] === '\t'); at++) columns += line[at] === '\t' ? 4 : 1;
  return columns <= MAX_INDENT_COLUMNS ? line : ' '.repeat(MAX_INDENT_COLUMNS) + line.slice(at);
}

/** A user's file is rendered up to this many characters; search still reads all of it. */
export const MAX_RENDERED_CHARS = 200_000;
/** The live preview of a note renders up to this many characters at each keystroke. */
export const MAX_PREVIEW_CHARS = 50_000;

/**
 * The first `maxChars` characters of Markdown, cut at the line break before them (or at the limit
 * when there is none), or null when it is not longer than that.
 *
 * @example leadingPart('a\nb\nc', 3) // → 'a'
 */
export function leadingPart(markdown: string, maxChars: number): string | null {
  if (markdown.length <= maxChars) return null;
  const lineEnd = markdown.lastIndexOf('\n', maxChars);
  return markdown.slice(0, lineEnd > 0 ? lineEnd : maxChars);
}
