// `npm test`: build (the process and browser tests run the built console), check the test
// PostgreSQL server is reachable, then run every vitest project. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfNeeded, ROOT } from './build-if-needed.mjs';
import pg from 'pg';

buildIfNeeded();

const server = process.env.TEST_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  await client.end();
} catch (error) {
  console.error(`The API tests need a PostgreSQL server at ${server} (set TEST_SERVER_URL): ${error.message}`);
  process.exit(1);
}
if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.error('The browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium) or CHROMIUM_PATH.');
  process.exit(1);
}

const summaryFile = join(mkdtempSync(join(tmpdir(), 'pc-test-')), 'results.json');
const result = spawnSync(
  process.execPath,
  [
    `${ROOT}/node_modules/vitest/vitest.mjs`,
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${summaryFile}`,
    ...process.argv.slice(2),
  ],
  { cwd: ROOT, stdio: 'inherit' },
);
// One plain closing line, whatever reads the log.
if (existsSync(summaryFile)) {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(
    readFileSync(summaryFile, 'utf8'),
  );
  console.log(`\n${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`);
}
process.exit(result.status ?? 1);
