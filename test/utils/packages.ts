import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { validManifest, validPackage } from '../fixtures/packages';
import type { TestApp } from './test-app';

/** A zip of the given files (placed under `prefix`), built with yazl. */
export function zipOf(files: Map<string, Buffer> | Record<string, string | Buffer>, prefix = ''): Promise<Buffer> {
  const entries = files instanceof Map ? [...files] : Object.entries(files).map(([k, v]) => [k, Buffer.from(v)] as const);
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(Buffer.from(bytes), `${prefix}${name}`, { mtime: new Date(0) });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', c => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

/** The valid fixture package for an app id / display name of the caller's choosing. */
export function packageFor(appId: string, name: string, overrides: Record<string, unknown> = {}): Map<string, Buffer> {
  const files = validPackage(validManifest({ app_id: appId, name, ...overrides }));
  let code = files.get('main.py')!.toString().replace('"task-board"', JSON.stringify(appId)).replace('"Task Board"', JSON.stringify(name));
  // The code is what the validator judges: a description override goes into Extension(...) too.
  if (typeof overrides.description === 'string') code = code.replace(/description="A task manager[^"]*"/, `description=${JSON.stringify(overrides.description)}`);
  files.set('main.py', Buffer.from(code));
  return files;
}

export async function createUpload(t: TestApp, token: string): Promise<{ id: string; uploadUrl: string; maxBytes: number }> {
  const res = await t.gql(`mutation { createPackageUpload { id uploadUrl maxBytes expiresAt status } }`, {}, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.createPackageUpload;
}

export async function putUpload(t: TestApp, token: string, uploadId: string, bytes: Buffer) {
  return t.http().put(`/uploads/${uploadId}`).set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/zip').send(bytes);
}

/** Uploads the bytes and submits them; returns the version as submitVersion answered. */
export async function submitZip(t: TestApp, token: string, appId: string, bytes: Buffer) {
  const upload = await createUpload(t, token);
  const put = await putUpload(t, token, upload.id, bytes);
  if (put.status !== 200) throw new Error(`upload failed: ${put.status} ${JSON.stringify(put.body)}`);
  return t.gql(`mutation($i: SubmitVersionInput!) { submitVersion(input: $i) { id version status source packageSha256 } }`, { i: { appId, uploadId: upload.id } }, token);
}

const VERSION_QUERY = `query($id: ID!) { extensionVersion(id: $id) { id version status source gitCommitSha gitUrl packageSha256 validatedAt
  validationReport { appId version toolCount functionCount eventCount errorCount warningCount infoCount valid issues { rule level message file line fix source } } } }`;

/** Polls until the validation job has moved the version past SUBMITTED/VALIDATING. */
export async function waitForValidation(t: TestApp, token: string, versionId: string, timeoutMs = 20000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.gql(VERSION_QUERY, { id: versionId }, token);
    const v = res.data?.extensionVersion;
    if (v && !['SUBMITTED', 'VALIDATING'].includes(v.status)) return v;
    if (Date.now() > deadline) throw new Error(`validation did not finish: ${JSON.stringify(res)}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

/** A local git repository holding the package, for git-source submissions (PLAZA_ALLOW_LOCAL_GIT). */
export function gitRepoOf(files: Map<string, Buffer>): { dir: string; sha: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plaza-repo-'));
  for (const [name, bytes] of files) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } })
      .toString()
      .trim();
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'package');
  return { dir, sha: git('rev-parse', 'HEAD') };
}
