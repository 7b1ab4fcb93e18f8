import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

describe('typed operations (test/generated)', () => {
  it('test/generated is what `npm run codegen` makes from schema/schema.graphql and the graphql() calls in test/', async () => {
    // graphql-codegen --check regenerates in memory and exits 1 when a committed output differs.
    const result = await new Promise<{ code: number | null; output: string }>(resolve => {
      execFile(
        path.join(ROOT, 'node_modules/.bin/graphql-codegen'),
        ['--config', 'codegen.ts', '--check'],
        { cwd: ROOT, timeout: 110_000, env: { ...process.env, FORCE_COLOR: '0', CI: 'true' } },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
      );
    });
    if (result.code !== 0) throw new Error(`test/generated is stale: run \`npm run codegen\` and commit it.\n${result.output}`);
    expect(result.code).toBe(0);
  }, 120_000);
});
