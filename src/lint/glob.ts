// File globs of `.gwcfg.yaml` overrides and ignores: `*`, `?`, `**`, `{a,b}`, `[...]`. As in
// .gitignore, a pattern with no `/` except a trailing one matches at any depth (`old.yaml`,
// `legacy/`); a pattern ending in `/` matches everything below that directory.

export function globToRegExp(pattern: string): RegExp {
  let p = pattern.replace(/^\.\//, '').replace(/^\/+/, '');
  const anyDepth = !p.slice(0, -1).includes('/');
  if (p.endsWith('/')) p += '**';
  let out = '';
  let braces = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        const slashAfter = p[i + 2] === '/';
        const atSegmentStart = i === 0 || p[i - 1] === '/';
        if (atSegmentStart && slashAfter) {
          out += '(?:[^/]*/)*';
          i += 2;
        } else if (atSegmentStart && i + 2 === p.length) {
          out += '.*';
          i += 1;
        } else {
          out += '[^/]*';
          i += 1;
        }
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '[') {
      const close = p.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        let body = p.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  while (braces-- > 0) out += ')';
  return new RegExp(anyDepth ? `^(?:.*/)?${out}$` : `^${out}$`);
}

/** Whether a path (relative, `/`-separated) matches any of the globs. */
export function matchesAny(path: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((re) => re.test(path));
}
