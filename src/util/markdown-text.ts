// Rule pages (docs/rules/*.md) as plain terminal text for `gwcfg explain`. The pages use a small,
// known subset of Markdown (headings, paragraphs, lists, fenced code, inline code, emphasis,
// links), so a line-based rendering is enough; no Markdown library is needed.

/**
 * Markdown → plain text: headings lose their `#` (level-2 headings are upper-cased, like man page
 * sections), fenced code is indented by four spaces without the fences, and inline markup
 * (`code`, **strong**, *em*, [text](url)) is reduced to its text; a link keeps its URL in
 * parentheses when it differs from the text and is absolute. Returns text ending in one newline.
 */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(line === '' ? '' : `    ${line}`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const text = inline(heading[2]);
      out.push(heading[1].length === 2 ? text.toUpperCase() : text);
      continue;
    }
    out.push(inline(line));
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

function inline(text: string): string {
  return text
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, url: string) => (/^[a-z]+:/i.test(url) && url !== label ? `${label} (${url})` : label))
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/(^|[\s(])_([^_\s][^_]*)_(?=[\s).,;:!?]|$)/g, '$1$2');
}
