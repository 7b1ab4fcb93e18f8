import net from 'node:net';

/**
 * A TCP proxy between Plaza and PostgreSQL that injects network faults (docs/reliability.md):
 * - `partition()`: packets are silently dropped both ways, on existing and new connections,
 *   as when a network path goes away. `heal()` delivers what was held back, as TCP's
 *   retransmissions would, and lets held connection attempts through.
 * - `halfOpen()`: every existing connection goes silent for good (its peer is gone, as after a
 *   failover), while new connections work.
 * - `restart(ms)`: the proxy drops every connection and refuses new ones for `ms`.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly links = new Set<Link>();
  private partitioned = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** `url` with its host and port replaced by this proxy's. */
  urlFor(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  async start(port = 0): Promise<void> {
    const server = net.createServer(socket => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
  }

  get connections(): number {
    return this.links.size;
  }

  private accept(client: net.Socket): void {
    const link: Link = { client, upstream: null, frozen: this.partitioned, dead: false, held: { up: [], down: [] } };
    this.links.add(link);
    client.on('error', () => undefined);
    client.on('close', () => this.close(link));
    client.on('data', chunk => {
      if (link.dead) return;
      if (link.frozen || !link.upstream) link.held.up.push(chunk);
      else link.upstream.write(chunk);
    });
    if (!this.partitioned) this.connectUpstream(link);
  }

  private connectUpstream(link: Link): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
    link.upstream = upstream;
    upstream.on('error', () => undefined);
    upstream.on('close', () => this.close(link));
    upstream.on('data', chunk => {
      if (link.dead) return;
      if (link.frozen) link.held.down.push(chunk);
      else link.client.write(chunk);
    });
    upstream.on('connect', () => this.flush(link));
  }

  private flush(link: Link): void {
    if (link.frozen || link.dead || !link.upstream) return;
    for (const chunk of link.held.up.splice(0)) link.upstream.write(chunk);
    for (const chunk of link.held.down.splice(0)) link.client.write(chunk);
  }

  private close(link: Link): void {
    if (!this.links.delete(link)) return;
    link.client.destroy();
    link.upstream?.destroy();
  }

  partition(): void {
    this.partitioned = true;
    for (const link of this.links) link.frozen = true;
  }

  heal(): void {
    this.partitioned = false;
    for (const link of this.links) {
      if (link.dead) continue;
      link.frozen = false;
      if (!link.upstream) this.connectUpstream(link);
      else this.flush(link);
    }
  }

  /** Existing connections go silent for good; new ones are fine. */
  halfOpen(): number {
    let count = 0;
    for (const link of this.links) {
      link.dead = true;
      count++;
    }
    return count;
  }

  /** Drops every connection and refuses new ones for `ms` (a proxy restart). */
  async restart(ms: number): Promise<void> {
    const port = this.port;
    await this.stop();
    await new Promise(resolve => setTimeout(resolve, ms));
    await this.start(port);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const link of [...this.links]) this.close(link);
    if (server) await new Promise<void>(resolve => server.close(() => resolve()));
  }
}

interface Link {
  client: net.Socket;
  upstream: net.Socket | null;
  /** Partitioned: data is held, delivered on heal. */
  frozen: boolean;
  /** Half-open: data is dropped for good. */
  dead: boolean;
  held: { up: Buffer[]; down: Buffer[] };
}
