import { checkManifest } from './manifest-layer';
import { validManifest } from '../../../test/fixtures/packages';

const run = (manifest: unknown) => checkManifest(new Map([['imperal.json', Buffer.from(typeof manifest === 'string' ? manifest : JSON.stringify(manifest))]]));
const rules = (manifest: unknown) => run(manifest).issues.map(i => `${i.rule} ${i.message}`);

describe('manifest layer', () => {
  it('passes a valid schema v3 manifest', () => {
    expect(run(validManifest()).issues).toEqual([]);
  });

  it('M0: missing file and invalid JSON (with the line)', () => {
    expect(checkManifest(new Map()).issues[0].rule).toBe('M0');
    const bad = run('{\n  "app_id": "x",\n  oops\n}');
    expect(bad.issues[0]).toMatchObject({ rule: 'M0', level: 'ERROR', file: 'imperal.json', line: 3 });
  });

  it('M1: a root that is not an object', () => {
    expect(run([1, 2]).issues).toEqual([expect.objectContaining({ rule: 'M1', message: 'manifest root must be a JSON object, got list' })]);
  });

  it('M2: a required field missing at any depth', () => {
    const { app_id, ...rest } = validManifest();
    expect(app_id).toBeDefined();
    expect(rules(rest)).toContain('M2 [app_id] Field required');
    expect(rules(validManifest({ secrets: [{ name: 'api_key' }] }))).toContain('M2 [secrets.0.description] Field required');
  });

  it('M3: unknown keys, with the two named mistakes explained', () => {
    const out = rules(validManifest({ schema_version: 3, functions: [] }));
    expect(out.find(m => m.startsWith('M3 [schema_version]'))).toContain('manifest_schema_version');
    expect(out.find(m => m.startsWith('M3 [functions]'))).toContain('tools[]');
    expect(rules(validManifest({ lifecycle: { on_install: true, on_boot: true } }))).toContain('M3 [lifecycle.on_boot] Extra inputs are not permitted');
  });

  it('M3: unknown key inside a tool', () => {
    const manifest = validManifest();
    (manifest.tools as Record<string, unknown>[])[0].foo = 1;
    expect(rules(manifest)).toContain('M3 [tools.0.foo] Extra inputs are not permitted');
  });

  it('M4: bad values (regex, enum, type, cross-field)', () => {
    expect(rules(validManifest({ app_id: 'Bad_Id' }))[0]).toMatch(/^M4 \[app_id\]/);
    expect(rules(validManifest({ version: 1 }))[0]).toMatch(/^M4 \[version\]/);
    expect(rules(validManifest({ version: '1.0' }))[0]).toMatch(/^M4 \[version\]/);
    expect(rules(validManifest({ exposed: [{ name: 'x', action_type: 'destructive' }] }))[0]).toMatch(/^M4 \[exposed.0.action_type\]/);
    expect(rules(validManifest({ hidden_in_sidebar: true }))).toContain('M4 [root] Value error, hidden_in_sidebar=True requires system=True');
    expect(rules(validManifest({ secrets: [{ name: 'k', description: 'd', env_fallback: 'IMPERAL_APPSECRET_K' }] }))[0]).toMatch(/^M4 \[secrets.0\] .*env_fallback/);
    expect(rules(validManifest({ secrets: [{ name: 'Key', description: 'd' }] }))[0]).toMatch(/^M4 \[secrets.0.name\]/);
  });

  it('accepts pydantic-lax values: 1/"yes" booleans and numeric-string integers, not numbers as strings', () => {
    expect(run(validManifest({ system: 'yes', actions_explicit: 1, icon_size_bytes: '120' })).issues).toEqual([]);
    expect(rules(validManifest({ name: 42 }))[0]).toMatch(/^M4 \[name\]/);
  });

  it('M5: bad values under tools, signals and schedules', () => {
    expect(rules(validManifest({ signals: ['bare-string'] }))[0]).toMatch(/^M5 \[signals.0\]/);
    expect(rules(validManifest({ schedules: [{ name: 'x', cron: 'every day' }] }))[0]).toMatch(/^M5 \[schedules.0.cron\]/);
    const manifest = validManifest();
    (manifest.tools as Record<string, unknown>[])[1].name = 'create-task';
    expect(rules(manifest)[0]).toMatch(/^M5 \[tools.1.name\]/);
  });

  it('M6.3 / M7.3 / M8.2 / V25 are ERROR issues, never a crash', () => {
    const hooks = [{ path: '/in', method: 'POST', secret_header: 'X' }, { path: '/in', method: 'POST', secret_header: 'Y' }];
    expect(rules(validManifest({ webhooks: hooks }))).toContain('M6.3 webhooks[].path duplicate — paths must be unique: ["/in"]');
    expect(rules(validManifest({ events: { subscribes: [], emits: [{ type: 'other.created' }] } }))[0]).toMatch(/^M7.3 .*'other.created' must be prefixed by app_id 'task-board'/);
    expect(rules(validManifest({ events: { subscribes: [], emits: [{ type: 'task-board.created' }] } }))).toEqual([]);
    expect(rules(validManifest({ exposed: [{ name: 'a', action_type: 'read' }, { name: 'a', action_type: 'write' }] }))[0]).toMatch(/^M8.2/);
    const legacy = validManifest();
    (legacy.tools as Record<string, unknown>[]).push({ name: 'tool_tasks_chat', description: '' });
    expect(rules(legacy)[0]).toMatch(/^V25 manifest contains orchestrator-tool 'tool_tasks_chat'/);
  });

  it('SDK-VERSION-1: missing, below 5.0.0, or unparseable; pre-release suffixes pass', () => {
    expect(rules(validManifest({ sdk_version: undefined }))[0]).toMatch(/^SDK-VERSION-1 imperal.json missing 'sdk_version'/);
    expect(rules(validManifest({ sdk_version: '4.2.1' }))[0]).toMatch(/^SDK-VERSION-1 .*'4.2.1'/);
    expect(rules(validManifest({ sdk_version: '5.0' }))[0]).toMatch(/^SDK-VERSION-1/);
    expect(rules(validManifest({ sdk_version: '5.0.0-rc1' }))).toEqual([]);
    expect(rules(validManifest({ sdk_version: '10.0.0' }))).toEqual([]);
  });
});
