import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../tests/support/free-port';
import { startScriptNodeOptions } from '../tests/support/start-script';

export interface RunningProcess {
  base: string;
  /** For reading its memory and CPU time in /proc. */
  pid: number;
  stop: () => Promise<void>;
}

/**
 * The built console (`dist/api/src/main.js`) in a process of its own, as production runs it:
 * a benchmark's own work (a load generator, the clock) must not share its event loop. It is given
 * the options `npm start` gives node (its young generation's size).
 */
export function startConsoleProcess(env: Record<string, string>, nodeOptions: string[] = []): Promise<RunningProcess> {
  return startProcess(
    join(__dirname, '../api/src/main.js'),
    { LOG_LEVEL: 'warn', ADMIN_DIR: 'none', RETENTION_SWEEP_CRON: 'off', ...env },
    'Privacy console ready',
    [...startScriptNodeOptions(), ...nodeOptions],
  );
}

/** The floor server of `bench:load` (`load-floor-server.ts`), in a process of its own as well. */
export function startFloorServer(env: Record<string, string>): Promise<RunningProcess> {
  return startProcess(join(__dirname, 'load-floor-server.js'), env, 'Floor server ready');
}

async function startProcess(
  script: string,
  env: Record<string, string>,
  ready: string,
  nodeOptions: string[] = [],
): Promise<RunningProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeOptions, script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes(ready) && resolve());
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
