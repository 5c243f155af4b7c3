// `npm start`: build what changed (once), then run the console in this process.
import { buildIfNeeded, ROOT } from './build-if-needed.mjs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

buildIfNeeded();
process.chdir(ROOT);
await import(pathToFileURL(join(ROOT, 'dist/api/src/main.js')).href);
