import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { packDirectory, readPackageDirectory } from '../modules/packages/package-dir';
import { KIKET_MANIFEST_FILE } from '../modules/validation/kiket/format';
import { kiketAppIdOf } from '../modules/validation/kiket/kiket-adapter';
import { PLATFORM_SCOPE_SET } from '../modules/validation/platform-scopes';
import { parsePythonFiles } from '../modules/validation/python/parallel-parse';
import { formatReport } from '../modules/validation/report-format';
import { validatePackage, ValidationReport } from '../modules/validation/validate-package';
import { PackageRejectedError } from '../shared/errors';

/** Plaza's version: package.json sits two levels up from src/cli, three from dist/src/cli. */
function plazaVersion(): string {
  for (const up of ['../..', '../../..']) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require(`${up}/package.json`) as { version: string }).version;
    } catch {
      // try the next layout
    }
  }
  return '0.0.0';
}

const list = (value: string | undefined) => (value ?? '').split(',').map(s => s.trim()).filter(Boolean);

/** Validates a package directory with the same module the server runs. */
export async function validateDirectory(dir: string): Promise<ValidationReport> {
  const checked = await readPackageDirectory(dir);
  // The Python parse, most of a large package's time, on two threads when a core is spare
  // (parallel-parse.ts); PLAZA_PARSE_THREADS=1 or 2 decides instead (the cold bench compares them).
  const forced = process.env.PLAZA_PARSE_THREADS;
  const pythonTrees = await parsePythonFiles(checked.files, { threads: forced === '1' ? 1 : forced === '2' ? 2 : 'auto' });
  return validatePackage(
    checked.files,
    {
      // V31 locally, as the reference does: the author id and allowlist come from the environment.
      author: { authorId: process.env.PLAZA_AUTHOR_ID ?? process.env.IMPERAL_AUTHOR_ID ?? null },
      firstPartyAllowlist: list(process.env.PLAZA_FIRST_PARTY_AUTHOR_IDS ?? process.env.IMPERAL_FIRSTPARTY_AUTHOR_IDS),
      platformScopes: PLATFORM_SCOPE_SET,
      pythonTrees,
    },
    checked.issues,
  );
}

function rejected(error: unknown): never {
  if (error instanceof PackageRejectedError) {
    throw new Error(`${error.message}:\n${error.reasons.map(r => `  - ${r}`).join('\n')}`);
  }
  throw error;
}

export function registerPackageCommands(program: Command): void {
  program
    .command('validate [dir]')
    .description('run the validator suite on an extension directory (exit 1 on any ERROR)')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string | undefined, options: { json?: boolean }) => {
      const report = await validateDirectory(path.resolve(dir ?? '.')).catch(rejected);
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, plazaVersion()));
      process.exitCode = report.errorCount ? 1 : 0;
    });

  program
    .command('pack [dir]')
    .description('build the package zip, leaving out .git/, __pycache__/, *.pyc, .venv/, venv/')
    .option('-o, --output <file>', 'where to write the zip (default: <app_id>-<version>.zip)')
    .action(async (dir: string | undefined, options: { output?: string }) => {
      const root = path.resolve(dir ?? '.');
      const report = await validateDirectory(root).catch(rejected);
      const bytes = await packDirectory(root).catch(rejected);
      const output = path.resolve(options.output ?? `${report.appId ?? path.basename(root)}-${report.version ?? '0.0.0'}.zip`);
      await writeFile(output, bytes);
      process.stdout.write(`packed ${output} (${bytes.length} bytes)\n`);
    });

  program
    .command('publish [dir]')
    .description('pack, upload and submit to a Plaza server, then follow validation')
    .requiredOption('--server <url>', 'Plaza server URL, e.g. http://localhost:4000')
    .option('--token <token>', 'API token (or PLAZA_TOKEN)')
    .option('--timeout <seconds>', 'how long to wait for validation', '120')
    .action(async (dir: string | undefined, options: { server: string; token?: string; timeout: string }) => {
      const token = options.token ?? process.env.PLAZA_TOKEN;
      if (!token) throw new Error('publish needs --token (or PLAZA_TOKEN)');
      const root = path.resolve(dir ?? '.');
      const local = await validateDirectory(root).catch(rejected);
      if (!local.appId) throw new Error('the manifest has no app_id (imperal.json) or extension.id (.kiket/manifest.yaml): run `plaza validate` first');
      // A Kiket id (dev.example.name) claims its hyphenated form (docs/validation.md, "Kiket manifests").
      const appId = existsSync(path.join(root, KIKET_MANIFEST_FILE)) ? kiketAppIdOf(local.appId) : local.appId;
      const bytes = await packDirectory(root).catch(rejected);
      const report = await publish(options.server.replace(/\/$/, ''), token, appId, bytes, Number(options.timeout));
      process.stdout.write(formatReport(report, plazaVersion()));
      process.exitCode = report.errorCount ? 1 : 0;
    });
}

async function gql(server: string, token: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${server}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  if (body.errors?.length) {
    const e = body.errors[0];
    const reasons = (e.extensions?.reasons as string[] | undefined)?.map(r => `\n  - ${r}`).join('') ?? '';
    throw new Error(`${String(e.extensions?.code ?? 'ERROR')}: ${e.message}${reasons}`);
  }
  return body.data!;
}

async function publish(server: string, token: string, appId: string, zip: Buffer, timeoutSeconds: number): Promise<ValidationReport> {
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  const { createPackageUpload: upload } = await gql(server, token, 'mutation { createPackageUpload { id uploadUrl maxBytes } }', {});
  progress(`uploading ${zip.length} bytes…`);
  const put = await fetch(upload.uploadUrl, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip' }, body: new Uint8Array(zip) });
  const putBody = (await put.json()) as { errors?: { message: string; extensions?: { reasons?: string[] } }[] };
  if (!put.ok) {
    const e = putBody.errors?.[0];
    throw new Error(`upload refused (${put.status}): ${e?.message ?? ''}${(e?.extensions?.reasons ?? []).map(r => `\n  - ${r}`).join('')}`);
  }
  const { submitVersion } = await gql(server, token, 'mutation($i: SubmitVersionInput!) { submitVersion(input: $i) { id version status } }', {
    i: { appId, uploadId: upload.id },
  });
  progress(`submitted ${appId} ${submitVersion.version ?? ''} (${submitVersion.id}); validating…`);
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const { extensionVersion: v } = await gql(
      server,
      token,
      `query($id: ID!) { extensionVersion(id: $id) { status validationReport { appId version toolCount functionCount eventCount errorCount warningCount infoCount valid issues { rule level message file line fix } } } }`,
      { id: submitVersion.id },
    );
    if (v.validationReport) {
      progress(`status: ${v.status}`);
      return v.validationReport as ValidationReport;
    }
    if (Date.now() > deadline) throw new Error(`validation did not finish within ${timeoutSeconds} s (status ${v.status})`);
    await new Promise(r => setTimeout(r, 500));
  }
}
