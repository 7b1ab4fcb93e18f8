// `npm run bench:events`: commit-to-delivery latency of release events for 1,000 concurrent
// graphql-ws subscribers (median, p99), and webhook deliveries per second. The server runs in
// this process; the subscribers run in a child process so they do not share its event loop.
import 'reflect-metadata';
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { systemContext } from '../src/context';
import { withTransaction } from '../src/db/transaction';
import { EventTypes } from '../src/modules/events/event-types';
import { createLoaders } from '../src/loaders';
import { createLogger } from '../src/shared/logger';
import { scratchDatabase } from './scratch-db';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 30);
const ENDPOINTS = Number(process.env.BENCH_WEBHOOK_ENDPOINTS ?? 20);
const WEBHOOK_EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 100);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main(): Promise<void> {
  const db = await scratchDatabase('events');
  const config = loadConfig(
    {},
    {
      nodeEnv: 'test',
      logLevel: 'silent',
      dataDir: path.join(os.tmpdir(), 'plaza-bench-events'),
      jwtSecret: 'x'.repeat(40),
      encryptionKey: '1'.repeat(64),
      allowLoopbackWebhooks: true,
      wsMaxSubscriptions: 5,
    },
  );
  const logger = createLogger('silent');
  const app = await createApp({ config, databaseUrl: db.url, logger });
  const url = await app.listen(0, '127.0.0.1');
  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const { signUp } = await gql(`mutation { signUp(input: { email: "partner@bench.test", password: "correct horse battery staple", displayName: "Partner" }) { token } }`);
  const token = signUp.token as string;
  const ctx = () => systemContext(app.dataSource.manager, logger, createLoaders(app.dataSource.manager), app.container, 'bench');
  /** Appends one public release event and returns its id and commit time. */
  const publish = async (seq: number) => {
    const event = await withTransaction(ctx(), tx =>
      app.services.events.append(tx, EventTypes.VERSION_PUBLISHED, {
        subjectType: 'ExtensionVersion',
        subjectId: `bench-${seq}`,
        appId: 'bench-app',
        version: `1.0.${seq}`,
        data: { extensionId: 'bench-app', displayName: `Bench ${seq}`, system: false, bump: 'PATCH', publishedAt: new Date().toISOString() },
      }),
    );
    return { id: event.id, committedAt: now() };
  };

  try {
    // 1. Subscribers.
    console.log(`opening ${SUBSCRIBERS} graphql-ws subscribers …`);
    const child = fork(path.join(__dirname, 'events-subscribers.ts'), [], {
      execArgv: ['-r', '@swc-node/register'],
      env: { ...process.env, BENCH_WS_URL: `${url.replace(/^http/, 'ws')}/graphql`, BENCH_TOKEN: token, BENCH_SUBSCRIBERS: String(SUBSCRIBERS) },
    });
    const fromChild = <T>(key: string) => new Promise<T>((resolve, reject) => {
      child.on('message', (m: any) => key in m && resolve(m[key]));
      child.on('exit', code => reject(new Error(`subscriber process exited with ${code}`)));
    });
    const opened = performance.now();
    await fromChild('ready');
    console.log(`  ${SUBSCRIBERS} subscribed in ${((performance.now() - opened) / 1000).toFixed(1)} s`);
    await sleep(1500); // every tail has read its starting cursor
    const committed = new Map<string, number>();
    for (let seq = 1; seq <= EVENTS; seq++) {
      const { id, committedAt } = await publish(seq);
      committed.set(id, committedAt);
      await sleep(250);
    }
    await sleep(3000);
    const report = fromChild<Record<string, number[]>>('arrivals');
    child.send({ report: true });
    const arrivals = await report;
    const latencies: number[] = [];
    let missing = 0;
    for (const [id, at] of committed) {
      const times = arrivals[id] ?? [];
      missing += SUBSCRIBERS - times.length;
      for (const t of times) latencies.push(t - at);
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `release events, commit → subscriber: ${EVENTS} events × ${SUBSCRIBERS} subscribers = ${latencies.length} deliveries (${missing} missing); ` +
        `median ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`,
    );

    // 2. Webhooks.
    let received = 0;
    let lastAt = 0;
    const receiver = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received++;
        lastAt = now();
        res.writeHead(204).end();
      });
    });
    await new Promise<void>(r => receiver.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    for (let i = 0; i < ENDPOINTS; i++) {
      await gql(`mutation($u: String!) { createWebhookEndpoint(input: { url: $u, eventTypes: ["version.published"] }) { secret } }`, { u: `${hookUrl}?${i}` }, token);
    }
    const expected = ENDPOINTS * WEBHOOK_EVENTS;
    const start = now();
    for (let seq = 1; seq <= WEBHOOK_EVENTS; seq++) await publish(1000 + seq);
    const deadline = Date.now() + 120_000;
    while (received < expected && Date.now() < deadline) await sleep(50);
    const seconds = (lastAt - start) / 1000;
    console.log(
      `webhooks: ${received}/${expected} signed deliveries (${ENDPOINTS} endpoints × ${WEBHOOK_EVENTS} events) in ${seconds.toFixed(2)} s from the first commit: ` +
        `${(received / seconds).toFixed(0)} deliveries/s (PLAZA_WEBHOOK_CONCURRENCY=${config.webhookConcurrency}, one process)`,
    );
    receiver.close();
  } finally {
    await app.close();
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
