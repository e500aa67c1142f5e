// Bundles the CLI into dist/cli: one entry, a chunk per command, loaded when the command runs.
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const OUT = 'dist/cli';
for (const f of readdirSync(OUT)) if (f.startsWith('bundle-')) rmSync(`${OUT}/${f}`);

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
  entryPoints: ['src/cli/bin.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: true,
  outdir: OUT,
  chunkNames: 'bundle-[hash]',
  external: ['piscina'],
  logLevel: 'warning',
  plugins: [englishOnly],
  banner: {
    js: "import{createRequire as __casusRequire}from'node:module';const require=__casusRequire(import.meta.url);",
  },
});
chmodSync(`${OUT}/bin.js`, 0o755);
