/**
 * The text of a rendered page in blocks (paragraphs, list items, cells, headings, captions…), each
 * with the language it is declared in (the nearest `lang` attribute). Our own well-formed markup
 * only: a tokenizer, not a general HTML parser. Text inside <style>, <code>, <kbd>, <samp> and
 * <pre> (identifiers, selectors, markup) is left out; so is every element whose `lang` differs from
 * the page's (marked quotations of vendor and tool text).
 */
const BLOCK = new Set([
  'p', 'li', 'td', 'th', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'dt', 'dd', 'summary',
  'title', 'legend', 'label', 'div', 'section', 'article', 'header', 'footer', 'nav', 'main', 'ul', 'ol', 'dl',
  'table', 'tr', 'thead', 'tbody', 'figure', 'details', 'blockquote', 'text', 'desc', 'br',
]);
const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'area', 'base', 'col', 'source', 'wbr']);
const SKIP = new Set(['style', 'code', 'kbd', 'samp', 'pre', 'script']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : (ENTITIES[e.toLowerCase()] ?? whole),
  );

export interface TextBlock {
  readonly text: string;
  /** The element the block closed in, e.g. `li`, and its nearest ancestors' classes, for messages. */
  readonly where: string;
}

/** Blocks of text declared in `pageLang` (quotations in other languages and code left out). */
export function pageTextBlocks(page: string, pageLang: string): TextBlock[] {
  const stack: Array<{ tag: string; lang: string; skip: boolean; cls: string }> = [];
  const blocks: TextBlock[] = [];
  let current = '';
  const flush = (where: string): void => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ text, where });
    current = '';
  };
  const here = () => stack[stack.length - 1];
  const re = /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|([^<]+)/gi;
  for (const m of page.matchAll(re)) {
    const [whole, tagName, attrs = '', selfClose, text] = m;
    if (text !== undefined) {
      const top = here();
      if (top?.skip || (top && top.lang !== pageLang)) continue;
      current += decode(text);
      continue;
    }
    if (!tagName) continue;
    const tag = tagName.toLowerCase();
    const where = () => stack.map((s) => (s.cls ? `${s.tag}.${s.cls}` : s.tag)).slice(-3).join(' > ');
    if (whole.startsWith('</')) {
      if (BLOCK.has(tag)) flush(`${where()}`);
      while (stack.length > 0 && stack.pop()!.tag !== tag);
      continue;
    }
    if (BLOCK.has(tag)) flush(where());
    if (VOID.has(tag) || selfClose === '/') continue;
    // Quoted vendor/tool text is marked class="quote" with its own lang; an element whose lang differs
    // from the page's without being a quotation is read like the rest (its text must be the page's language).
    const own = /\blang="([^"]*)"/.exec(attrs)?.[1];
    const quote = /\bclass="(?:[^"]* )?quote(?: [^"]*)?"/.test(attrs) || /\btranslate="no"/.test(attrs);
    const lang = quote ? (own ?? 'quote') : (here()?.lang ?? pageLang);
    const cls = /\bclass="([^"]*)"/.exec(attrs)?.[1]?.split(' ')[0] ?? '';
    stack.push({ tag, lang, skip: SKIP.has(tag) || here()?.skip === true, cls });
  }
  flush('end');
  return blocks;
}
