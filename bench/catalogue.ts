// `npm run bench:catalogue`: the hot reads on a catalogue of millions (docs/benchmarks.md,
// "Catalogue of millions"). Point DATABASE_URL at a database `npm run seed:large` filled; the
// server runs in this process (createApp over that database, job workers off, so nothing but
// the measured requests runs) and every read goes through HTTP or graphql-ws like a client's.
// Prints p50/p99 per read and the EXPLAIN (ANALYZE, BUFFERS) plan of each SQL statement a
// read sends. Asserts nothing.
//
//   BENCH_RUNS (default 100) runs per read after 5 warm-up runs, stopped early after
//   BENCH_READ_SECONDS (default 30) s; BENCH_PLANS=0 skips the plans; BENCH_ONLY=a,b runs
//   only the reads whose names contain a or b.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Client as PgClient } from 'pg';
import { backendCpuMs, cpuBetween } from './cpu';
import pg from 'pg';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 30);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const PLANS = process.env.BENCH_PLANS !== '0';
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-000';

const CARD = `edges { cursor node { appId displayName listing { title shortDescription } latestVersion { version } tools { name description } } } pageInfo { hasNextPage } totalCount`;

interface Read {
  name: string;
  /** Runs the read once; resolves when the answer is complete. */
  run(): Promise<void>;
}

/** Every SQL statement the server sends while `capture` is on (pg's Client.query, patched in this process). */
const captured: { text: string; values?: unknown[] }[] = [];
let capture = false;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  if (capture) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
    if (typeof first === 'string') captured.push({ text: first, values: Array.isArray(second) ? second : undefined });
    else if (first && typeof first === 'object' && 'text' in first) captured.push({ text: first.text, values: first.values ?? (Array.isArray(second) ? second : undefined) });
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

function token(userId: string): string {
  return jwt.sign({ typ: 'session' }, JWT_SECRET, { algorithm: 'HS256', subject: userId, issuer: 'plaza', jwtid: randomUUID(), expiresIn: 3600 });
}


const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Set DATABASE_URL to a database filled by `npm run seed:large`');
  const sql = new PgClient({ connectionString: databaseUrl });
  await sql.connect();
  const one = async <T = Record<string, any>>(text: string, params: unknown[] = []) => (await sql.query(text, params)).rows[0] as T;

  // Who reads: the user with the most active installations, a typical one, a reviewer, an
  // admin, the owner of the most installed extension.
  const counts = await one(`SELECT (SELECT count(*) FROM extensions)::int AS extensions, (SELECT count(*) FROM installations)::int AS installations,
                                   (SELECT count(*) FROM users)::int AS users, (SELECT max(id) FROM platform_events)::bigint AS head`);
  console.log(`catalogue: ${JSON.stringify(counts)}; load average ${(await import('node:os')).loadavg().map(x => x.toFixed(1)).join(' ')}`);
  const heavy = await one(`SELECT owner_user_id AS id, count(*)::int AS n FROM installations WHERE status = 'ACTIVE' AND owner_user_id IS NOT NULL
                            GROUP BY owner_user_id ORDER BY n DESC, owner_user_id LIMIT 1`);
  const typical = await one(`SELECT owner_user_id AS id, count(*)::int AS n FROM installations WHERE status = 'ACTIVE'
                              AND owner_user_id = (SELECT id FROM users ORDER BY id OFFSET (SELECT count(*) / 2 FROM users) LIMIT 1) GROUP BY 1`);
  const reviewer = await one(`SELECT id FROM users WHERE 'REVIEWER' = ANY(roles) ORDER BY id LIMIT 1`);
  const admin = await one(`SELECT id FROM users WHERE 'ADMIN' = ANY(roles) ORDER BY id LIMIT 1`);
  const topApp = await one(`SELECT e.app_id, e.owner_id FROM extensions e JOIN installations i ON i.extension_id = e.id GROUP BY e.id ORDER BY count(*) DESC LIMIT 1`);
  console.log(`readers: heavy user ${heavy.id} (${heavy.n} installations), typical ${typical?.id ?? '-'} (${typical?.n ?? 0}), top app ${topApp.app_id}`);
  const head = BigInt(counts.head);
  const cursorAt = (id: bigint) => Buffer.from(`ev:${id}`).toString('base64url');

  const config = loadConfig({}, {
    nodeEnv: 'test',
    logLevel: 'silent',
    dataDir: '/tmp/plaza-bench-data',
    jwtSecret: JWT_SECRET,
    encryptionKey: '1'.repeat(64),
    runWorkers: false,
  } as never);
  const app = await createApp({ config, databaseUrl });
  const url = await app.listen(0, '127.0.0.1');

  const gql = async (query: string, variables: Record<string, unknown>, as?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${token(as)}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return body.data as Record<string, any>;
  };
  const query = (name: string, text: string, variables: Record<string, unknown>, as?: string): Read => ({ name, run: async () => void (await gql(text, variables, as)) });

  /** A graphql-ws subscription resumed from a cursor: resolves after `n` events arrived. */
  const resume = (name: string, after: bigint, n: number, as: string, variables: Record<string, unknown> = {}): Read => ({
    name,
    run: () =>
      new Promise<void>((resolve, reject) => {
        const client = createClient({ url: `${url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token(as)}` }, retryAttempts: 0, lazy: true });
        let seen = 0;
        const timer = setTimeout(() => finish(new Error(`${name}: ${seen} of ${n} events in 60 s`)), 60_000);
        const finish = (error?: Error) => {
          clearTimeout(timer);
          unsubscribe();
          void client.dispose();
          if (error) reject(error);
          else resolve();
        };
        const unsubscribe = client.subscribe(
          { query: `subscription($after: String, $appIds: [String!]) { releaseEvents(after: $after, appIds: $appIds) { id type cursor } }`, variables: { after: cursorAt(after), ...variables } },
          {
            next: value => {
              if (value.errors) return finish(new Error(JSON.stringify(value.errors)));
              if (++seen === n) finish();
            },
            error: error => finish(error instanceof Error ? error : new Error(JSON.stringify(error))),
            complete: () => (seen < n ? finish(new Error(`${name}: completed after ${seen} events`)) : undefined),
          },
        );
      }),
  });

  const mid = head / 2n;
  // The resume point: 1,000,000 events before the head (or the middle of a smaller log).
  const back = head > 2_000_000n ? head - 1_000_000n : head / 2n;
  const reads: Read[] = [
    query('marketplace search "invoice" (20 cards)', `query($q: String) { marketplace(query: $q, first: 20) { ${CARD} } }`, { q: 'invoice' }),
    query('marketplace search "sync calendar" (20 cards)', `query($q: String) { marketplace(query: $q, first: 20) { ${CARD} } }`, { q: 'sync calendar' }),
    query('category page "finance" (20 cards)', `query($c: String) { marketplace(category: $c, first: 20) { ${CARD} } }`, { c: 'finance' }),
    query('sort by installs (20 cards)', `{ marketplace(sort: INSTALLS, first: 20) { ${CARD} } }`, {}),
    query('marketplace page of 50, newest (anonymous)', `{ marketplace(first: 50) { ${CARD} } }`, {}),
    query(`myInstallations, heavy user (${heavy.n})`, `{ myInstallations { id extension { appId displayName } version { version } } }`, {}, heavy.id),
    ...(typical ? [query(`myInstallations, typical user (${typical.n})`, `{ myInstallations { id extension { appId displayName } version { version } } }`, {}, typical.id)] : []),
    query(
      `upgradeRecommendations, heavy user (${heavy.n})`,
      `{ upgradeRecommendations { installation { id } currentVersion { version } recommendedVersion { version } newScopes needsConsent } }`,
      {},
      heavy.id,
    ),
    query('reviewQueue (first 20, reviewer)', `{ reviewQueue(first: 20) { edges { node { id state dueAt version { version } } } totalCount } }`, {}, reviewer.id),
    query('events(after: middle of the log), first 50, user', `query($a: String) { events(after: $a, first: 50) { edges { cursor node { id type } } pageInfo { hasNextPage } } }`, { a: cursorAt(mid) }, typical?.id ?? heavy.id),
    query('events(after: middle of the log), first 50, admin', `query($a: String) { events(after: $a, first: 50) { edges { cursor node { id type } } pageInfo { hasNextPage } } }`, { a: cursorAt(mid) }, admin.id),
    resume('releaseEvents resume 1M back, first 100 (admin)', back, 100, admin.id),
    resume('releaseEvents resume 1M back, first 1000 (admin)', back, 1000, admin.id),
    resume(`releaseEvents resume 1M back, appIds [top app], first 100 (its owner)`, back, 100, topApp.owner_id, { appIds: [topApp.app_id] }),
  ].filter(r => !ONLY.length || ONLY.some(o => r.name.includes(o)));

  const results: { name: string; runs: number; p50: number; p99: number; max: number; nodeCpu?: number; dbCpu?: number; error?: string }[] = [];
  const dbName = new URL(databaseUrl).pathname.slice(1);
  for (const read of reads) {
    try {
      for (let i = 0; i < 5; i++) await read.run();
    } catch (error) {
      // A read that fails (a statement timeout) is reported and skipped.
      const message = String((error as Error).message ?? error).replace(/\s+/g, ' ').slice(0, 300);
      results.push({ name: read.name, runs: 0, p50: NaN, p99: NaN, max: NaN, error: message });
      console.log(`${read.name.padEnd(62)} FAILED: ${message}`);
      continue;
    }
    const times: number[] = [];
    const until = Date.now() + READ_SECONDS * 1000;
    const dbBefore = await backendCpuMs(sql, dbName);
    const nodeBefore = process.cpuUsage();
    while (times.length < RUNS && (times.length < 10 || Date.now() < until)) {
      const started = process.hrtime.bigint();
      await read.run();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const nodeCpu = process.cpuUsage(nodeBefore);
    const dbAfter = await backendCpuMs(sql, dbName);
    times.sort((a, b) => a - b);
    const r = {
      name: read.name,
      runs: times.length,
      p50: pct(times, 50),
      p99: pct(times, 99),
      max: times[times.length - 1],
      nodeCpu: (nodeCpu.user + nodeCpu.system) / 1000 / times.length,
      dbCpu: cpuBetween(dbBefore, dbAfter) / times.length,
    };
    results.push(r);
    console.log(
      `${r.name.padEnd(62)} runs ${String(r.runs).padStart(3)}  p50 ${r.p50.toFixed(1).padStart(8)} ms  p99 ${r.p99.toFixed(1).padStart(8)} ms  CPU/req: node ${r.nodeCpu.toFixed(1)} ms, postgres ${r.dbCpu.toFixed(1)} ms`,
    );
  }

  if (PLANS) {
    // Let the last subscriptions' server-side tails wind down, so their statements are not captured.
    await new Promise(resolve => setTimeout(resolve, 3000));
    for (const read of reads.filter(r => !r.name.startsWith('releaseEvents') || r.name.includes('first 100'))) {
      captured.length = 0;
      capture = true;
      await read.run().catch(error => console.log(`(${read.name} failed: ${String((error as Error).message).slice(0, 200)})`));
      capture = false;
      const statements = captured.filter(s => /^\s*(WITH|SELECT)/i.test(s.text) && !/pg_advisory|pg_notify|pgboss\.|FROM "users" "UserEntity"|^SELECT 1$/i.test(s.text));
      console.log(`\n### ${read.name}: ${statements.length} statement(s)`);
      for (const s of statements) {
        const plan = await sql.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values ?? []);
        console.log(`\n${s.text.replace(/\s+/g, ' ').trim().slice(0, 400)}\n  params: ${JSON.stringify(s.values ?? []).slice(0, 200)}`);
        for (const row of plan.rows) console.log(`  ${row['QUERY PLAN']}`);
      }
    }
  }
  console.log(`\nload average at the end: ${(await import('node:os')).loadavg().map(x => x.toFixed(1)).join(' ')}`);
  console.log('\n| read | runs | p50 ms | p99 ms | CPU per request: node / postgres ms |\n| --- | --- | --- | --- | --- |');
  for (const r of results) {
    console.log(
      r.error
        ? `| ${r.name} | failed: ${r.error.slice(0, 120)} | | | |`
        : `| ${r.name} | ${r.runs} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.nodeCpu!.toFixed(1)} / ${r.dbCpu!.toFixed(1)} |`,
    );
  }
  await app.close();
  await sql.end();
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
