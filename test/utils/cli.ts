import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

/** The repository root, where bin/plaza.js lives. */
export const ROOT = path.resolve(__dirname, '../..');

/** Runs the `plaza` CLI as a real process, with only PATH (plus `env`) from the environment. */
export const plaza = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(ROOT, 'bin/plaza.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

/**
 * Runs the CLI without blocking: the server under test lives in this very process. `env` is added
 * to PATH; the process is killed after `deadlineMs`.
 */
export const plazaAsync = (args: string[], env: Record<string, string> = {}, deadlineMs = 120_000) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>(resolve => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/plaza.js'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', c => (stdout += c));
    child.stderr.on('data', c => (stderr += c));
    const timer = setTimeout(() => child.kill(), deadlineMs);
    child.on('exit', status => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
