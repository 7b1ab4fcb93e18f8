// `npm run bench:writes`: event-writing throughput under concurrency. CLIENTS clients (50) for
// BENCH_SECONDS each, three loads: "mixed" (60% public marketplace reads, 40% install/uninstall),
// "writes" (install/uninstall only), and "append" (the event insert alone, over SQL, no server).
// Every install and uninstall appends an event, so these are the loads the event log's append
// path decides. BENCH_ONLY=<load name prefix> runs one load. With BENCH_BEFORE=<repo root> (a checkout of
// an earlier commit, with node_modules) the same loads also run against that code, alternating
// before/after per load so a noisy neighbour hits both; each server has its own scratch database
// on DATABASE_URL's server. Prints a table (throughput, latencies, and the CPU per request of the server,
// its PostgreSQL backends and this load generator, which share the machine); asserts nothing.
import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { Client } from 'pg';
import { seedMarketplace } from './seed';
import { backendCpuMs, childCpuMicros, cpuBetween } from './cpu';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const READ_SHARE = 0.6;

interface Target {
  label: string;
  dbUrl: string;
  child: ChildProcess;
  url: string;
  tokens: string[];
  close(): Promise<void>;
}

const MARKET = `{ marketplace(first: 10) { totalCount edges { node { appId } } } }`;
const INSTALL = `mutation($i: InstallInput!) { install(input: $i) { id } }`;
const UNINSTALL = `mutation($id: ID!) { uninstall(installationId: $id) { id } }`;

/**
 * The load generator shares this machine's two cores with the server and PostgreSQL, so it is
 * kept lean: node:http over one keep-alive agent (fetch cost about twice the CPU per request,
 * taken from the server it measures). The CPU columns report what it still uses.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

async function gql(url: string, query: string, token?: string, variables?: unknown): Promise<{ ms: number; body: any }> {
  const start = performance.now();
  const payload = JSON.stringify({ query, variables });
  const body = await new Promise<unknown>((resolve, reject) => {
    const req = http.request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent,
        timeout: 60_000,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 60 s')));
    req.on('error', reject);
    req.end(payload);
  });
  return { ms: performance.now() - start, body };
}

/** A Plaza server built from `root` (its bench/servers.ts) on a scratch database migrated by its own migrations. */
async function startTarget(label: string, root: string): Promise<Target> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { scratchDatabase } = require(path.join(root, 'bench/scratch-db')) as typeof import('./scratch-db');
  const db = await scratchDatabase(`writes_${label}`);
  const child = fork(path.join(root, 'bench/servers.ts'), ['plaza', db.url], { execArgv: ['-r', '@swc-node/register', '--max-semi-space-size=64', ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)], cwd: root });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', code => reject(new Error(`${label} server exited with ${code}`)));
  });
  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const r = await gql(url, `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, undefined, {
      i: { email: `writer${i}@example.test`, password: 'bench password 123', displayName: `Writer ${i}` },
    });
    tokens.push(r.body.data.signUp.token);
  }
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    await seedMarketplace(c);
  } finally {
    await c.end();
  }
  const check = await gql(url, INSTALL, tokens[0], { i: { appId: 'bench-1', grantedScopes: [] } });
  if (check.body.errors) throw new Error(`${label}: install failed: ${JSON.stringify(check.body.errors)}`);
  await gql(url, UNINSTALL, tokens[0], { id: check.body.data.install.id });
  return {
    label,
    dbUrl: db.url,
    child,
    url,
    tokens,
    async close() {
      child.kill('SIGTERM');
      await new Promise(r => setTimeout(r, 500));
      await db.close().catch(() => undefined);
    },
  };
}

interface Result {
  reads: number[];
  writes: number[];
  errors: Record<string, number>;
}

/** CPU time (ms) so far of the three parties sharing this machine's cores during a load. */
interface CpuReading {
  server: number;
  generator: number;
  /** The PostgreSQL backends serving the target's database (NaN when /proc cannot show them). */
  database: number;
}

async function cpuReading(target: Target): Promise<{ server: number; generator: number; backends: Map<number, number> | null }> {
  const { user, system } = process.cpuUsage();
  const c = new Client({ connectionString: target.dbUrl });
  await c.connect();
  try {
    return { server: (await childCpuMicros(target.child)) / 1000, generator: (user + system) / 1000, backends: await backendCpuMs(c, new URL(target.dbUrl).pathname.slice(1)) };
  } finally {
    await c.end();
  }
}

function cpuSpent(before: Awaited<ReturnType<typeof cpuReading>>, after: Awaited<ReturnType<typeof cpuReading>>): CpuReading {
  return { server: after.server - before.server, generator: after.generator - before.generator, database: cpuBetween(before.backends, after.backends) };
}

/** CLIENTS loops for SECONDS: each client installs, then uninstalls, its own installations (one user per client). */
async function runLoad(target: Target, readShare: number, seconds = SECONDS): Promise<Result> {
  const result: Result = { reads: [], writes: [], errors: {} };
  const deadline = Date.now() + seconds * 1000;
  const note = (body: any) => {
    const code = body?.errors?.[0]?.extensions?.code;
    if (code) result.errors[code] = (result.errors[code] ?? 0) + 1;
  };
  await Promise.all(
    target.tokens.map(async (token, i) => {
      let installed: string | null = null;
      const appId = `bench-${(i % 20) + 1}`;
      while (Date.now() < deadline) {
        if (Math.random() < readShare) {
          const r = await gql(target.url, MARKET);
          note(r.body);
          result.reads.push(r.ms);
        } else if (installed) {
          const r = await gql(target.url, UNINSTALL, token, { id: installed });
          note(r.body);
          result.writes.push(r.ms);
          if (!r.body.errors) installed = null;
        } else {
          const r = await gql(target.url, INSTALL, token, { i: { appId, grantedScopes: [] } });
          note(r.body);
          result.writes.push(r.ms);
          installed = r.body.data?.install?.id ?? null;
        }
      }
    }),
  );
  return result;
}

/**
 * The append path alone, without Node or GraphQL in the way: CLIENTS connections, each running
 * transactions that insert one event (the statement EventLog.append sends) and commit. Against
 * the "before" code, with BENCH_BEFORE_APPEND_LOCK=1 (a commit from before the event log dropped its
 * global lock), it first takes that lock, as that code's append did.
 */
async function runAppendLoad(target: Target, seconds = SECONDS): Promise<Result> {
  const result: Result = { reads: [], writes: [], errors: {} };
  const deadline = Date.now() + seconds * 1000;
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const c = new Client({ connectionString: target.dbUrl });
      await c.connect();
      return c;
    }),
  );
  try {
    await Promise.all(
      clients.map(async (c, i) => {
        while (Date.now() < deadline) {
          const start = performance.now();
          try {
            await c.query('BEGIN');
            if (target.label === 'before' && process.env.BENCH_BEFORE_APPEND_LOCK === '1') await c.query(`SELECT pg_advisory_xact_lock(${0x706c617a61657674n})`);
            await c.query(
              `WITH inserted AS (INSERT INTO platform_events (type, subject_type, subject_id, data) VALUES ('bench.append', 'Bench', $1, '{}') RETURNING id)
               SELECT inserted.id, pg_notify('plaza_events', inserted.id::text) FROM inserted`,
              [String(i)],
            );
            await c.query('COMMIT');
            result.writes.push(performance.now() - start);
          } catch (error) {
            await c.query('ROLLBACK').catch(() => undefined);
            const code = (error as { code?: string }).code ?? 'ERROR';
            result.errors[code] = (result.errors[code] ?? 0) + 1;
          }
        }
      }),
    );
  } finally {
    await Promise.all(clients.map(c => c.end().catch(() => undefined)));
  }
  return result;
}

const q = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

async function main(): Promise<void> {
  const targets: Target[] = [];
  if (process.env.BENCH_BEFORE) targets.push(await startTarget('before', path.resolve(process.env.BENCH_BEFORE)));
  targets.push(await startTarget('after', path.resolve(__dirname, '..')));
  const rows: string[] = [];
  const loads = [
    ['mixed 60% reads / 40% install+uninstall', READ_SHARE],
    ['writes only (install+uninstall)', 0],
    ['append path only (SQL, no server)', -1],
  ] as const;
  const only = process.env.BENCH_ONLY;
  try {
    for (const [load, share] of loads) {
      if (only && !load.startsWith(only)) continue;
      for (const target of targets) {
        // A short warm-up per server and load, unmeasured.
        if (share >= 0) await runLoad({ ...target, tokens: target.tokens.slice(0, 5) }, share, 3);
        const before = await cpuReading(target);
        const r = share >= 0 ? await runLoad(target, share) : await runAppendLoad(target);
        const cpu = cpuSpent(before, await cpuReading(target));
        const all = r.reads.length + r.writes.length;
        // CPU per request of each party: on two cores their sum bounds the throughput.
        const perRequest = (ms: number) => (ms / all).toFixed(2).padStart(6);
        rows.push(
          `  ${target.label.padEnd(7)} ${load.padEnd(42)} ${(all / SECONDS).toFixed(0).padStart(6)} ${(r.writes.length / SECONDS).toFixed(0).padStart(8)} ` +
            `${q(r.writes, 0.5).toFixed(0).padStart(8)} ${q(r.writes, 0.99).toFixed(0).padStart(8)} ${q(r.reads, 0.5).toFixed(0).padStart(8)} ${q(r.reads, 0.99).toFixed(0).padStart(8)} ` +
            `${perRequest(cpu.server)} ${perRequest(cpu.database)} ${perRequest(cpu.generator)}  ${JSON.stringify(r.errors)}`,
        );
        console.log(rows[rows.length - 1]);
      }
    }
  } finally {
    for (const t of targets) await t.close();
  }
  console.log(`\n${CLIENTS} clients, ${SECONDS} s per load and server:`);
  console.log('  server  load                                        req/s  writes/s  w p50 ms  w p99 ms  r p50 ms  r p99 ms  CPU ms per request: server    db   gen  errors');
  for (const row of rows) console.log(row);
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
