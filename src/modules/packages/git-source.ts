import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BadUserInputError, PackageRejectedError } from '../../shared/errors';

const run = promisify(execFile);

export interface GitSourceInput {
  url: string;
  ref: string;
  token?: string | null;
}

export interface GitCheckout {
  dir: string;
  commitSha: string;
  cleanup(): Promise<void>;
}

/**
 * Fetches one ref of a repository, shallow, with the system `git`. Only https URLs are
 * accepted (local paths too when PLAZA_ALLOW_LOCAL_GIT=1, for tests). The token travels as an
 * HTTP header through git's environment configuration: never in the URL, the argument list,
 * logs or error messages.
 */
export class GitSource {
  constructor(
    private readonly allowLocal: boolean,
    private readonly timeoutMs = 120_000,
  ) {}

  assertAllowed(input: GitSourceInput): void {
    const fields = [];
    if (!input.ref || !/^[\w./-]{1,200}$/.test(input.ref) || input.ref.startsWith('-')) {
      fields.push({ path: 'git.ref', message: 'ref must be a branch, tag or commit sha' });
    }
    let ok = false;
    try {
      const url = new URL(input.url);
      ok = url.protocol === 'https:' && !url.username && !url.password && !!url.hostname;
    } catch {
      ok = this.allowLocal && path.isAbsolute(input.url) && !input.url.startsWith('-');
    }
    if (!ok) fields.push({ path: 'git.url', message: this.allowLocal ? 'url must be https:// (or a local absolute path)' : 'url must be an https:// URL without credentials' });
    if (fields.length) throw new BadUserInputError('Invalid git source', fields);
  }

  async checkout(input: GitSourceInput): Promise<GitCheckout> {
    this.assertAllowed(input);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'plaza-git-'));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dir,
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'protocol.file.allow',
      GIT_CONFIG_VALUE_0: this.allowLocal ? 'always' : 'never',
    };
    if (input.token) {
      const basic = Buffer.from(`x-access-token:${input.token}`).toString('base64');
      env.GIT_CONFIG_COUNT = '2';
      env.GIT_CONFIG_KEY_1 = 'http.extraHeader';
      env.GIT_CONFIG_VALUE_1 = `Authorization: Basic ${basic}`;
    }
    const git = (args: string[]) => run('git', args, { cwd: dir, env, timeout: this.timeoutMs, maxBuffer: 1024 * 1024 });
    try {
      await git(['init', '--quiet']);
      await git(['remote', 'add', 'origin', input.url]);
      // fetch by ref works for branches, tags and (where the host allows) commit shas.
      await git(['fetch', '--quiet', '--depth', '1', '--no-tags', 'origin', input.ref]);
      await git(['-c', 'advice.detachedHead=false', 'checkout', '--quiet', 'FETCH_HEAD']);
      const { stdout } = await git(['rev-parse', 'HEAD']);
      return { dir, commitSha: stdout.trim(), cleanup: () => rm(dir, { recursive: true, force: true }) };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      const stderr = String((error as { stderr?: string }).stderr ?? '');
      const safe = input.token ? stderr.split(input.token).join('***') : stderr;
      throw new PackageRejectedError('The git source could not be fetched', [
        `git could not fetch ref '${input.ref}': ${safe.trim().split('\n').slice(-2).join(' ').slice(0, 300) || 'timed out or refused'}`,
      ]);
    }
  }
}
