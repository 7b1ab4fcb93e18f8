// `npm run bench`: throughput and latency of Plaza against a bare node:http + pg baseline
// serving the same SQL, plus database round trips per request by page size. Uses
// DATABASE_URL's server if set (it creates a scratch database there), otherwise an embedded
// PostgreSQL in a temporary folder. Prints a table; asserts nothing.
import 'reflect-metadata';
import { scratchDatabase } from './scratch-db';
import { seedMarketplace } from './seed';
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { childCpuMicros } from './cpu';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

function startServer(mode: 'plaza' | 'baseline', url: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const execArgv = [
      '-r',
      '@swc-node/register',
      // Both servers run with the flags `npm start` gives Plaza (BENCH_NODE_FLAGS overrides).
      ...(process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=64').split(' ').filter(Boolean),
      ...(process.env.BENCH_PROFILE && mode === 'plaza' ? ['--cpu-prof', '--cpu-prof-dir=/tmp/plaza-prof'] : []),
    ];
    const child = fork(path.join(__dirname, 'servers.ts'), [mode, url], { execArgv });
    child.once('message', (m: { url: string }) => resolve({ child, url: m.url }));
    child.once('exit', code => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The marketplace budget, measured in alternating rounds (baseline, Plaza, baseline, …) so that
 * a noisy neighbour on this shared 2-core machine hits both sides: the median of the per-round
 * ratios, plus each server's CPU time per request (its own process, all threads).
 */
async function marketRounds(baseline: { child: ChildProcess; url: string }, plaza: { child: ChildProcess; url: string }, marketQuery: string) {
  const rounds: { base: Measured; plaza: Measured }[] = [];
  // Warm both up first (V8 optimisation, compiled operations, pools), unmeasured.
  await load('warm-up', `${baseline.url}/market`, undefined, undefined, 2);
  await load('warm-up', `${plaza.url}/graphql`, { query: marketQuery }, undefined, 2);
  for (let round = 1; round <= ROUNDS; round++) {
    const base = await measured(baseline.child, 'baseline node:http + pg, marketplace page of 50', `${baseline.url}/market`);
    const mine = await measured(plaza.child, 'Plaza marketplace(first: 50), nested fields', `${plaza.url}/graphql`, { query: marketQuery });
    rounds.push({ base, plaza: mine });
  }
  const ratio = median(rounds.map(r => r.plaza.rps / r.base.rps));
  const lines = rounds.map(
    (r, i) => `round ${i + 1}: baseline ${r.base.rps.toFixed(0)} req/s (${r.base.cpuMs.toFixed(2)} ms CPU/req), Plaza ${r.plaza.rps.toFixed(0)} req/s (${r.plaza.cpuMs.toFixed(2)} ms CPU/req): ${(r.plaza.rps / r.base.rps).toFixed(2)}x`,
  );
  const summary = `${lines.join('\n  ')}\n  median of ${ROUNDS} rounds: ${ratio.toFixed(2)}x (budget: at least 0.6x)`;
  return { ratio, summary, base: rounds.map(r => r.base), plaza: rounds.map(r => r.plaza) };
}

type Measured = Awaited<ReturnType<typeof load>> & { cpuMs: number };

/** A load run plus the server process's CPU time per request during it (all its threads). */
async function measured(child: ChildProcess, title: string, url: string, body?: object, token?: string): Promise<Measured> {
  const before = await childCpuMicros(child);
  const result = await load(title, url, body, token);
  return { ...result, cpuMs: ((await childCpuMicros(child)) - before) / 1000 / result.requests };
}

async function gql(url: string, query: string, token?: string, variables?: object) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await res.json()) as any, queries: res.headers.get('x-plaza-db-queries') };
}

async function load(title: string, url: string, body?: object, token?: string, seconds = DURATION) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (result.non2xx || result.errors) throw new Error(`${title}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { title, requests: result.requests.total, rps: result.requests.average, p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 };
}

async function main(): Promise<void> {
  const db = await scratchDatabase('http');

  const plaza = await startServer('plaza', db.url);
  const baseline = await startServer('baseline', db.url);
  try {
    // Seed: 60 users, each creating an API token: 120 events and 120 audit entries.
    const tokens: string[] = [];
    for (let i = 0; i < 60; i++) {
      const r = await gql(plaza.url, `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, undefined, {
        i: { email: `bench${i}@example.test`, password: 'bench password 123', displayName: `Bench ${i}` },
      });
      tokens.push(r.body.data.signUp.token);
      await gql(plaza.url, `mutation { createApiToken(name: "bench") { secret } }`, r.body.data.signUp.token);
    }
    const c = new Client({ connectionString: db.url });
    await c.connect();
    await c.query(`UPDATE users SET roles = '{ADMIN}' WHERE email = 'bench0@example.test'`);
    await seedMarketplace(c);
    await c.end();
    const admin = tokens[0];

    console.log('\nRound trips per request (x-plaza-db-queries):');
    const auditQuery = `query($n: Int) { auditLog(first: $n) { edges { node { action actor { id email developerProfile { authorId } } } } } }`;
    for (const n of [1, 10, 50, 100]) {
      const r = await gql(plaza.url, auditQuery, admin, { n });
      console.log(`  auditLog(first: ${String(n).padStart(3)}) with nested actor + profile: ${r.queries} queries, ${r.body.data.auditLog.edges.length} rows`);
    }

    const marketQuery = `{ marketplace(first: 50, sort: NEWEST) { totalCount edges { cursor node { appId displayName listing { title shortDescription } latestVersion { version } tools { name description } } } } }`;
    const check = await gql(plaza.url, marketQuery);
    if (check.body.data.marketplace.edges.length !== 50) throw new Error('marketplace seed failed');
    console.log(`  marketplace(first: 5 / 50) with nested listing, version, tools: ${(await gql(plaza.url, marketQuery.replace('first: 50', 'first: 5'))).queries} / ${check.queries} queries`);
    const eventsQuery = `{ events(first: 50) { totalCount pageInfo { hasNextPage } edges { cursor node { id type subjectId occurredAt data } } } }`;
    const results = [];
    if (process.env.BENCH_ONLY === 'breakdown') {
      // Where the marketplace request's time goes: the same endpoint with growing selections.
      const steps: [string, string][] = [
        ['{ __typename } (HTTP + Apollo floor)', '{ __typename }'],
        ['marketplace totalCount (page SQL)', '{ marketplace(first: 50, sort: NEWEST) { totalCount } }'],
        ['+ 50 nodes appId displayName', '{ marketplace(first: 50, sort: NEWEST) { totalCount edges { cursor node { appId displayName } } } }'],
        ['+ listing', '{ marketplace(first: 50, sort: NEWEST) { totalCount edges { cursor node { appId displayName listing { title shortDescription } } } } }'],
        ['+ latestVersion', '{ marketplace(first: 50, sort: NEWEST) { totalCount edges { cursor node { appId displayName listing { title shortDescription } latestVersion { version } } } } }'],
        ['+ tools (the full page)', marketQuery],
      ];
      const base = await measured(baseline.child, 'baseline', `${baseline.url}/market`);
      console.log(`  ${'baseline node:http + pg (full page)'.padEnd(40)} ${base.rps.toFixed(0).padStart(6)} req/s  ${base.cpuMs.toFixed(2)} ms CPU/request`);
      for (const [label, query] of steps) {
        const r = await measured(plaza.child, label, `${plaza.url}/graphql`, { query });
        console.log(`  ${label.padEnd(40)} ${r.rps.toFixed(0).padStart(6)} req/s  ${r.cpuMs.toFixed(2)} ms CPU/request`);
      }
      return;
    }
    if (process.env.BENCH_ONLY === 'plaza-market') {
      // Plaza alone (for BENCH_PROFILE=1: the profile then covers only this load).
      const mine = await load('Plaza marketplace(first: 50), nested fields', `${plaza.url}/graphql`, { query: marketQuery });
      console.log(`  Plaza alone: ${mine.rps.toFixed(0)} req/s, p50 ${mine.p50} ms`);
      return;
    }
    if (process.env.BENCH_ONLY === 'market') {
      console.log(`  ${(await marketRounds(baseline, plaza, marketQuery)).summary}`);
      return;
    }
    const market = await marketRounds(baseline, plaza, marketQuery);
    results.push(market.base[Math.floor(ROUNDS / 2)], market.plaza[Math.floor(ROUNDS / 2)]);
    results.push(await load('baseline node:http + pg, events page of 50', baseline.url));
    results.push(await load('Plaza events(first: 50), admin token', `${plaza.url}/graphql`, { query: eventsQuery }, admin));
    results.push(await load('Plaza { me { id } }, session token', `${plaza.url}/graphql`, { query: '{ me { id } }' }, tokens[1]));
    console.log(`\n${CONNECTIONS} connections, ${DURATION} s each, one machine (load generator in another process):`);
    console.log('  scenario                                        req/s    p50 ms  p97.5 ms  p99 ms');
    for (const r of results) {
      console.log(`  ${r.title.padEnd(46)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p97_5).padStart(9)} ${String(r.p99).padStart(7)}`);
    }
    console.log(`\n  Plaza marketplace page / baseline, alternating rounds:\n  ${market.summary}`);
    console.log(`  Plaza events page / baseline: ${(results[3].rps / results[2].rps).toFixed(2)}x`);
  } finally {
    plaza.child.kill('SIGTERM');
    baseline.child.kill('SIGTERM');
    await new Promise(r => setTimeout(r, 500));
    await db.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
