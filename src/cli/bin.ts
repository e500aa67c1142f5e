#!/usr/bin/env node
// The casus executable: starts the bundled program (casus.cjs, see scripts/build-cli.mjs) from the V8 code cache
// the build made for it, so a start-up compiles nothing it compiled then. A cache V8 rejects only costs time.
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const program = fileURLToPath(new URL('./casus.cjs', import.meta.url));
const cacheFile = `${program}.cache`;
let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(readFileSync(program, 'utf8')), { filename: program, cachedData });
// the build runs one command with this set, and keeps the code it compiled
if (process.env.CASUS_WRITE_CODE_CACHE === '1')
  process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
const loaded = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void).call(
  loaded.exports,
  loaded.exports,
  createRequire(program),
  loaded,
  program,
  dirname(program),
);
