// Child process of bench/events.ts: opens SUBSCRIBERS graphql-ws connections to the server,
// each with one releaseEvents subscription, and reports when every event reached each one.
import { Client, createClient } from 'graphql-ws';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

const url = process.env.BENCH_WS_URL!;
const token = process.env.BENCH_TOKEN!;
const count = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const now = () => performance.timeOrigin + performance.now();

/** eventId → arrival times (epoch ms, sub-millisecond), one per subscriber. */
const arrivals = new Map<string, number[]>();

async function main(): Promise<void> {
  const clients: Client[] = [];
  for (let i = 0; i < count; i++) {
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ releaseEvents: { id: string } }>(
        { query: `subscription { releaseEvents(types: ["version.published"]) { id } }` },
        {
          next: ({ data }) => {
            const at = now();
            const id = data!.releaseEvents.id;
            if (!arrivals.has(id)) arrivals.set(id, []);
            arrivals.get(id)!.push(at);
          },
          error: reject,
          complete: () => undefined,
        },
      );
      // A query on the same socket answers after the subscription was set up.
      client.subscribe({ query: '{ me { id } }' }, { next: () => resolve(), error: reject, complete: () => undefined });
    });
  }
  process.send!({ ready: true });
  process.on('message', async (message: { report?: boolean }) => {
    if (!message.report) return;
    await Promise.all(clients.map(c => c.dispose()));
    // Exit only once the report has been handed to the parent.
    process.send!({ arrivals: Object.fromEntries(arrivals) }, () => process.exit(0));
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
