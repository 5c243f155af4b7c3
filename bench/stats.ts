import { Agent, request, type IncomingHttpHeaders } from 'node:http';

/** Small helpers the benchmarks share: percentiles, arguments, a printed table, an HTTP client. */

export function percentiles(values: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--'))
      out[argv[i].slice(2)] = argv[i + 1]?.startsWith('--') || argv[i + 1] === undefined ? 'true' : argv[++i];
  }
  return out;
}

/** `--cpu-prof DIR`: the node options with which the console writes a V8 CPU profile there when it stops (open it in Chrome's DevTools). */
export function cpuProfileOptions(args: Record<string, string>): string[] {
  return args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : [];
}

export function printTable(title: string, header: string[], rows: Array<Array<string | number>>): void {
  const cell = (v: string | number) =>
    typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en') : v.toFixed(2)) : v;
  const table = [header, ...rows.map((r) => r.map(cell))];
  const widths = header.map((_, c) => Math.max(...table.map((r) => String(r[c]).length)));
  console.log(`\n${title}`);
  for (const [i, row] of table.entries()) {
    console.log(
      '  ' + row.map((v, c) => (c === 0 ? String(v).padEnd(widths[c]) : String(v).padStart(widths[c]))).join('  '),
    );
    if (i === 0) console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** The ENCRYPTION_KEY every benchmark's console is started with. */
export const BENCH_ENCRYPTION_KEY = 'c'.repeat(64);

/** The administrator every benchmark's console is started with. */
export const BENCH_OFFICER = { email: 'bench@console.test', password: 'timing harness passphrase 7' };

/** Signs the benchmark's officer in to the console at `base`; answers the session token. */
export async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_OFFICER),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * A keep-alive connection pool for `httpCall`: one timed request after another reuses its
 * connection, as a browser's does.
 */
const keepAlive = new Agent({ keepAlive: true });

/**
 * One request through node:http, answering its status and the whole body. The benchmarks time
 * requests with it rather than with `fetch`: on a 2-core machine shared with the console,
 * undici's per-request CPU is the console's lost time (docs/performance.md).
 */
export function httpCall(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: Buffer; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent: keepAlive,
        method: options.method ?? 'GET',
        headers: {
          ...options.headers,
          ...(options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** `httpCall`, refusing anything but `expected` (200 by default); the body read as JSON. */
export async function httpJson<T>(
  url: string,
  options: Parameters<typeof httpCall>[1] = {},
  expected = 200,
): Promise<T> {
  const { status, body } = await httpCall(url, options);
  if (status !== expected) throw new Error(`${options.method ?? 'GET'} ${url}: ${status} ${body.toString()}`);
  return JSON.parse(body.toString()) as T;
}

/** Lets the process end: the keep-alive connections would otherwise hold it until the server drops them. */
export function closeHttpConnections(): void {
  keepAlive.destroy();
}
