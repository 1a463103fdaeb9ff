/** Pathological Markdown of growing size (issue 13): each shape once broke a parser or a regex. */
export const HOSTILE_SHAPES: Record<string, (lines: number) => string> = {
  'lines of _a × 4,999': (lines) => Array.from({ length: lines }, () => '_a'.repeat(4_999)).join('\n'),
  'one paragraph of _a': (lines) => Array.from({ length: lines * 50 }, () => '_a'.repeat(50)).join('\n'),
  'unclosed [a](': (lines) => '[a]('.repeat(lines * 2_500),
  'unclosed <!--': (lines) => '<!--'.repeat(lines * 2_500),
  'nested lists': (lines) =>
    Array.from({ length: lines * 5 }, (_, depth) => `${' '.repeat(depth * 2)}- item`).join('\n'),
  'nested <div>': (lines) => '<div>'.repeat(lines * 2_500),
  'inline HTML tags': (lines) => '<span title="t">a</span> <kbd>b</kbd>\n'.repeat(lines * 250),
  'ordinary Markdown': (lines) =>
    '## Heading\n\nSome **bold** text, a [link](https://example.com) and `code`.\n\n- one\n- two\n\n'.repeat(
      lines * 10,
    ),
};
