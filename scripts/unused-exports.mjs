#!/usr/bin/env node
// Lists exports of src/ and web/src/ that no other file uses: dead code, unless part of the public library.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

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
// the build scripts import compiled modules too
const scripts = readdirSync(join(ROOT, 'scripts'))
  .filter((f) => f.endsWith('.mjs'))
  .map((f) => join('scripts', f));
const everything = [...sources, ...files('tests'), ...files('docs').filter((f) => f.endsWith('.ts')), ...scripts];
const text = new Map(everything.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

const EXPORTED =
  /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;
const unused = [];
for (const file of sources) {
  if (PUBLIC.has(file)) continue;
  const own = text.get(file);
  const names = [...own.matchAll(EXPORTED)].map((m) => m[1]);
  for (const name of names) {
    const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
    const elsewhere = everything.some((other) => other !== file && word.test(text.get(other)));
    if (!elsewhere) unused.push(`${relative(ROOT, join(ROOT, file))}: ${name}`);
  }
}
if (unused.length) {
  process.stdout.write(
    `exported but used nowhere else (remove the export, or the code):\n${unused.map((u) => `  ${u}`).join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write(`every export of ${sources.length} files is used\n`);
