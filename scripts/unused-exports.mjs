#!/usr/bin/env node
// Lists exports of src/ and web/src/ that no other file imports: dead code, unless part of the public library.
// An export counts as used only where another module imports it by name (statically, or from a dynamic import that
// names it); a word in a comment, a string or an unrelated local name does not count.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
/** What the package offers its users: everything these files export is used by definition. */
const PUBLIC = new Set(['src/index.ts', 'src/library.ts', 'src/testing/index.ts']);

function files(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? files(join(dir, d.name))
      : /\.(ts|mts)$/.test(d.name) && !d.name.endsWith('.d.ts')
        ? [join(dir, d.name)]
        : [],
  );
}

const sources = [...files('src'), ...files('web/src')];
const scripts = readdirSync(join(ROOT, 'scripts'))
  .filter((f) => f.endsWith('.mjs'))
  .map((f) => join('scripts', f));
const importers = [...sources, ...files('tests'), ...files('docs').filter((f) => f.endsWith('.ts')), ...scripts];
const text = new Map(importers.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

/** The source file a specifier names, from `file`; compiled paths (dist/x.js) name their source (src/x.ts). */
function target(file, spec) {
  if (!spec.startsWith('.')) return undefined;
  const path = normalize(join(dirname(file), spec)).replace(/^dist\//, 'src/');
  const ts = path.replace(/\.js$/, '.ts');
  return existsSync(join(ROOT, ts)) ? ts : undefined;
}

/** `module:name` for every name imported or re-exported by name; `module:*` for a namespace import or `export *`. */
const used = new Set();
const STATIC = /(?:^|[\n;])\s*(?:import|export)\s+(?:type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const WORD = /[A-Za-z_$][\w$]*/g;
const ROOT_PATH = /['"]((?:web\/)?src\/[\w/.-]+\.ts)['"]/g;
for (const [file, source] of text) {
  const code = source.replace(/\/\*[\s\S]*?\*\/|(?<![:'"`])\/\/[^\n]*/g, '');
  for (const [, clause, spec] of code.matchAll(STATIC)) {
    const module = target(file, spec);
    if (!module) continue;
    if (/\*/.test(clause)) used.add(`${module}:*`);
    const braces = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
    for (const item of braces.split(',')) {
      const name = item
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0];
      if (name) used.add(`${module}:${name}`);
    }
  }
  // a dynamic import (or a module loaded by its path from the root) uses the names its importer writes
  const loaded = [...code.matchAll(DYNAMIC)].map(([, spec]) => target(file, spec));
  for (const [, path] of code.matchAll(ROOT_PATH)) loaded.push(target('x', `./${path}`));
  for (const module of loaded.filter(Boolean)) for (const [word] of code.matchAll(WORD)) used.add(`${module}:${word}`);
}

const EXPORTED =
  /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;
const unused = [];
for (const file of sources) {
  if (PUBLIC.has(file) || used.has(`${file}:*`)) continue;
  for (const [, name] of text.get(file).matchAll(EXPORTED))
    if (!used.has(`${file}:${name}`)) unused.push(`${relative(ROOT, join(ROOT, file))}: ${name}`);
}
if (unused.length) {
  process.stdout.write(
    `exported but imported nowhere (remove the export, or the code):\n${unused.map((u) => `  ${u}`).join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write(`every export of ${sources.length} files is imported somewhere\n`);
