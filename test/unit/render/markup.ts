/**
 * A strict little well-formedness checker for the markup the renderers write: tags nest and close,
 * attribute values are quoted, `&` only starts a known entity, and `<` never appears in text.
 * In HTML mode the void elements need no end tag.
 */
const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'area', 'base', 'col', 'source', 'wbr']);
const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/i;

export function checkMarkup(text: string, mode: 'xml' | 'html'): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let i = 0;
  const body = mode === 'xml' ? text.replace(/^<\?xml[^?]*\?>/, '') : text.replace(/^<!doctype html>/i, '');
  const start = text.length - body.length;
  while (i < body.length) {
    const c = body[i];
    if (c === '&') {
      if (!ENTITY.test(body.slice(i))) problems.push(`bare & at ${start + i}: ${body.slice(i, i + 20)}`);
      i++;
      continue;
    }
    if (c !== '<') {
      i++;
      continue;
    }
    const end = body.indexOf('>', i);
    if (end < 0) {
      problems.push(`unterminated tag at ${start + i}`);
      break;
    }
    const tag = body.slice(i + 1, end);
    i = end + 1;
    if (mode === 'html' && tag.toLowerCase().startsWith('style')) {
      const close = body.indexOf('</style>', i);
      i = close + '</style>'.length;
      continue;
    }
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> at ${start + i}`);
      continue;
    }
    const m = /^([a-zA-Z][\w:-]*)((?:\s+[\w:-]+(?:="[^"<]*"|='[^'<]*')?)*)\s*(\/?)$/.exec(tag);
    if (!m) {
      problems.push(`malformed tag <${tag.slice(0, 60)}>`);
      continue;
    }
    const name = m[1] as string;
    if (mode === 'xml' && (m[2] ?? '').replace(/\s+[\w:-]+=(?:"[^"]*"|'[^']*')/g, '').trim() !== '') {
      problems.push(`attribute without value in <${name}>`);
    }
    if (m[3] === '/' || (mode === 'html' && VOID.has(name.toLowerCase()))) continue;
    stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  return problems;
}
