// Builds the API and the admin UI when their sources changed since the last build, so that
// `npm start` builds once and later starts reuse the build.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INPUTS = [
  'api/src',
  'migrations',
  'admin',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
  'scripts/openapi.mjs',
  'scripts/openapi',
];
const STAMP = join(ROOT, 'dist', '.build-stamp');
/** Written by the build itself (scripts/openapi.mjs), from the API's sources already counted. */
const GENERATED = new Set([join(ROOT, 'admin/src/api/schema.d.ts')]);

function* files(path) {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (entry === 'node_modules' || entry === 'dist') continue;
      yield* files(join(path, entry));
    }
  } else if (!GENERATED.has(path)) {
    yield path;
  }
}

export function sourceFingerprint() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of files(join(ROOT, input))) {
      hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

export function buildIfNeeded() {
  const fingerprint = sourceFingerprint();
  const built = existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint;
  const outputs = ['dist/api/src/main.js', 'dist/openapi.json', 'dist/admin/index.html'];
  if (built && outputs.every((output) => existsSync(join(ROOT, output)))) return false;
  // The first build is the longest wait of a first start (docs/getting-started.md): say so, step by step.
  console.log('Building the console once; later starts reuse this build (about a minute on two cores).');
  const steps = [
    ['the API', 'build:api'],
    ["the API's OpenAPI document and the UI's types", 'openapi'],
    ['the admin UI', 'build:admin'],
  ];
  for (const [index, [what, script]] of steps.entries()) {
    const started = Date.now();
    console.log(`  Building ${what} (step ${index + 1} of ${steps.length})...`);
    execSync(`npm run --silent ${script}`, { cwd: ROOT, stdio: 'inherit' });
    console.log(`  Built ${what} in ${Math.round((Date.now() - started) / 1000)} s.`);
  }
  writeFileSync(STAMP, fingerprint);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfNeeded();
