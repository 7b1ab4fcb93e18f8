// Child process of load.faults-spec.ts: opens PLAZA_SUBSCRIBERS graphql-ws connections, each with
// one releaseEvents subscription for the marker app, and reports what each one received.
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

const url = process.env.PLAZA_WS_URL!;
const token = process.env.PLAZA_TOKEN!;
const count = Number(process.env.PLAZA_SUBSCRIBERS ?? 2000);
const marker = process.env.PLAZA_MARKER_APP!;

async function main(): Promise<void> {
  const clients: Client[] = [];
  const received: { id: string; at: number }[][] = [];
  let closed = 0;
  for (let i = 0; i < count; i++) {
    const mine: { id: string; at: number }[] = [];
    received.push(mine);
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      on: { closed: () => closed++ },
    });
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ releaseEvents: { id: string } }>(
        { query: `subscription($a: [String!]) { releaseEvents(appIds: $a) { id } }`, variables: { a: [marker] } },
        { next: ({ data }) => mine.push({ id: data!.releaseEvents.id, at: Date.now() }), error: reject, complete: () => undefined },
      );
      // A query on the same socket answers once the subscription is set up.
      client.subscribe({ query: '{ me { id } }' }, { next: () => resolve(), error: reject, complete: () => undefined });
    });
  }
  process.send!({ ready: true });
  process.on('message', async (message: { report?: boolean }) => {
    if (!message.report) return;
    const report = { received, closedBeforeReport: closed };
    await Promise.all(clients.map(c => c.dispose()));
    process.send!({ report }, () => process.exit(0));
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
