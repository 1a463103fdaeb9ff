import { Marked, type Token, type Tokens } from 'marked';
import type { ChecklistInfo, Heading } from '../content.js';
import { isAlreadyClean } from './alreadyClean.js';
import { boundForParsing, isLiteralPlaceholder, restoreLiterals } from './parseBounds.js';
import { EXTERNAL_LINK, EXTERNAL_LINK_MARKS, isSafeAttribute, type Sanitize } from './sanitize.js';

export interface RenderedMarkdown {
  html: string;
  headings: Heading[];
  checklists: ChecklistInfo[];
}

/** Markdown larger than this is refused before parsing: nobody writes it, and parsing it could stall the UI. */
export const MAX_MARKDOWN_CHARS = 2_000_000;

const CHECKLIST_MARKER = /^<!--\s*checklist:\s*([a-z0-9][a-z0-9-]*)\s*-->\s*$/;
const ARTICLE_LINK = /^article:([a-z0-9][a-z0-9-]*)$/;
const EXTERNAL_LINK_ATTRIBUTES = [...EXTERNAL_LINK_MARKS].map(([name, value]) => ` ${name}="${value}"`).join('');
const COMMENT_ONLY = /^\s*<!--(?:(?!--)[\s\S])*-->\s*$/;

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
      // Links and images apply the sanitizing policy as they are written (the sanitizer would
      // apply it again, to the same effect), so that plain Markdown needs no sanitizer at all.
      link({ href, title, tokens }) {
        const target = ARTICLE_LINK.exec(href);
        const url = target ? `#/article/${target[1]}` : href;
        const hrefAttribute = isSafeAttribute('A', 'href', url) ? ` href="${escapeHtml(url)}"` : '';
        const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
        const articleAttribute = target ? ` data-article="${target[1]}"` : '';
        const externalAttributes = hrefAttribute && EXTERNAL_LINK.test(url) ? EXTERNAL_LINK_ATTRIBUTES : '';
        return `<a${hrefAttribute}${titleAttribute}${articleAttribute}${externalAttributes}>${this.parser.parseInline(tokens)}</a>`;
      },
      image({ href, title, text, tokens }) {
        const src = imageSource(href);
        if (src === null || !isSafeAttribute('IMG', 'src', src)) return '';
        // The alt text without its Markdown ("**new** box" reads "new box"), as marked writes it.
        const alt = tokens ? this.parser.parseInline(tokens, this.parser.textRenderer) : text;
        const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
        return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${titleAttribute}>`;
      },
      // A task list's box as text: the sanitizer drops <input>, and with it whether the task was done.
      checkbox({ checked }) {
        return checked ? '☑ ' : '☐ ';
      },
      // A comment shows nothing (the sanitizer drops them); the renderer's own placeholders stay until restored.
      html({ text }) {
        return COMMENT_ONLY.test(text) && !isLiteralPlaceholder(text) ? '' : false;
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
  return { html: isAlreadyClean(html) ? html : sanitize(html), headings, checklists };
}

/** The image's address as marked would write it (percent-encoded), or null when it cannot be. */
function imageSource(href: string): string | null {
  try {
    return encodeURI(href).replace(/%25/g, '%');
  } catch {
    return null;
  }
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
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES.get(char)!);
}

const HTML_ESCAPES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);
