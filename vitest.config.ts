import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// fuzzing runs under `npm run test:slow` (CASUS_SLOW=1), which CI runs beside `npm test`
const SLOW_FILES = ['tests/properties/fuzz.test.ts'];

export default defineConfig({
  // the examples in docs/ import casus as a user does
  resolve: {
    alias: {
      'casus/testing': fileURLToPath(new URL('src/testing/index.ts', import.meta.url)),
      casus: fileURLToPath(new URL('src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['tests/**/*.test.ts', 'docs/examples/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.CASUS_SLOW ? [] : SLOW_FILES)],
    testTimeout: 20_000,
    // files share a worker's module cache: importing casus once per worker, not once per file, halves the suite
    isolate: false,
    // every core (vitest keeps one back by default): many tests wait on a child process, so two workers fill two cores
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
