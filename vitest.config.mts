import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC compiles the API's decorators with their metadata, as tsc does for the build.
const plugins = [swc.vite({ module: { type: 'es6' } })];

const apiTests = {
  include: ['tests/api/**/*.test.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        plugins,
        test: { name: 'unit', include: ['api/src/**/*.spec.ts', 'tests/unit/**/*.test.ts'] },
      },
      {
        plugins,
        // The API end-to-end suite against a real PostgreSQL server: a fresh database per test file.
        test: { ...apiTests, name: 'api', env: { TEST_DATABASE: 'server' } },
      },
      {
        plugins,
        // The same suite once more against the embedded PGlite, as `npm start` runs it. As many
        // workers as the server suite (vitest refuses two maxWorkers in one group): each file spends
        // seconds starting PGlite with the CPU mostly idle, so one at a time wasted the CI's time.
        test: { ...apiTests, name: 'api-embedded', env: { TEST_DATABASE: 'embedded' } },
      },
      {
        plugins,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          env: { TEST_DATABASE: 'server' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // No maxWorkers of its own: vitest runs a project limited to one worker after every
          // other file, alone, with the second core idle. Sharing the API suite's workers, each
          // browser file (its own console, database and Chromium) overlaps with the others.
        },
      },
    ],
  },
});
