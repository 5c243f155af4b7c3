import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startScriptNodeOptions } from './start-script';

export const ROOT = join(__dirname, '../..');
export const MAIN = join(ROOT, 'dist/api/src/main.js');

export function assertBuilt(): void {
  if (!existsSync(MAIN))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the process tests');
}

export interface ConsoleProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the output once `pattern` appears on stdout; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

/** Runs the built console (`node <npm start's options> dist/api/src/main.js [args]`) with exactly the given environment. */
export function runConsole(env: Record<string, string>, args: string[] = []): ConsoleProcess {
  const child = spawn(process.execPath, [...startScriptNodeOptions(), MAIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${pattern}; stdout: ${out}; stderr: ${err}`)),
          timeoutMs,
        );
        const check = () => {
          const match = out.match(pattern);
          if (match) {
            clearTimeout(timer);
            child.stdout.off('data', check);
            resolve(match);
          }
        };
        child.stdout.on('data', check);
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`exited with ${code} before ${pattern}; stdout: ${out}; stderr: ${err}`));
        });
        check();
      });
    },
  };
}
