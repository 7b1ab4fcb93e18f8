// `npm run bench:upload`: the server's memory while it receives and checks a 50 MiB package.
// The server runs in a child process; this process sends the bytes from a file (streamed) and
// samples the child's RSS every 20 ms. `BENCH_BLOB=s3` stores the blob in an S3-compatible
// server (s3rver, in this process) instead of the local folder: the upload then includes the
// multipart transfer to the bucket.
import 'reflect-metadata';
import { scratchDatabase } from './scratch-db';
import { ChildProcess, fork } from 'node:child_process';
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { packageFor, zipOf } from '../test/utils/packages';
import { startTestS3 } from '../test/utils/s3';

async function main(): Promise<void> {
  const db = await scratchDatabase('upload');
  const dbUrl = db.url;

  const s3 = process.env.BENCH_BLOB === 's3' ? await startTestS3('plaza-bench') : null;
  const overrides = s3 ? { ...s3.config('bench'), dataDir: path.join(os.tmpdir(), `plaza-bench-s3-${process.pid}`) } : {};
  const child: ChildProcess = fork(path.join(__dirname, 'servers.ts'), ['plaza', dbUrl, JSON.stringify(overrides)], { execArgv: ['-r', '@swc-node/register'] });
  const url = await new Promise<string>(resolve => child.once('message', (m: { url: string }) => resolve(m.url)));
  const memory = () =>
    new Promise<{ rss: number; maxRss: number }>(resolve => {
      const onMessage = (m: { type?: string; rss: number; maxRss: number }) => {
        if (m.type !== 'memory') return;
        child.off('message', onMessage);
        resolve(m);
      };
      child.on('message', onMessage);
      child.send({ type: 'memory' });
    });
  const gql = async (query: string, token?: string) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
    return ((await res.json()) as { data: any }).data;
  };
  try {
    const { signUp } = await gql(`mutation { signUp(input: { email: "bench@example.test", password: "bench password 1", displayName: "Bench" }) { token } }`);
    await gql(`mutation { becomeDeveloper(input: { organizationName: "Bench", contactEmail: "b@example.test", acceptTerms: true }) { id } }`, signUp.token);
    const { createPackageUpload: upload } = await gql(`mutation { createPackageUpload { id uploadUrl } }`, signUp.token);

    // 50 MiB: the fixture package plus incompressible assets (stored as deflate of random data).
    const files = packageFor('bench-app', 'Bench App');
    for (let i = 0; i < 10; i++) files.set(`assets/blob-${i}.bin`, randomBytes(5 * 1024 * 1024 - 4096));
    const zip = await zipOf(files);
    const file = path.join(os.tmpdir(), `plaza-bench-${process.pid}.zip`);
    writeFileSync(file, zip);
    const size = statSync(file).size;
    // Let the server settle, then take the baseline.
    await new Promise(r => setTimeout(r, 1000));
    (global as { gc?: () => void }).gc?.();
    const before = await memory();
    let peak = before.rss;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, (await memory()).rss);
        await new Promise(r => setTimeout(r, 20));
      }
    })();
    const started = Date.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(upload.uploadUrl, { method: 'PUT', headers: { authorization: `Bearer ${signUp.token}`, 'content-length': size } }, res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      createReadStream(file).pipe(req);
    });
    const ms = Date.now() - started;
    sampling = false;
    await sampler;
    const after = await memory();
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    console.log(`blob store: ${s3 ? 'S3 (s3rver on loopback, multipart)' : 'local folder'}`);
    console.log(`upload of ${mib(size)} → HTTP ${status} in ${ms} ms (${mib((size / ms) * 1000)}/s)`);
    console.log(`server RSS: before ${mib(before.rss)}, peak while receiving and checking ${mib(peak)} (growth ${mib(peak - before.rss)}), after ${mib(after.rss)}`);
    console.log(`server max RSS over its life: ${mib(after.maxRss)}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise(r => setTimeout(r, 500));
    await db.close();
    await s3?.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
