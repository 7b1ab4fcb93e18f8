import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

/** A server child's CPU time so far (user + system, microseconds): bench/servers.ts answers a `cpu` message. */
export function childCpuMicros(child: ChildProcess): Promise<number> {
  return new Promise(resolve => {
    const listener = (m: { type?: string; micros?: number }) => {
      if (m?.type !== 'cpu') return;
      child.off('message', listener);
      resolve(m.micros!);
    };
    child.on('message', listener);
    child.send({ type: 'cpu' });
  });
}

const CLOCK_TICKS = 100;

/**
 * CPU time (ms) used so far by the PostgreSQL backends serving `database`, read from /proc (the
 * server runs on this machine): with the benchmark's own CPU time, a per-request figure that the
 * other sessions' load on this shared machine inflates far less than wall time. null when /proc
 * cannot be read (a remote server).
 */
export async function backendCpuMs(sql: Client, database: string): Promise<Map<number, number> | null> {
  const { rows } = await sql.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
  const byPid = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byPid.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS); // utime, stime (fields 14 and 15)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return null; // not readable: a remote server
    }
  }
  return byPid;
}

/** CPU the backends used between two readings: a backend that started in between counts whole, one that ended is lost (an undercount). */
export function cpuBetween(before: Map<number, number> | null, after: Map<number, number> | null): number {
  if (!before || !after) return NaN;
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms;
}
