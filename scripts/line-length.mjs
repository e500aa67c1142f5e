#!/usr/bin/env node
// Fails on any source line longer than the house limit: Biome formats code but cannot break strings or comments.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const MAX = 120;
const ROOTS = ['src', 'web/src', 'tests', 'scripts', 'docs'];
const SOURCE = /\.(ts|mts|mjs|js)$/;

function files(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(`${dir}/${d.name}`) : SOURCE.test(d.name) ? [`${dir}/${d.name}`] : [],
  );
}

const long = [];
for (const file of ROOTS.flatMap(files)) {
  readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const width = [...line].length;
      if (width > MAX) long.push(`${file}:${i + 1}: ${width} characters (max ${MAX})`);
    });
}
if (long.length) {
  process.stdout.write(`${long.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`every line of ${ROOTS.join(', ')} is at most ${MAX} characters\n`);
