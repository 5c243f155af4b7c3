import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What /proc says of a process (Linux): its CPU time per thread, PostgreSQL's, resident memory. */

/** CPU time (ms) of the process's main thread and of its other threads (zlib and file work in libuv's pool, V8's collector). */
export function threadsCpu(pid: number): { main: number; other: number } {
  let main = 0;
  let other = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const ms = cpuMs(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
    if (tid === String(pid)) main += ms;
    else other += ms;
  }
  return { main, other };
}

/**
 * CPU time (ms) per process of a process and its children (the console's workers under
 * WORKERS > 1), or of PostgreSQL's processes.
 */
function cpuByProcess(which: { tree: number } | 'postgres'): Map<string, number> {
  const found = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const wanted =
        which === 'postgres' ? stat.includes('(postgres)') : pid === String(which.tree) || parent === which.tree;
      if (wanted) found.set(pid, cpuMs(stat));
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

/**
 * The CPU time (ms) the same processes used since `before`, counting those started since then in
 * full. A process that ended meanwhile (a pool's idle connection closed) is left out, rather than
 * taking its whole life's time off the sum.
 */
function cpuSince(before: Map<string, number>, now: Map<string, number>): number {
  let ms = 0;
  for (const [pid, used] of now) ms += used - (before.get(pid) ?? 0);
  return ms;
}

/** CPU time (ms) of every PostgreSQL process on this machine (the benchmark's server is local). */
export function postgresCpu(): number {
  let ms = 0;
  for (const used of cpuByProcess('postgres').values()) ms += used;
  return ms;
}

/**
 * Starts counting the CPU time (ms) of the server `pid` with its children, of PostgreSQL and of
 * this process (the benchmark's client); the answer reads each since the start.
 */
export function cpuMeter(pid: number): () => { server: number; database: number; client: number } {
  const server = { tree: pid };
  const before = { server: cpuByProcess(server), database: cpuByProcess('postgres'), client: process.cpuUsage() };
  return () => {
    const client = process.cpuUsage(before.client);
    return {
      server: cpuSince(before.server, cpuByProcess(server)),
      database: cpuSince(before.database, cpuByProcess('postgres')),
      client: (client.user + client.system) / 1000,
    };
  };
}

/** User plus system time (ms) from a /proc stat line; the fields after the command name, counted in USER_HZ (100/s). */
function cpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory (bytes) from /proc/<pid>/statm (its second field, in pages): read every 5 ms, so the cheapest file that has it. */
export function rss(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
}

const PAGE_SIZE = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }));
