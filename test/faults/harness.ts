import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import request from 'supertest';
import { freePort } from '../utils/database';
import type { TestUser } from '../utils/factories';
import { publishedExtension as published } from '../utils/scenarios';
import type { GqlResult, TestApp } from '../utils/test-app';
import { createTestDatabase } from '../utils/test-app';

const ROOT = path.resolve(__dirname, '../..');
export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value; throws after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** A real Plaza server: `src/main.ts` in a child process, as `npm start` runs it. */
export class PlazaProcess {
  child: ChildProcess | null = null;
  private log = '';
  exits: (number | string | null)[] = [];

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  output(): string {
    return this.log;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', PORT: String(this.port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', chunk => (this.log += chunk));
    child.stderr!.on('data', chunk => (this.log += chunk));
    child.on('exit', (code, signal) => {
      this.exits.push(code ?? signal);
      if (this.child === child) this.child = null;
    });
    const deadline = Date.now() + 60_000;
    while (!/Plaza is running/.test(this.log.slice(-2000)) || !(await this.healthy())) {
      if (this.child !== child) throw new Error(`Plaza exited early:\n${this.log.slice(-4000)}`);
      if (Date.now() > deadline) throw new Error(`Plaza did not start in time:\n${this.log.slice(-4000)}`);
      await sleep(100);
    }
  }

  private async healthy(): Promise<boolean> {
    return request(this.url)
      .get('/healthz')
      .timeout(1000)
      .then(
        r => r.status === 200,
        () => false,
      );
  }

  get alive(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** kill -9: no drain, no cleanup, connections cut by the kernel. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    await exited;
    clearTimeout(timer);
  }

  /** Log lines at error level or above, parsed. */
  errors(): { msg: string; err?: { message?: string } }[] {
    return this.log
      .split('\n')
      .filter(l => l.startsWith('{'))
      .map(l => {
        try {
          return JSON.parse(l);
        } catch {
          return null;
        }
      })
      .filter(l => l && l.level >= 50);
  }
}

export interface Cluster {
  databaseUrl: string;
  sql: Pool;
  /** Starts (not yet started) a Plaza process on `databaseUrl` (default: direct). */
  plaza(options?: { databaseUrl?: string; env?: Record<string, string> }): Promise<PlazaProcess>;
  /** A TestApp-like client of a process, for the test utilities (factories, packages). */
  client(plaza: PlazaProcess): TestApp;
  close(): Promise<void>;
}

const SECRETS = {
  NODE_ENV: 'test',
  PLAZA_JWT_SECRET: 'faults-secret-faults-secret-faults-secret-0123',
  PLAZA_ENCRYPTION_KEY: '1'.repeat(64),
};

/** A fresh database and a data folder that Plaza processes share (blobs survive restarts). */
export async function cluster(): Promise<Cluster> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plaza-faults-'));
  const sql = new Pool({ connectionString: db.url, max: 4 });
  sql.on('error', () => undefined);
  const processes: PlazaProcess[] = [];
  return {
    databaseUrl: db.url,
    sql,
    async plaza(options = {}) {
      const plaza = new PlazaProcess(await freePort(), {
        ...SECRETS,
        DATABASE_URL: options.databaseUrl ?? db.url,
        PLAZA_DATA_DIR: dataDir,
        PLAZA_ALLOW_LOOPBACK_WEBHOOKS: '1',
        LOG_LEVEL: process.env.PLAZA_FAULTS_LOG_LEVEL ?? 'warn',
        ...options.env,
      });
      processes.push(plaza);
      return plaza;
    },
    client(plaza) {
      return {
        app: undefined as never,
        url: plaza.url,
        databaseUrl: db.url,
        gql: (async (document: string | TypedDocumentNode<unknown, unknown>, variables?: unknown, token?: string) => {
          const query = typeof document === 'string' ? document : print(document);
          const req = request(plaza.url).post('/graphql').set('Content-Type', 'application/json').set('Accept', 'application/json').timeout(60_000);
          if (token) req.set('Authorization', `Bearer ${token}`);
          const res = await req.send({ query, variables });
          return { status: res.status, data: res.body?.data, errors: res.body?.errors, headers: res.headers as Record<string, string> } as GqlResult<never>;
        }) as TestApp['gql'],
        http: () => request.agent(plaza.url),
        sql: async (text, params) => (await sql.query(text, params as unknown[])).rows,
        close: async () => undefined,
      };
    },
    async close() {
      for (const p of processes) await p.kill9().catch(() => undefined);
      await sql.end();
      await db.drop();
    },
  };
}

export const INSTALL = `mutation($i: InstallInput!) { install(input: $i) { id status version { version } } }`;
export const SCOPES = ['store:read', 'task-board:read', 'task-board:write'];

/** A developer's extension, validated, reviewed and published (the patch path of installs.e2e). */
export async function publishedExtension(t: TestApp, appId: string): Promise<{ dev: TestUser; versionId: string; scopes: string[] }> {
  const { dev, versionId } = await published(t, { appId, displayName: 'Fault App', validationTimeoutMs: 60_000 });
  return { dev, versionId, scopes: SCOPES };
}

/** Latency percentiles of a list of milliseconds. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Records a figure for docs/reliability.md (printed at the end of the run). */
export function figure(name: string, value: unknown): void {
  console.log(`FIGURE ${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

export interface Sample {
  kind: 'read' | 'write';
  start: number;
  ms: number;
  status: number;
  /** 'ok', an error's extensions.code, or NETWORK when no HTTP answer came. */
  code: string;
  /** For writes: the app id claimed, when the mutation was acknowledged. */
  acked?: string;
}

const MARKET = `{ marketplace(first: 10) { totalCount edges { node { appId } } } }`;
const CLAIM = `mutation($a: String!) { claimExtension(input: { appId: $a, displayName: "Load", category: "productivity" }) { id appId } }`;

let claimSeq = 0;
/**
 * `clients` loops until `stop()`: each alternates a public read (the marketplace) and an
 * authenticated write (claiming a new app id, which writes the extension and its event).
 */
export function startLoad(url: string, writers: TestUser[], clients: number, options: { writeEvery?: number; timeoutMs?: number } = {}) {
  const samples: Sample[] = [];
  let running = true;
  const writeEvery = options.writeEvery ?? 2;
  const one = async (kind: 'read' | 'write', token?: string): Promise<void> => {
    const start = Date.now();
    const appId = kind === 'write' ? `load-${process.pid}-${++claimSeq}` : undefined;
    const req = request(url).post('/graphql').set('Content-Type', 'application/json').timeout(options.timeoutMs ?? 60_000);
    if (token) req.set('Authorization', `Bearer ${token}`);
    try {
      const res = await req.send(kind === 'read' ? { query: MARKET } : { query: CLAIM, variables: { a: appId } });
      const code = res.body?.errors?.[0]?.extensions?.code ?? (res.status === 200 ? 'ok' : `HTTP_${res.status}`);
      samples.push({ kind, start, ms: Date.now() - start, status: res.status, code, acked: code === 'ok' ? appId : undefined });
    } catch {
      samples.push({ kind, start, ms: Date.now() - start, status: 0, code: 'NETWORK' });
    }
  };
  const loops = Array.from({ length: clients }, async (_, i) => {
    let n = 0;
    while (running) {
      const write = writers.length > 0 && ++n % writeEvery === 0;
      await one(write ? 'write' : 'read', write ? writers[i % writers.length].token : undefined);
    }
  });
  return {
    samples,
    async stop(): Promise<Sample[]> {
      running = false;
      await Promise.all(loops);
      return samples;
    },
  };
}

/** Counts of samples by code. */
export function byCode(samples: Sample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of samples) counts[s.code] = (counts[s.code] ?? 0) + 1;
  return counts;
}

/** Every acknowledged claim is in the database with exactly one extension.claimed event; no event without its row. */
export async function assertClaimsDurable(sql: Pool, samples: Sample[]): Promise<number> {
  const acked = samples.filter(s => s.acked).map(s => s.acked!);
  const rows = (await sql.query(`SELECT app_id FROM extensions WHERE app_id LIKE 'load-%'`)).rows.map(r => r.app_id as string);
  const events = (
    await sql.query(`SELECT app_id, count(*)::int AS n FROM platform_events WHERE type = 'extension.claimed' AND app_id LIKE 'load-%' GROUP BY app_id`)
  ).rows as { app_id: string; n: number }[];
  const stored = new Set(rows);
  const missing = acked.filter(a => !stored.has(a));
  if (missing.length) throw new Error(`acknowledged claims lost: ${missing.slice(0, 5).join(', ')} (${missing.length})`);
  const doubled = events.filter(e => e.n !== 1);
  if (doubled.length) throw new Error(`claims with ${doubled[0].n} events: ${doubled.length}`);
  if (events.length !== rows.length) throw new Error(`${rows.length} claimed extensions but ${events.length} with an event`);
  return acked.length;
}
