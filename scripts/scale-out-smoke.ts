/**
 * `npm run smoke:scale-out`: the docker-compose topology without Docker, on this machine.
 *
 * Two real Plaza processes (`src/main.ts`) behind nginx (deploy/nginx.conf, upstreams moved to
 * loopback ports), their pools through PgBouncer in transaction mode, their LISTEN connections
 * straight to PostgreSQL (DATABASE_LISTEN_URL), and one S3-compatible store (s3rver standing in
 * for MinIO). Node 2 runs no workers. Through nginx: a developer publishes an extension (the
 * upload lands on whichever node nginx picks, the validation runs on node 1) while a graphql-ws
 * subscriber waits for `version.published`. The fallback poll is set to 10 minutes, so only a
 * NOTIFY heard on the LISTEN connection can deliver the event in time.
 *
 * Needs `pgbouncer` and `nginx` on PATH and a PostgreSQL server (SMOKE_PG_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres, trust or password auth for that user). Not part of
 * `npm test`: it spawns system daemons. Every wait has a deadline; everything started is stopped.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import type { TestApp } from '../test/utils/test-app';
import { startTestS3 } from '../test/utils/s3';
import { publishedExtension } from '../test/utils/scenarios';
import { collect, wsClient } from '../test/utils/ws-client';
import { buildUser } from '../test/utils/factories';

const serverUrl = process.env.SMOKE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not ready within ${timeoutMs} ms`);
    await new Promise(r => setTimeout(r, 250));
  }
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stdout!.on('data', d => log.push(String(d)));
  child.stderr!.on('data', d => log.push(String(d)));
  child.on('exit', code => {
    if (code && !stopping) console.error(`${name} exited with ${code}:\n${log.join('').slice(-4000)}`);
  });
  children.push(child);
  return child;
}
let stopping = false;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plaza-smoke-'));
  const database = `plaza_smoke_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const direct = new URL(serverUrl);
  direct.pathname = `/${database}`;
  const s3 = await startTestS3('plaza');
  try {
    // PgBouncer in transaction mode. node-postgres sends the session timeouts as startup
    // parameters, which PgBouncer refuses unless told to ignore them (docs/architecture.md).
    const bouncerPort = await freePort();
    writeFileSync(
      path.join(dir, 'pgbouncer.ini'),
      [
        '[databases]',
        `plaza = host=${direct.hostname} port=${direct.port || 5432} dbname=${database} user=${decodeURIComponent(direct.username)}${direct.password ? ` password=${decodeURIComponent(direct.password)}` : ''}`,
        '[pgbouncer]',
        `listen_addr = 127.0.0.1`,
        `listen_port = ${bouncerPort}`,
        'auth_type = any',
        'pool_mode = transaction',
        'default_pool_size = 10',
        'ignore_startup_parameters = extra_float_digits,statement_timeout,lock_timeout,idle_in_transaction_session_timeout',
        `unix_socket_dir =`,
        '',
      ].join('\n'),
    );
    const asRoot = process.getuid?.() === 0;
    start('pgbouncer', 'pgbouncer', [...(asRoot ? ['-u', 'nobody'] : []), path.join(dir, 'pgbouncer.ini')]);
    const pooled = `postgres://${direct.username || 'postgres'}@127.0.0.1:${bouncerPort}/plaza`;
    await waitFor('pgbouncer', async () => {
      const c = new Client({ connectionString: pooled });
      await c.connect();
      await c.end();
      return true;
    }, 10_000);

    const ports = [await freePort(), await freePort()];
    const common = {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: pooled,
      // SMOKE_LISTEN_VIA_POOLER=1 leaves it unset, to watch the LISTEN through the pooler miss the event.
      DATABASE_LISTEN_URL: process.env.SMOKE_LISTEN_VIA_POOLER === '1' ? '' : direct.toString(),
      // Prepared statements through a transaction-mode pool need PgBouncer 1.21+ with
      // max_prepared_statements set (README, "Production and scale-out"); this smoke runs on any version.
      PLAZA_DB_PREPARED_STATEMENTS: 'false',
      PLAZA_JWT_SECRET: randomBytes(48).toString('base64url'),
      PLAZA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      PLAZA_TRUST_PROXY: '1',
      PLAZA_EVENT_POLL_MS: String(10 * 60_000),
      PLAZA_BLOB_URL: 's3://plaza/blobs',
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    };
    // Node 1 starts first (it applies the migrations) and runs the workers; node 2 serves the API only.
    for (const [index, port] of ports.entries()) {
      const env = { ...common, PORT: String(port), HOST: '127.0.0.1', PLAZA_DATA_DIR: path.join(dir, `node-${index + 1}`), PLAZA_RUN_WORKERS: index === 0 ? '1' : '0' };
      start(`plaza-${index + 1}`, process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], env);
      await waitFor(`plaza-${index + 1}`, async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 180_000);
    }

    const nginxPort = await freePort();
    const conf = readFileSync('deploy/nginx.conf', 'utf8')
      .replace('plaza-1:4000', `127.0.0.1:${ports[0]}`)
      .replace('plaza-2:4000', `127.0.0.1:${ports[1]}`)
      .replace('listen 80;', `listen 127.0.0.1:${nginxPort};`)
      .replace('http {', `http {\n  access_log off;\n  client_body_temp_path ${dir}/nginx-body;\n  proxy_temp_path ${dir}/nginx-proxy;`);
    writeFileSync(path.join(dir, 'nginx.conf'), conf);
    execFileSync('nginx', ['-t', '-c', path.join(dir, 'nginx.conf'), '-g', `pid ${dir}/nginx.pid; error_log stderr;`], { stdio: 'pipe' });
    start('nginx', 'nginx', ['-c', path.join(dir, 'nginx.conf'), '-g', `daemon off; pid ${dir}/nginx.pid; error_log stderr;`]);
    const url = `http://127.0.0.1:${nginxPort}`;
    await waitFor('nginx', async () => (await fetch(`${url}/readyz`)).ok, 10_000);

    const sqlClient = new Client({ connectionString: direct.toString() });
    await sqlClient.connect();
    const t = {
      url,
      databaseUrl: direct.toString(),
      http: () => request.agent(url),
      sql: async (text: string, params?: unknown[]) => (await sqlClient.query(text, params)).rows,
      gql: async (document: unknown, variables?: unknown, token?: string) => {
        const { print } = await import('graphql');
        const query = typeof document === 'string' ? document : print(document as never);
        const req = request(url).post('/graphql').set('Content-Type', 'application/json');
        if (token) req.set('Authorization', `Bearer ${token}`);
        const res = await req.send({ query, variables });
        return { status: res.status, data: res.body?.data, errors: res.body?.errors, headers: res.headers };
      },
      close: async () => undefined,
    } as unknown as TestApp;

    const started = Date.now();
    const watcher = await buildUser(t);
    const appId = `smoke-${Date.now().toString(36)}`;
    const client = wsClient(url, watcher.token);
    try {
      const published = collect(client, `subscription($a: [String!]) { releaseEvents(types: ["version.published"], appIds: $a) { type appId } }`, { a: [appId] });
      await collect(client, `query { me { id } }`).waitFor(1);
      await publishedExtension(t, { appId, validationTimeoutMs: 60_000 });
      const [event] = await published.waitFor(1, 15_000);
      const listen = await t.sql(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'plaza-listen'`, [database]);
      console.log(
        JSON.stringify({ ok: true, event: event.data, listenConnectionsOnTheServer: listen[0].n, publishMs: Date.now() - started, through: 'nginx -> 2 nodes -> pgbouncer(transaction) + direct LISTEN, s3rver' }),
      );
    } finally {
      await client.dispose();
      await sqlClient.end();
    }
  } finally {
    stopping = true;
    for (const child of children.reverse()) child.kill('SIGTERM');
    await Promise.all(children.map(c => (c.exitCode !== null ? undefined : new Promise(r => { const timer = setTimeout(() => { c.kill('SIGKILL'); r(undefined); }, 20_000); c.once('exit', () => { clearTimeout(timer); r(undefined); }); }))));
    await s3.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
