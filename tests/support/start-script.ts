import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The options `npm start` gives node (package.json's `start`: `node <options> scripts/start.mjs`),
 * so that the tests and benchmarks that run `dist/api/src/main.js` themselves run it as
 * `npm start` does. Found from the project's package.json wherever this file was compiled to.
 */
export function startScriptNodeOptions(): string[] {
  const start = projectPackage().scripts.start;
  const [command, ...words] = start.split(/\s+/);
  if (command !== 'node') throw new Error(`package.json's start script is not "node …": ${start}`);
  return words.slice(
    0,
    words.findIndex((word) => !word.startsWith('--')),
  );
}

/** The nearest package.json above this file that is the project's (tests run from the sources, benchmarks from dist/). */
function projectPackage(): { scripts: { start: string } } {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const found = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; scripts: { start: string } };
    if (found.name === 'privacy-console') return found;
  }
  throw new Error(`package.json of privacy-console not found above ${__dirname}`);
}
