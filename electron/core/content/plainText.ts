/**
 * The readable text of Markdown, for search snippets: no syntax, no comments, one line per block.
 * Linear in the length of the text whatever it holds: no pattern here can scan the text again from
 * each of many starting points (an unclosed "<!--" or "[" once did, from every one of them).
 */
export function markdownToPlainText(markdown: string): string {
  return withoutComments(markdown)
    .replace(/^```.*$/gm, ' ')
    .replace(/!\[([^[\]\n]*)\]\([^()\n]*\)/g, '$1')
    .replace(/\[([^[\]\n]*)\]\([^()\n]*\)/g, '$1')
    .replace(/<[^<>\n]{1,200}>/g, ' ')
    .replace(/^[ \t]{0,3}(?:#{1,6}|>|[-*+]|\d{1,9}[.)]|\|)[ \t]?/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/^[ \t:-]+$/gm, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The text without HTML comments; an unclosed one runs to the end, as in a browser. One pass. */
function withoutComments(text: string): string {
  let start = text.indexOf('<!--');
  if (start === -1) return text;
  let result = '';
  let from = 0;
  while (start !== -1) {
    result += `${text.slice(from, start)} `;
    const end = text.indexOf('-->', start + 4);
    if (end === -1) return result;
    from = end + 3;
    start = text.indexOf('<!--', from);
  }
  return result + text.slice(from);
}
