// File names without node:path, so the pure modules also run in a browser; POSIX rules, as node:path.posix.

/** Like path.posix.join: joins with "/" and resolves "." and ".." segments. */
export function joinPath(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  if (joined === '') return '.';
  const absolute = joined.startsWith('/');
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (seg !== '..' || !absolute) out.push(seg);
  }
  const body = out.join('/');
  const trailing = joined.endsWith('/') && body !== '' ? '/' : '';
  return absolute ? `/${body}${trailing}` : body === '' ? '.' : `${body}${trailing}`;
}

/** Like path.posix.extname: ".yaml" for "a/b.yaml", "" for ".hidden" or "README". */
export function extName(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 || base.slice(0, dot).replace(/\./g, '') === '' ? '' : base.slice(dot);
}
