// Bundles the CLI into one file (dist/cli/casus.cjs) and makes the V8 code cache its launcher (dist/cli/bin.js) starts
// it from: CommonJS, because node:vm takes a code cache for a script, not for an ES module.
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const OUT = 'dist/cli';
for (const f of readdirSync(OUT)) if (f.startsWith('bundle-') || f.startsWith('casus.cjs')) rmSync(`${OUT}/${f}`);

/** zod's namespace re-exports its 40 message locales; casus speaks English only, so the bundle keeps `en` alone. */
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/zod/') ? { path: 'zod-locales', namespace: 'casus' } : undefined,
    );
    b.onLoad({ filter: /^zod-locales$/, namespace: 'casus' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: process.cwd(),
    }));
  },
};

await build({
  entryPoints: ['src/cli/program.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: true,
  outfile: `${OUT}/casus.cjs`,
  external: ['piscina'],
  // jsonc-parser's default build is a UMD module esbuild cannot follow; its ES build bundles
  mainFields: ['module', 'main'],
  // a script run through node:vm has no loader for import(): the one external (piscina) is required instead
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
  plugins: [englishOnly],
  // the modules find the rules, the page and package.json relative to themselves; the bundle sits where they did
  define: { 'import.meta.url': '__casusUrl' },
  banner: { js: "const __casusUrl=require('node:url').pathToFileURL(__filename).href;" },
});

chmodSync(`${OUT}/bin.js`, 0o755);

// one ordinary run compiles what a start-up needs; the launcher keeps that code when told to
const trained = spawnSync(
  process.execPath,
  [`${OUT}/bin.js`, 'run', 'scenarios/renewed-offensive-invokes-the-guarantee.yaml', '--format', 'json'],
  { env: { ...process.env, CASUS_WRITE_CODE_CACHE: '1' }, stdio: ['ignore', 'ignore', 'inherit'] },
);
if (trained.status !== 0) throw new Error(`making the code cache: casus run exited ${trained.status}`);
