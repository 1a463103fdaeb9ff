import { Marked, type Token, type Tokens } from 'marked';
import type { ChecklistInfo, Heading } from '../content.js';
import { boundForParsing, restoreLiterals } from './parseBounds.js';
import type { Sanitize } from './sanitize.js';

export interface RenderedMarkdown {
  html: string;
  headings: Heading[];
  checklists: ChecklistInfo[];
}

/** Markdown larger than this is refused before parsing: nobody writes it, and parsing it could stall the UI. */
export const MAX_MARKDOWN_CHARS = 2_000_000;

const CHECKLIST_MARKER = /^<!--\s*checklist:\s*([a-z0-9][a-z0-9-]*)\s*-->\s*$/;
const ARTICLE_LINK = /^article:([a-z0-9][a-z0-9-]*)$/;

type ChecklistList = Tokens.List & { checklist?: string };

/**
 * Renders Markdown to sanitized HTML, with heading anchors, checklists and in-app article links.
 *
 * @example renderMarkdown('## Steps\n\n<!-- checklist: removal -->\n\n1. Go', sanitize).checklists
 *   // → [{ name: 'removal', steps: ['Go'] }]
 */
export function renderMarkdown(markdown: string, sanitize: Sanitize): RenderedMarkdown {
  if (markdown.length > MAX_MARKDOWN_CHARS) {
    throw new RangeError(`Markdown: ${markdown.length} characters is more than the ${MAX_MARKDOWN_CHARS} allowed`);
  }
  const headings: Heading[] = [];
  const checklists: ChecklistInfo[] = [];
  const slugs = new Map<string, number>();
  const marked = new Marked({
    gfm: true,
    async: false,
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const text = plainText(tokens);
        const slug = uniqueSlug(text, slugs);
        headings.push({ depth, text, slug });
        return `<h${depth} id="${slug}">${inner}</h${depth}>\n`;
      },
      link({ href, title, tokens }) {
        const target = ARTICLE_LINK.exec(href);
        const url = target ? `#/article/${target[1]}` : href;
        const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
        const articleAttribute = target ? ` data-article="${target[1]}"` : '';
        return `<a href="${escapeHtml(url)}"${titleAttribute}${articleAttribute}>${this.parser.parseInline(tokens)}</a>`;
      },
      code({ text, lang }) {
        if (lang !== 'letter') return false;
        return `<pre class="letter" data-copy="letter"><code>${escapeHtml(text)}</code></pre>\n`;
      },
      list(token: ChecklistList) {
        if (!token.checklist || !token.ordered) return false;
        const items = token.items.map((item, index) =>
          this.listitem(item).replace(/^<li>/, `<li data-step="${index}">`),
        );
        return `<ol class="checklist" data-checklist="${token.checklist}">\n${items.join('')}</ol>\n`;
      },
    },
  });
  let tokens: Token[];
  let html: string;
  try {
    const bounded = boundForParsing(markdown);
    tokens = marked.lexer(bounded.markdown);
    markChecklists(tokens, checklists);
    html = restoreLiterals(marked.parser(tokens), bounded.literals, escapeHtml);
  } catch (error) {
    if (error instanceof RangeError)
      throw new RangeError(
        'Markdown: nested too deeply to render (lists, quotes or brackets inside each other thousands of times)',
        { cause: error },
      );
    throw error;
  }
  return { html: sanitize(html), headings, checklists };
}

/** Tags each ordered list that follows a checklist marker, and records its steps. */
function markChecklists(tokens: Token[], checklists: ChecklistInfo[]): void {
  let pending: string | null = null;
  for (const token of tokens) {
    if (token.type === 'space') continue;
    const marker = token.type === 'html' ? CHECKLIST_MARKER.exec(token.raw.trim()) : null;
    if (marker) {
      pending = marker[1] ?? null;
      continue;
    }
    if (pending && token.type === 'list' && (token as Tokens.List).ordered) {
      const list = token as ChecklistList;
      list.checklist = pending;
      checklists.push({ name: pending, steps: list.items.map((item) => item.text.split('\n')[0]?.trim() ?? '') });
    }
    pending = null;
  }
}

function plainText(tokens: Token[]): string {
  return tokens
    .map((token) => ('tokens' in token && token.tokens ? plainText(token.tokens) : 'text' in token ? token.text : ''))
    .join('')
    .trim();
}

function uniqueSlug(text: string, seen: Map<string, number>): string {
  const base =
    'h-' +
    (text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'section');
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count + 1}`;
}

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
