import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// SWC compiles the API's decorators with their metadata, as tsc does for the build.
const plugins = [swc.vite({ module: { type: 'es6' } })];

/** The projects whose files take longest, first: a browser file starts a console and Chromium. */
const PROJECTS_LONGEST_FIRST = [
  'browser',
  'api-embedded',
  'api-own-process-embedded',
  'api',
  'api-own-process',
  'api-http',
  'unit',
];

/**
 * Orders every project's files in one queue, the longest expected first, so that the two CI
 * workers finish together. Vitest's own order runs the projects one after the other (browser
 * last), which left the longest files, alone, at the end of the run; it knows durations only
 * from a cache that a clean clone does not have. A larger file stands for a longer one.
 */
class LongestFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = PROJECTS_LONGEST_FIRST.indexOf(spec.project.name);
      return index === -1 ? PROJECTS_LONGEST_FIRST.length : index;
    };
    const size = (spec: TestSpecification) => statSync(spec.moduleId).size;
    return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b) || size(b) - size(a)));
  }
}

/**
 * Files share their worker's modules (`isolate: false`) in every project but the two `api-own-process` ones:
 * loading the console's modules afresh took each API or browser file about 4 s of the CI's 2
 * cores. Nothing a file changes outlives it there: each starts a console of its own, and no
 * file mocks a module or changes process.env.
 */
const SHARED_MODULES = { isolate: false };

const apiTests = {
  ...SHARED_MODULES,
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

/**
 * API files about the HTTP layer above the database: input validation and hostile input, who may
 * call what, sign-in and sessions, the REST contract, and texts read as their reader reads them
 * (packages, registers, letters imported). The database engine decides nothing they check, so
 * they run once, on the server. Every file whose service writes personal data in transactions
 * runs on both databases, the embedded one being one session with a pool of one connection (a
 * transaction that awaits a second connection fails there). A new file runs on both until it is
 * listed here. Also listed: `workers`, which spawns consoles of its own on the server (several
 * processes need one), whatever the project's database.
 */
const HTTP_LAYER_FILES = [
  'account-security',
  'allowed-actions',
  'auth',
  'csv-injection',
  'fuzz',
  'health',
  'hostile-bodies',
  'login-protection',
  'package-texts',
  'read-audit',
  'register-gaps',
  'registers',
  'request-reading',
  'rest-contract',
  'role-matrix',
  'users',
  'workers',
].map((name) => `tests/api/${name}.test.ts`);

/**
 * API files that register a source before the console's modules load (they build routes and
 * entities from the registry once): they need modules of their own, on both databases.
 */
const OWN_PROCESS_FILES = ['tests/api/sample-source.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default'],
    sequence: { sequencer: LongestFirst },
    // Vitest's default leaves a core free: one worker on the CI's two cores. A test file mostly
    // waits on processes of its own (the database, Chromium, the console's sockets), so every
    // core gets a worker.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        plugins,
        test: { ...SHARED_MODULES, name: 'unit', include: ['api/src/**/*.spec.ts', 'tests/unit/**/*.test.ts'] },
      },
      {
        plugins,
        // The API end-to-end suite against a real PostgreSQL server: a fresh database per test file.
        test: {
          ...apiTests,
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          exclude: [...HTTP_LAYER_FILES, ...OWN_PROCESS_FILES],
          env: { TEST_DATABASE: 'server' },
        },
      },
      {
        plugins,
        test: {
          ...apiTests,
          name: 'api-http',
          include: HTTP_LAYER_FILES,
          env: { TEST_DATABASE: 'server' },
        },
      },
      {
        plugins,
        // The same suite once more against the embedded PGlite, as `npm start` runs it. As many
        // workers as the server suite (vitest refuses two maxWorkers in one group): each file spends
        // seconds starting PGlite with the CPU mostly idle, so one at a time wasted the CI's time.
        test: {
          ...apiTests,
          name: 'api-embedded',
          include: ['tests/api/**/*.test.ts'],
          exclude: [...HTTP_LAYER_FILES, ...OWN_PROCESS_FILES],
          env: { TEST_DATABASE: 'embedded' },
        },
      },
      {
        plugins,
        test: {
          ...apiTests,
          isolate: true,
          name: 'api-own-process',
          include: OWN_PROCESS_FILES,
          env: { TEST_DATABASE: 'server' },
        },
      },
      {
        plugins,
        test: {
          ...apiTests,
          isolate: true,
          name: 'api-own-process-embedded',
          include: OWN_PROCESS_FILES,
          env: { TEST_DATABASE: 'embedded' },
        },
      },
      {
        plugins,
        test: {
          ...SHARED_MODULES,
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          env: { TEST_DATABASE: 'server' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A screen refetching after a click took over vitest's 1 s default on the CI's two busy cores.
          expect: { poll: { timeout: 10_000 } },
          // No maxWorkers of its own: vitest runs a project limited to one worker after every
          // other file, alone. Sharing the suite's workers, each browser file (its own console,
          // database and Chromium) overlaps with the others.
        },
      },
    ],
  },
});
