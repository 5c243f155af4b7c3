import './heap-tuning';
import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import type { RunningConsole, StartOptions, StartStep } from './bootstrap';
import { ConfigError, loadConfig, type AppConfig } from './config/config';

/** Tells a forked worker whether it does the first-start work (`first`) or only serves (`serve`). */
const WORKER_ROLE = 'PRIVACY_CONSOLE_WORKER_ROLE';
type WorkerRole = 'first' | 'serve';
/** How long the workers may take to close before the primary ends them. */
const STOP_TIMEOUT_MS = 30_000;
/** The wait before forking again after a replacement died before it was ready (the database may be down). */
const RESTART_BACKOFF_MS = 5_000;

/**
 * `npm start`: validates the configuration, starts the console and says where to sign in.
 * Anything that stops the start is reported as one line, not a stack trace. With WORKERS > 1
 * this process forks that many workers serving the same port (node:cluster) and looks after them.
 */
async function main(): Promise<void> {
  const config = loadConfig(withWorkersArgument(process.env, process.argv.slice(2)));
  if (cluster.isWorker) return runWorker(config, process.env[WORKER_ROLE] === 'first' ? 'first' : 'serve');
  if (config.workers > 1) return runPrimary(config);
  const started = Date.now();
  const running = await start(config, true);
  announceReady(config, running.url, started);
  onSignals(async (signal) => {
    process.stdout.write(`Received ${signal}, stopping.\n`);
    await running.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeStartError(error)}\n`);
  process.exit(1);
});

/** `npm start -- --workers 4` (or `--workers=4`) is WORKERS=4. */
function withWorkersArgument(env: NodeJS.ProcessEnv, args: string[]): NodeJS.ProcessEnv {
  const at = args.findIndex((a) => a === '--workers' || a.startsWith('--workers='));
  if (at === -1) return env;
  const value = args[at].includes('=') ? args[at].slice('--workers='.length) : args[at + 1];
  if (!value) throw new ConfigError('Configuration error: --workers needs a number, such as --workers 2');
  return { ...env, WORKERS: value };
}

/** The console in this process; `firstStart` false skips the migrations, first administrator and demo data. */
async function start(config: AppConfig, firstStart: boolean): Promise<RunningConsole> {
  // Loaded here, not at the top: the primary of several workers never needs the application.
  const { startConsole } = await import('./bootstrap');
  const options: StartOptions = !firstStart
    ? { firstStart: false }
    : {
        announceStep: (step) => process.stdout.write(`  ${describeStep(step)}\n`),
        announceAdmin: (email, password) => {
          process.stdout.write(
            [
              '',
              '  First start: an administrator was created. Note the password now; it is not shown again.',
              `    e-mail:   ${email}`,
              `    password: ${password}`,
              '',
            ].join('\n') + '\n',
          );
        },
        announceDemo: (people, created) => {
          const records = Object.entries(created)
            .map(([source, n]) => `${n} ${source}`)
            .join(', ');
          process.stdout.write(`  Demo data: ${people} generated people (${records}). Try "Find a person".\n`);
        },
      };
  return startConsole(config, options);
}

function announceReady(config: AppConfig, url: string, started: number, workers = 1): void {
  const database = config.databaseUrl ? 'PostgreSQL server' : `embedded PostgreSQL in ${config.dataDir}`;
  const seconds = Math.round((Date.now() - started) / 1000);
  const processes = workers > 1 ? `; ${workers} worker processes` : '';
  process.stdout.write(
    `\n  Privacy console ready in ${seconds} s: ${url}/  (database: ${database}${processes}; API docs: ${url}/api/docs)\n\n`,
  );
}

/** Runs `stop` once on SIGINT or SIGTERM, then exits 0, or 1 if it failed. */
function onSignals(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handle = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    try {
      await stop(signal);
      process.exit(0);
    } catch (error) {
      process.stderr.write(`Error while stopping: ${(error as Error).message}\n`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void handle('SIGINT'));
  process.on('SIGTERM', () => void handle('SIGTERM'));
}

/**
 * A worker: starts the console (the first worker with the first-start work, the others without),
 * tells the primary it serves, and closes cleanly (audit checkpoint, pool) when told to stop or
 * when the primary is gone.
 */
async function runWorker(config: AppConfig, role: WorkerRole): Promise<void> {
  const running = await start(config, role === 'first');
  process.send?.({ ready: true, url: running.url });
  onSignals(() => running.close());
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

/**
 * The primary of WORKERS processes. The first worker brings the schema up to date and creates the
 * first administrator; the others are forked once it serves, and only serve. Every worker listens
 * on the same port (node:cluster hands out the connections). A worker that dies is replaced, with
 * a line on stderr; SIGINT or SIGTERM stop them all, each closing as a single console does.
 */
async function runPrimary(config: AppConfig): Promise<void> {
  const started = Date.now();
  // The workers run this file, whatever started the primary (scripts/start.mjs for `npm start`).
  cluster.setupPrimary({ exec: __filename, args: [] });
  let stopping = false;

  const fork = (role: WorkerRole): { worker: Worker; ready: Promise<string> } => {
    const worker = cluster.fork({ [WORKER_ROLE]: role });
    const ready = new Promise<string>((resolve, reject) => {
      worker.on('message', (message: { ready?: boolean; url?: string }) => {
        if (message?.ready && message.url) resolve(message.url);
      });
      worker.once('exit', (code, signal) => reject(new Error(`exited (${signal ?? `code ${code}`}) before it served`)));
    });
    ready.catch(() => {});
    return { worker, ready };
  };

  const stopAll = async (): Promise<number> => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    const exits = workers.map((w) => new Promise<number | null>((resolve) => w.once('exit', (code) => resolve(code))));
    for (const w of workers) w.process.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS)),
    );
    const outcome = await Promise.race([Promise.all(exits), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      for (const w of workers) if (!w.isDead()) w.process.kill('SIGKILL');
      process.stderr.write(`Error while stopping: a worker did not stop within ${STOP_TIMEOUT_MS / 1000} s\n`);
      return 1;
    }
    // A worker stopped by the signal before it served has no close of its own to fail (code null).
    return outcome.some((code) => code !== 0 && code !== null) ? 1 : 0;
  };

  let signalled = false;
  const onStop = (signal: string) => {
    if (signalled) return;
    signalled = true;
    process.stdout.write(`Received ${signal}, stopping.\n`);
    void stopAll().then((code) => process.exit(code));
  };
  process.on('SIGINT', () => onStop('SIGINT'));
  process.on('SIGTERM', () => onStop('SIGTERM'));

  let url: string;
  try {
    url = await fork('first').ready;
    await Promise.all(Array.from({ length: config.workers - 1 }, () => fork('serve').ready));
  } catch {
    if (stopping) return;
    // The worker said why on stderr, in one line; the others are stopped without a word.
    await stopAll();
    process.exit(1);
  }
  if (stopping) return;
  announceReady(config, url, started, config.workers);

  const replace = (previous: number, delayMs: number) => {
    setTimeout(() => {
      if (stopping) return;
      const { worker, ready } = fork('serve');
      ready.then(
        () => process.stdout.write(`  Worker process ${worker.process.pid} serves, in place of ${previous}.\n`),
        () => {},
      );
    }, delayMs);
  };
  const served = new WeakSet<Worker>();
  cluster.on('message', (worker, message: { ready?: boolean }) => {
    if (message?.ready) served.add(worker);
  });
  // The workers forked so far have all served.
  for (const w of Object.values(cluster.workers ?? {})) if (w) served.add(w);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    process.stderr.write(`Worker process ${worker.process.pid} stopped (${how}); starting another.\n`);
    replace(worker.process.pid ?? 0, served.has(worker) ? 0 : RESTART_BACKOFF_MS);
  });
}

/** A step of the start in words; the long ones say how long they usually take (docs/getting-started.md). */
function describeStep(step: StartStep): string {
  switch (step.step) {
    case 'embedded-database':
      return `Starting the embedded database in ${step.dataDir}...`;
    case 'schema':
      return 'Bringing the database schema up to date and starting the API (the first start creates every table, a few seconds)...';
    case 'demo':
      return `First start: generating demo data for ${step.people} people (a few seconds)...`;
  }
}

function describeStartError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  const e = error as { code?: string; message?: string; address?: string; port?: number };
  if (e.code === 'EADDRINUSE') return `Cannot start: port ${e.port} is already in use (set PORT to another port)`;
  if (e.code === 'ECONNREFUSED')
    return `Cannot start: the database at ${e.address}:${e.port} refused the connection (is PostgreSQL running? check DATABASE_URL)`;
  if (e.code === '28P01' || e.code === '28000')
    return `Cannot start: the database refused the credentials in DATABASE_URL (${e.message})`;
  if (e.code === '3D000') return `Cannot start: ${e.message} (create it, or fix DATABASE_URL)`;
  if (e.code === 'ENOTFOUND') return `Cannot start: the database host in DATABASE_URL cannot be found (${e.message})`;
  return `Cannot start: ${e.message ?? String(error)}`;
}
