import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { LRUCache } from 'lru-cache';
import { BadUserInputError, PackageRejectedError } from '../../shared/errors';

const run = promisify(execFile);

export interface GitSourceRequest {
  url: string;
  ref: string;
  token?: string | null;
}

export interface GitCheckout {
  dir: string;
  commitSha: string;
  cleanup(): Promise<void>;
}

export interface CheckoutOptions {
  /** Fetch this exact commit (a push names it) instead of resolving `ref`. */
  commitSha?: string;
  /** Skip the per-commit cache (a webhook push always refreshes); the fetched tree replaces the cached one. */
  fresh?: boolean;
}

interface CachedTree {
  dir: string;
  commitSha: string;
  users: number;
  evicted: boolean;
}

const FULL_SHA = /^[0-9a-f]{40}$/;

/**
 * Fetches one commit of a repository, shallow, with the system `git`. Only https URLs are
 * accepted (local paths and loopback http too when PLAZA_ALLOW_LOCAL_GIT=1, for tests). The token
 * travels as an HTTP header through git's environment configuration: never in the URL, the
 * argument list, logs or error messages.
 *
 * Fetched trees are cached per commit for `cacheSeconds` (docs/http.md, "Git push webhooks": repeated publishes do not
 * refetch): a branch or tag is first resolved to its commit with `git ls-remote` (cheap, and it
 * proves the caller's token still reads the repository), and a tree fetched for the same url,
 * commit and token is reused. `fresh` (a webhook push) always fetches.
 */
export class GitSource {
  /** How many fetches ran (the cache's effect is measured, not assumed). */
  fetches = 0;
  private readonly cache: LRUCache<string, CachedTree>;

  constructor(
    private readonly allowLocal: boolean,
    private readonly timeoutMs = 120_000,
    cacheSeconds = 300,
  ) {
    this.cache = new LRUCache<string, CachedTree>({
      max: 32,
      ttl: Math.max(1, cacheSeconds) * 1000,
      dispose: tree => {
        tree.evicted = true;
        if (tree.users === 0) void rm(tree.dir, { recursive: true, force: true });
      },
    });
    this.cacheEnabled = cacheSeconds > 0;
  }

  private readonly cacheEnabled: boolean;

  assertAllowed(input: GitSourceRequest): void {
    const fields = [];
    if (!input.ref || !/^[\w./-]{1,200}$/.test(input.ref) || input.ref.startsWith('-')) {
      fields.push({ path: 'git.ref', message: 'ref must be a branch, tag or commit sha' });
    }
    let ok = false;
    try {
      const url = new URL(input.url);
      const loopbackHttp = this.allowLocal && url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      ok = (url.protocol === 'https:' || loopbackHttp) && !url.username && !url.password && !!url.hostname;
    } catch {
      ok = this.allowLocal && path.isAbsolute(input.url) && !input.url.startsWith('-');
    }
    if (!ok) fields.push({ path: 'git.url', message: this.allowLocal ? 'url must be https:// (or a local absolute path)' : 'url must be an https:// URL without credentials' });
    if (input.token != null && (input.token.length === 0 || input.token.length > 500 || /[\s\u0000-\u001f]/.test(input.token))) {
      fields.push({ path: 'git.token', message: 'token must be 1-500 characters without whitespace' });
    }
    if (fields.length) throw new BadUserInputError('Invalid git source', fields);
  }

  private env(home: string, token: string | null | undefined): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'protocol.file.allow',
      GIT_CONFIG_VALUE_0: this.allowLocal ? 'always' : 'never',
    };
    if (token) {
      const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
      env.GIT_CONFIG_COUNT = '2';
      env.GIT_CONFIG_KEY_1 = 'http.extraHeader';
      env.GIT_CONFIG_VALUE_1 = `Authorization: Basic ${basic}`;
    }
    return env;
  }

  private refused(input: GitSourceRequest, what: string, error: unknown): PackageRejectedError {
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    let safe = input.token ? stderr.split(input.token).join('***') : stderr;
    if (input.token) safe = safe.split(Buffer.from(`x-access-token:${input.token}`).toString('base64')).join('***');
    return new PackageRejectedError('The git source could not be fetched', [
      `git could not ${what} '${input.ref}': ${safe.trim().split('\n').slice(-2).join(' ').slice(0, 300) || 'timed out or refused'}`,
    ]);
  }

  /** The commit a branch, tag or sha names now (a full sha is taken as it is). */
  async resolve(input: GitSourceRequest): Promise<string> {
    this.assertAllowed(input);
    if (FULL_SHA.test(input.ref)) return input.ref;
    const home = await mkdtemp(path.join(os.tmpdir(), 'plaza-git-'));
    try {
      const { stdout } = await run('git', ['ls-remote', '--', input.url, input.ref], { cwd: home, env: this.env(home, input.token), timeout: this.timeoutMs, maxBuffer: 1024 * 1024 });
      const lines = stdout.split('\n').filter(Boolean).map(l => l.split('\t') as [string, string]);
      const pick = (name: string) => lines.find(([, r]) => r === name)?.[0];
      const sha = pick(`refs/heads/${input.ref}`) ?? pick(`refs/tags/${input.ref}^{}`) ?? pick(`refs/tags/${input.ref}`) ?? pick(input.ref);
      if (!sha) throw Object.assign(new Error('no such ref'), { stderr: 'the repository has no such branch or tag' });
      return sha;
    } catch (error) {
      throw this.refused(input, 'resolve ref', error);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  }

  async checkout(input: GitSourceRequest, options: CheckoutOptions = {}): Promise<GitCheckout> {
    this.assertAllowed(input);
    if (options.commitSha !== undefined && !FULL_SHA.test(options.commitSha)) throw BadUserInputError.field('commitSha', 'a commit sha is 40 hex characters');
    const commitSha = options.commitSha ?? (this.cacheEnabled && !options.fresh ? await this.resolve(input) : undefined);
    const key = commitSha ? this.keyOf(input, commitSha) : null;
    if (key && !options.fresh) {
      const cached = this.cache.get(key);
      if (cached) return this.lease(cached);
    }
    const fetched = await this.fetch(input, commitSha ?? input.ref);
    if (commitSha && fetched.commitSha !== commitSha) {
      await rm(fetched.dir, { recursive: true, force: true });
      throw new PackageRejectedError('The git source could not be fetched', [`git fetched ${fetched.commitSha} for commit ${commitSha}`]);
    }
    if (!this.cacheEnabled) return { ...fetched, cleanup: () => rm(fetched.dir, { recursive: true, force: true }) };
    const tree: CachedTree = { ...fetched, users: 0, evicted: false };
    this.cache.set(this.keyOf(input, fetched.commitSha), tree);
    return this.lease(tree);
  }

  /** Drops every cached tree (tests; a process that stops leaves its temporary folders to the OS). */
  clearCache(): void {
    this.cache.clear();
  }

  private keyOf(input: GitSourceRequest, commitSha: string): string {
    // The token is part of the key: a tree fetched with one credential is never served for another.
    return createHash('sha256').update(`${input.url}\0${commitSha}\0${input.token ?? ''}`).digest('hex');
  }

  private lease(tree: CachedTree): GitCheckout {
    tree.users++;
    let released = false;
    return {
      dir: tree.dir,
      commitSha: tree.commitSha,
      cleanup: async () => {
        if (released) return;
        released = true;
        tree.users--;
        if (tree.evicted && tree.users === 0) await rm(tree.dir, { recursive: true, force: true });
      },
    };
  }

  private async fetch(input: GitSourceRequest, what: string): Promise<{ dir: string; commitSha: string }> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'plaza-git-'));
    const env = this.env(dir, input.token);
    const git = (args: string[]) => run('git', args, { cwd: dir, env, timeout: this.timeoutMs, maxBuffer: 1024 * 1024 });
    try {
      this.fetches++;
      await git(['init', '--quiet']);
      await git(['remote', 'add', 'origin', input.url]);
      // fetch works for branches, tags and commit shas (protocol v2 serves any reachable commit).
      await git(['fetch', '--quiet', '--depth', '1', '--no-tags', 'origin', what]);
      await git(['-c', 'advice.detachedHead=false', 'checkout', '--quiet', 'FETCH_HEAD']);
      const { stdout } = await git(['rev-parse', 'HEAD']);
      // The checkout is a package: git's own folder is not part of it.
      await rm(path.join(dir, '.git'), { recursive: true, force: true });
      return { dir, commitSha: stdout.trim() };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw this.refused(input, 'fetch ref', error);
    }
  }
}
