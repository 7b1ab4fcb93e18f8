import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  /** The request path (endpoints can be told apart by a path suffix). */
  path: string;
  body: string;
  at: number;
}

/**
 * A real HTTP receiver on loopback. `respond` decides each answer (status, body, or 'hang'
 * to never answer); every request is recorded.
 */
export async function startReceiver(respond: (request: ReceivedWebhook, index: number) => number | 'hang' | { status: number; body: Buffer } = () => 200) {
  const received: ReceivedWebhook[] = [];
  const waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const request = { headers: req.headers, path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      received.push(request);
      waiters.splice(0).forEach(wake => wake());
      const answer = respond(request, received.length - 1);
      if (answer === 'hang') return;
      if (typeof answer === 'object') res.writeHead(answer.status, { 'content-type': 'application/octet-stream' }).end(answer.body);
      else res.writeHead(answer, { 'content-type': 'text/plain' }).end(`answer ${answer}`);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** Resolves once `count` requests arrived (rejects after `timeoutMs`). */
    async waitFor(count: number, timeoutMs = 15000): Promise<ReceivedWebhook[]> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook requests, got ${received.length}`);
        await new Promise<void>(resolve => {
          const timer = setTimeout(resolve, 200);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received.slice(0, count);
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
