import './heap-tuning';
import 'reflect-metadata';
import { startConsole, type StartStep } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';

/**
 * `npm start`: validates the configuration, starts the console and says where to sign in.
 * Anything that stops the start is reported as one line, not a stack trace.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const running = await startConsole(config, {
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
  });
  const database = config.databaseUrl ? 'PostgreSQL server' : `embedded PostgreSQL in ${config.dataDir}`;
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(
    `\n  Privacy console ready in ${seconds} s: ${running.url}/  (database: ${database}; API docs: ${running.url}/api/docs)\n\n`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Received ${signal}, stopping.\n`);
    try {
      await running.close();
      process.exit(0);
    } catch (error) {
      process.stderr.write(`Error while stopping: ${(error as Error).message}\n`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeStartError(error)}\n`);
  process.exit(1);
});

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
