import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { systemContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';
import { buildDeveloper, TestUser } from '../utils/factories';
import { packageFor, submitZip, waitForValidation, zipOf } from '../utils/packages';
import { startTestApp, TestApp } from '../utils/test-app';
import { expectCode } from '../utils/expect-code';

// Hostile packages end to end: upload, submitVersion, the validation job, a final status with a
// rule id (docs/validation.md, "Bounds on package data" and "When the validator cannot finish").
// Each must end within a bounded time and leave the server answering.

const CLAIM = `mutation($i: ClaimExtensionInput!) { claimExtension(input: $i) { appId } }`;
const NAME = 'Task Board';
let counter = 0;
const newAppId = () => `hostile-${Date.now().toString(36)}-${++counter}`;

/** Nested objects `levels` deep around `leaf`, as text (a JS value that deep could not be stringified). */
const deepObjects = (levels: number, leaf = '1') => '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);

/** The fixture manifest's text with `key` set to the raw JSON `value` (any text, even one JSON.stringify could not write). */
function manifestWith(files: Map<string, Buffer>, key: string, value: string): string {
  const manifest = JSON.parse(files.get('imperal.json')!.toString()) as Record<string, unknown>;
  delete manifest[key];
  return `${JSON.stringify(manifest).slice(0, -1)},${JSON.stringify(key)}:${value}}`;
}

async function claim(t: TestApp, dev: TestUser, appId = newAppId()): Promise<string> {
  const res = await t.gql(CLAIM, { i: { appId, displayName: NAME, category: 'productivity' } }, dev.token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return appId;
}

describe('hostile packages through the real server', () => {
  let t: TestApp;
  let dev: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ dataDir: path.join(os.tmpdir(), `plaza-hostile-${randomBytes(4).toString('hex')}`) });
    dev = await buildDeveloper(t);
  });
  afterAll(() => t.close());

  /** Submits the package, waits for the job, checks the server still answers; returns the version and how long it took. */
  async function submitAndSettle(appId: string, files: Map<string, Buffer>) {
    const submitted = await submitZip(t, dev.token, appId, await zipOf(files));
    expect(submitted.errors).toBeUndefined();
    // The bound that matters is the job's: it never retries and ends soon, on a busy machine too.
    const version = await waitForValidation(t, dev.token, submitted.data!.submitVersion.id, 30_000);
    const [{ ms }] = await t.sql<{ ms: number }>(
      `SELECT extract(epoch FROM validated_at - submitted_at) * 1000 AS ms FROM extension_versions WHERE id = $1`,
      [version.id],
    );
    const jobMs = Number(ms);
    // The job completed on its first attempt (pg-boss marks it just after the handler returns).
    let jobs: { state: string; retry_count: number }[] = [];
    for (let i = 0; i < 50; i++) {
      jobs = await t.sql(`SELECT state, retry_count FROM pgboss.job WHERE data->>'versionId' = $1`, [version.id]);
      if (jobs.every(j => j.state !== 'active')) break;
      await new Promise(r => setTimeout(r, 100));
    }
    expect(jobs).toEqual([{ state: 'completed', retry_count: 0 }]);
    const ping = Date.now();
    const alive = await t.gql(`{ categories { slug } }`);
    expect(alive.errors).toBeUndefined();
    expect(Date.now() - ping).toBeLessThan(2000);
    const events = await t.sql<{ type: string }>(`SELECT type FROM platform_events WHERE subject_id = $1 ORDER BY id`, [version.id]);
    return { version, jobMs, events: events.map(e => e.type) };
  }

  const rulesOf = (version: { validationReport: { issues: { rule: string }[] } }) => [...new Set(version.validationReport.issues.map(i => i.rule))];

  async function expectRefused(files: Map<string, Buffer>, appId: string, rule: string, message: RegExp) {
    const { version, jobMs, events } = await submitAndSettle(appId, files);
    expect(version.status).toBe('VALIDATION_FAILED');
    expect(version.validationReport).toMatchObject({ valid: false, errorCount: 1 });
    expect(version.validationReport.issues).toEqual([expect.objectContaining({ rule, level: 'ERROR', file: 'imperal.json', message: expect.stringMatching(message) })]);
    expect(events).toEqual(['version.submitted', 'version.validation_failed']);
    expect(jobMs).toBeLessThan(10_000);
    return version;
  }

  describe('deep JSON', () => {
    it('a params_schema nested 5,000 levels deep ends VALIDATION_FAILED with JSON-DEPTH', async () => {
      const appId = await claim(t, dev);
      const files = packageFor(appId, NAME);
      const text = files.get('imperal.json')!.toString().replace(/"params_schema": \{/, `"params_schema": {"x": ${deepObjects(5000)},`);
      expect(text).toContain(deepObjects(10).slice(0, 30));
      files.set('imperal.json', Buffer.from(text));
      const version = await expectRefused(files, appId, 'JSON-DEPTH', /^imperal\.json nests deeper than 64 levels \(line \d+\); the limit is 64$/);
      // The version number is still read from a refused manifest? No: an unbounded manifest is never parsed.
      expect(version.version).toBeNull();
    });

    it('a manifest nested 5,000 levels deep at the top ends VALIDATION_FAILED with JSON-DEPTH', async () => {
      const appId = await claim(t, dev);
      const files = packageFor(appId, NAME);
      files.set('imperal.json', Buffer.from(manifestWith(files, 'lifecycle', deepObjects(5000))));
      await expectRefused(files, appId, 'JSON-DEPTH', /nests deeper than 64 levels/);
      const rootArray = packageFor(appId, NAME);
      rootArray.set('imperal.json', Buffer.from('['.repeat(5000) + ']'.repeat(5000)));
      await expectRefused(rootArray, appId, 'JSON-DEPTH', /nests deeper than 64 levels \(line 1\)/);
    });
  });

  describe('sheer size: a huge number of keys, a huge file', () => {
    it('200,000 keys (2.2 MB, far under the upload limit) end VALIDATION_FAILED with JSON-SIZE', async () => {
      const appId = await claim(t, dev);
      const files = packageFor(appId, NAME);
      const keys = Array.from({ length: 200_000 }, (_, i) => `"k${i}":0`).join(',');
      files.set('imperal.json', Buffer.from(manifestWith(files, 'extra', `{${keys}}`)));
      expect(files.get('imperal.json')!.length).toBeGreaterThan(2_000_000);
      await expectRefused(files, appId, 'JSON-SIZE', /^imperal\.json holds more than 100,000 values; the limit is 100,000$/);
    });

    it('a 9 MB manifest of strings each under the string bound ends VALIDATION_FAILED with JSON-SIZE', async () => {
      const appId = await claim(t, dev);
      const files = packageFor(appId, NAME);
      const strings = Array.from({ length: 150 }, () => JSON.stringify(randomBytes(45_000).toString('base64')));
      files.set('imperal.json', Buffer.from(manifestWith(files, 'config_defaults', `{"notes":[${strings.join(',')}]}`)));
      expect(files.get('imperal.json')!.length).toBeGreaterThan(9_000_000);
      await expectRefused(files, appId, 'JSON-SIZE', /^imperal\.json is larger than 8 MiB; the limit is 8 MiB$/);
    });

    it('60,000 unknown keys (under the bound) end VALIDATION_FAILED with M3, the report capped at 100 per rule', async () => {
      const appId = await claim(t, dev);
      const extra = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, 0]));
      const { version, jobMs } = await submitAndSettle(appId, packageFor(appId, NAME, extra));
      expect(version.status).toBe('VALIDATION_FAILED');
      expect(version.validationReport.errorCount).toBe(60_000);
      const m3 = version.validationReport.issues.filter((i: { rule: string }) => i.rule === 'M3');
      expect(m3).toHaveLength(101);
      expect(m3[100].message).toBe('…and 59,900 more M3 errors like these (only the first 100 are listed)');
      const [{ size }] = await t.sql<{ size: number }>(`SELECT pg_column_size(report) AS size FROM extension_versions WHERE id = $1`, [version.id]);
      expect(size).toBeLessThan(100_000);
      expect(jobMs).toBeLessThan(10_000);
    });
  });

  describe('long strings', () => {
    // Random text: a run of one letter would be refused earlier by the archive's compression-ratio check.
    const noise = (chars: number) => randomBytes(Math.ceil((chars * 3) / 4)).toString('base64').slice(0, chars);
    it.each([
      ['the description', (files: Map<string, Buffer>) => manifestWith(files, 'description', JSON.stringify(noise(5_000_000)))],
      ['a key', (files: Map<string, Buffer>) => manifestWith(files, 'lifecycle', JSON.stringify({ [noise(3_000_000)]: true }))],
      ['a tool description', (files: Map<string, Buffer>) => files.get('imperal.json')!.toString().replace('List the tasks on the board', noise(3_000_000))],
    ])('a multi-megabyte string in %s ends VALIDATION_FAILED with JSON-STRING', async (_where, make) => {
      const appId = await claim(t, dev);
      const files = packageFor(appId, NAME);
      files.set('imperal.json', Buffer.from(make(files)));
      expect(files.get('imperal.json')!.length).toBeGreaterThan(3_000_000);
      await expectRefused(files, appId, 'JSON-STRING', /^imperal\.json has a string longer than 65,536 characters \(line \d+\); the limit is 65,536$/);
    });
  });

  describe('unicode tricks in ids', () => {
    it.each([
      ['a right-to-left override (U+202E)', 'task\u202Eboard'],
      ['a Cyrillic homoglyph (U+0430)', 't\u0430sk-board'],
      ['a zero-width space (U+200B)', 'task\u200B-board'],
    ])('claimExtension refuses an app id with %s', async (_trick, appId) => {
      const res = await t.gql(CLAIM, { i: { appId, displayName: NAME, category: 'productivity' } }, dev.token);
      expectCode(res, 'BAD_USER_INPUT');
      expect(await t.sql(`SELECT 1 FROM extensions WHERE app_id = $1`, [appId])).toHaveLength(0);
    });

    it.each([
      ['a right-to-left override (U+202E)', (id: string) => id.replace('-', '-\u202E')],
      ['a Cyrillic homoglyph (U+0430)', (id: string) => id.replace('o', '\u043E')],
    ])('a manifest app_id with %s ends VALIDATION_FAILED with M4, V1 and CLAIM-1', async (_trick, disguise) => {
      const appId = await claim(t, dev);
      const lookalike = disguise(appId);
      expect(lookalike).not.toBe(appId);
      const { version, events } = await submitAndSettle(appId, packageFor(appId, NAME, { app_id: lookalike }));
      expect(version.status).toBe('VALIDATION_FAILED');
      expect(rulesOf(version)).toEqual(expect.arrayContaining(['M4', 'V1', 'CLAIM-1']));
      expect(version.validationReport.issues.find((i: { rule: string }) => i.rule === 'M4').message).toBe('[app_id] must match pattern "^[a-z0-9][a-z0-9-]*[a-z0-9]$"');
      expect(events).toEqual(['version.submitted', 'version.validation_failed']);
    });

    it('a NUL in the manifest app_id ends VALIDATION_FAILED with JSON-CHAR (jsonb could not even store it)', async () => {
      const appId = await claim(t, dev);
      await expectRefused(packageFor(appId, NAME, { app_id: `${appId}\u0000` }), appId, 'JSON-CHAR', /^imperal\.json contains a NUL character \(\\u0000\) in a string \(line \d+\)$/);
    });

    it('an unpaired surrogate in a tool name ends VALIDATION_FAILED with JSON-CHAR', async () => {
      const appId = await claim(t, dev);
      const files = packageFor(appId, NAME);
      files.set('imperal.json', Buffer.from(files.get('imperal.json')!.toString().replace('"list_tasks"', '"list_tasks\\ud800"')));
      await expectRefused(files, appId, 'JSON-CHAR', /an unpaired UTF-16 surrogate/);
    });

    it('a NUL in a README does not stop a valid package: it is stored as U+FFFD', async () => {
      const appId = await claim(t, dev);
      const files = packageFor(appId, NAME);
      files.set('README.md', Buffer.from('# Task Board\n\nNUL \u0000 here.', 'utf8'));
      const { version, events } = await submitAndSettle(appId, files);
      expect(version.status).toBe('PENDING_REVIEW');
      expect(events).toEqual(['version.submitted', 'version.validated']);
      const [row] = await t.sql<{ docs: { overview: { html: string } } }>(`SELECT docs FROM extension_versions WHERE id = $1`, [version.id]);
      expect(row.docs.overview.html).toContain('NUL \uFFFD here.');
    });
  });

  describe('the wrong type at every level', () => {
    it('a top level of wrong types ends VALIDATION_FAILED with M4 (and every rule that reads them), without crashing', async () => {
      const appId = await claim(t, dev);
      const files = packageFor(appId, NAME);
      const wrong = {
        manifest_schema_version: 'three', sdk_version: 5, app_id: [appId], version: { major: 1 }, name: 42, description: false,
        icon: 7, icon_size_bytes: 'big', actions_explicit: 'maybe', system: 'no', capabilities: `${appId}:read`, tools: { name: 'list_tasks' },
        signals: 'none', schedules: 3, required_scopes: { a: 1 }, lifecycle: ['on_install'], lifecycle_hooks: 'x', panels: {},
        secrets: 'x', webhooks: 'x', events: 'x', exposed: 'x', file_sinks: 'x', hidden_in_sidebar: 'x',
      };
      files.set('imperal.json', Buffer.from(JSON.stringify(wrong)));
      const { version, events } = await submitAndSettle(appId, files);
      expect(version.status).toBe('VALIDATION_FAILED');
      expect(version.version).toBeNull();
      // V3 reads the code now (its tools are fine); the manifest no longer matches it: MANIFEST-DRIFT.
      expect(rulesOf(version)).toEqual(expect.arrayContaining(['M4', 'V1', 'V2', 'MANIFEST-DRIFT', 'CLAIM-1', 'CLAIM-2']));
      expect(rulesOf(version)).not.toContain('VALIDATOR-INTERNAL');
      const m4 = version.validationReport.issues.filter((i: { rule: string }) => i.rule === 'M4').map((i: { message: string }) => i.message);
      expect(m4).toEqual(expect.arrayContaining(['[app_id] must be string', '[tools] must be array', '[lifecycle] must be object', '[secrets] must be array']));
      expect(events).toEqual(['version.submitted', 'version.validation_failed']);
    });

    it('wrong types inside tools, lifecycle, schedules and secrets end VALIDATION_FAILED with M5 and M4', async () => {
      const appId = await claim(t, dev);
      const files = packageFor(appId, NAME, {
        tools: [
          { name: 5, description: [], action_type: {}, chain_callable: 'yes', effects: 'x', params_schema: 'x', return_schema: [], event: 5, scopes: 'x' },
          'list_tasks',
          7,
          null,
        ],
        lifecycle: { on_install: [], health_check: 'x', on_upgrade: {} },
        schedules: [{ name: 1, cron: [] }],
        secrets: [1, 'x', { name: {} }],
        webhooks: [{ path: 1 }],
        events: { emits: 'x', subscribes: {} },
        exposed: [{ name: [] }],
        file_sinks: [{ tool: {} }],
      });
      const { version } = await submitAndSettle(appId, files);
      expect(version.status).toBe('VALIDATION_FAILED');
      expect(rulesOf(version)).toEqual(expect.arrayContaining(['M4', 'M5']));
      expect(rulesOf(version)).not.toContain('VALIDATOR-INTERNAL');
      const messages = version.validationReport.issues.map((i: { message: string }) => i.message);
      expect(messages).toEqual(expect.arrayContaining(['[tools.0.name] must be string', '[schedules.0.cron] must be string']));
    });
  });
});

describe('the validation job always ends in a final state', () => {
  let t: TestApp;
  let dev: TestUser;
  const dataDir = path.join(os.tmpdir(), `plaza-hostile-job-${randomBytes(4).toString('hex')}`);
  // No workers: the test runs the job handler itself, at the moment it chooses.
  beforeAll(async () => {
    t = await startTestApp({ dataDir, runWorkers: false });
    dev = await buildDeveloper(t);
  });
  afterAll(() => t.close());

  const jobContext = () => systemContext(t.app.dataSource.manager, t.app.logger, createLoaders(t.app.dataSource.manager), t.app.container, 'job:test');
  const statusOf = async (id: string) => (await t.sql<{ status: string }>(`SELECT status FROM extension_versions WHERE id = $1`, [id]))[0].status;

  async function submitted(): Promise<{ id: string; sha256: string }> {
    const appId = await claim(t, dev);
    const res = await submitZip(t, dev.token, appId, await zipOf(packageFor(appId, NAME)));
    expect(res.errors).toBeUndefined();
    return { id: res.data!.submitVersion.id, sha256: res.data!.submitVersion.packageSha256 };
  }

  it('a non-transient error (a stored package that no longer reads) ends VALIDATION_FAILED with VALIDATOR-INTERNAL, once', async () => {
    const { id, sha256 } = await submitted();
    writeFileSync(path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256), 'not a zip any more');
    await expect(t.app.services.versions.validate(jobContext(), id)).resolves.toBeUndefined();
    const version = await waitForValidation(t, dev.token, id, 1000);
    expect(version.status).toBe('VALIDATION_FAILED');
    expect(version.validatedAt).not.toBeNull();
    expect(version.validationReport).toMatchObject({ valid: false, errorCount: 1, warningCount: 0 });
    const [only] = version.validationReport.issues;
    expect(version.validationReport.issues).toHaveLength(1);
    expect(only).toMatchObject({ rule: 'VALIDATOR-INTERNAL', level: 'ERROR', file: '', line: 0 });
    expect(only.message).toMatch(/^The validator could not finish on this package \(\w+: .+\); it was not accepted$/);
    expect(only.message).not.toMatch(/\n|    at /);
    const events = await t.sql<{ type: string; data: Record<string, unknown> }>(`SELECT type, data FROM platform_events WHERE subject_id = $1 ORDER BY id`, [id]);
    expect(events.map(e => e.type)).toEqual(['version.submitted', 'version.validation_failed']);
    expect(events[1].data).toEqual({ errorCount: 1, warningCount: 0, status: 'VALIDATION_FAILED', reviewTriggers: [] });
    // A retried job finds the version final and leaves it (and its events) alone.
    await t.app.services.versions.validate(jobContext(), id);
    expect(await t.sql(`SELECT 1 FROM platform_events WHERE subject_id = $1`, [id])).toHaveLength(2);
  });

  /**
   * Holds the event table in SHARE mode so the job's final transaction waits at its event insert
   * (an INSERT needs ROW EXCLUSIVE, which SHARE blocks), then cuts that
   * backend off as a failover would: PostgreSQL answers 57P01, a transient error. The job's writes
   * roll back with it. Resolves with what `validate` settled to.
   */
  async function cutMidValidation(id: string, finalAttempt: boolean): Promise<PromiseSettledResult<void>> {
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`LOCK TABLE platform_events IN SHARE MODE`);
      const running = t.app.services.versions.validate(jobContext(), id, { finalAttempt });
      running.catch(() => undefined);
      let waiting: { pid: number }[] = [];
      for (let i = 0; i < 200 && waiting.length === 0; i++) {
        await new Promise(res => setTimeout(res, 50));
        // Not through `holder`: pg_stat_activity is read once per transaction.
        waiting = await t.sql<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'relation'`,
        );
      }
      expect(waiting).toHaveLength(1);
      expect(await statusOf(id)).toBe('VALIDATING');
      await holder.query('SELECT pg_terminate_backend($1)', [waiting[0].pid]);
      await holder.query('ROLLBACK');
      return (await Promise.allSettled([running]))[0];
    } finally {
      await holder.end();
    }
  }

  it('a transient database error is rethrown for the queue to retry, and the retry finishes the version', async () => {
    const { id } = await submitted();
    const outcome = await cutMidValidation(id, false);
    expect(outcome).toMatchObject({ status: 'rejected', reason: { code: '57P01' } });
    expect(await statusOf(id)).toBe('VALIDATING');
    expect(await t.sql(`SELECT 1 FROM platform_events WHERE subject_id = $1`, [id])).toHaveLength(1);
    await t.app.services.versions.validate(jobContext(), id);
    expect(await statusOf(id)).toBe('PENDING_REVIEW');
    const events = await t.sql<{ type: string }>(`SELECT type FROM platform_events WHERE subject_id = $1 ORDER BY id`, [id]);
    expect(events.map(e => e.type)).toEqual(['version.submitted', 'version.validated']);
  });

  it('on the queue’s last try a transient error still ends the version final (VALIDATION_FAILED), never VALIDATING for good', async () => {
    const { id } = await submitted();
    const outcome = await cutMidValidation(id, true);
    expect(outcome.status).toBe('fulfilled');
    const version = await waitForValidation(t, dev.token, id, 1000);
    expect(version.status).toBe('VALIDATION_FAILED');
    expect(version.validationReport.issues.map((i: { rule: string }) => i.rule)).toEqual(['VALIDATOR-INTERNAL']);
  });
});
