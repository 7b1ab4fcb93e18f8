import net from 'node:net';
import { Client } from 'pg';

/** Runs `work` with a client connected to the server's maintenance database. */
export async function withDatabase<T>(serverUrl: string, work: (client: Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
