import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The options `npm start` gives node (package.json's `start`: `node <options> scripts/start.mjs`),
 * so that the tests and benchmarks that run `dist/api/src/main.js` themselves run it as
 * `npm start` does. Found from the project's package.json wherever this file was compiled to.
 */
export function startScriptNodeOptions(): string[] {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !isThisProject(join(dir, 'package.json'))) {
    if (dirname(dir) === dir) throw new Error('package.json of privacy-console not found above ' + __dirname);
    dir = dirname(dir);
  }
  const { scripts } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...words] = scripts.start.split(/\s+/);
  if (command !== 'node') throw new Error(`package.json's start script is not "node …": ${scripts.start}`);
  return words.slice(
    0,
    words.findIndex((word) => !word.startsWith('--')),
  );
}

function isThisProject(file: string): boolean {
  return (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'privacy-console';
}
