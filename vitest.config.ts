import { configDefaults, defineConfig } from 'vitest/config';

// fuzzing runs under `npm run test:slow` (CASUS_SLOW=1), which CI runs beside `npm test`
const SLOW_FILES = ['tests/properties/fuzz.test.ts'];

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.CASUS_SLOW ? [] : SLOW_FILES)],
    testTimeout: 20_000,
  },
});
