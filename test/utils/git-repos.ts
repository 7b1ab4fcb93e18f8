import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const IDENTITY = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };

/** A local repository to commit to from tests: several commits, several branches. */
export class TestRepo {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'plaza-gitrepo-'));

  constructor() {
    this.git('init', '--quiet', '--initial-branch=main');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: { ...process.env, ...IDENTITY } }).toString().trim();
  }

  /** Writes the files (replacing what the branch had), commits them on `branch`, returns the commit sha. */
  commit(files: Map<string, Buffer | string>, message = 'change', branch = 'main'): string {
    const current = this.git('symbolic-ref', '--short', 'HEAD');
    const exists = this.git('branch', '--list', branch) !== '' || current === branch;
    if (current !== branch) {
      if (exists) this.git('checkout', '--quiet', branch);
      else this.git('checkout', '--quiet', '-b', branch);
    }
    this.git('rm', '-r', '--quiet', '--ignore-unmatch', '.');
    for (const [name, bytes] of files) {
      mkdirSync(path.dirname(path.join(this.dir, name)), { recursive: true });
      writeFileSync(path.join(this.dir, name), bytes);
    }
    this.git('add', '-A');
    this.git('commit', '--quiet', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A private git host on loopback: smart HTTP through `git http-backend`, answering 401 unless the
 * request carries `Authorization: Basic x-access-token:<token>` with the current token (which the
 * test can change, as an author revoking a PAT would). Every Authorization header seen is kept.
 */
export class PrivateGitHost {
  token: string;
  readonly seenAuthorizations: string[] = [];
  private readonly server: http.Server;
  url = '';

  constructor(
    private readonly root: string,
    token: string,
  ) {
    this.token = token;
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The clone URL of a repository folder under the root. */
  repoUrl(name: string): string {
    return `${this.url}/${name}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise(resolve => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const auth = req.headers.authorization ?? '';
    if (auth) this.seenAuthorizations.push(auth);
    if (auth !== `Basic ${Buffer.from(`x-access-token:${this.token}`).toString('base64')}`) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test"' }).end('unauthorized');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: this.root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: 'x-access-token',
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(child.stdin);
    let head = Buffer.alloc(0);
    let headerDone = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headerDone) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headerDone = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString().split('\r\n')) {
        const [name, ...rest] = line.split(':');
        const value = rest.join(':').trim();
        if (name.toLowerCase() === 'status') status = parseInt(value, 10);
        else res.setHeader(name, value);
      }
      res.writeHead(status);
      res.write(head.subarray(end + 4));
    });
    child.on('close', () => res.end());
    child.on('error', () => res.writeHead(500).end());
  }
}
