import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diffManifests } from '../../versions/manifest-diff';
import { declaredScopes, toolsOf } from '../manifest-rules';
import { validatePackage } from '../validate-package';
import { measureNesting } from './depth';
import { detectFormat, KIKET_MANIFEST_FILE } from './format';
import { kiketAppIdOf } from './kiket-adapter';
import { parseLimitedYaml } from './yaml-limits';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/kiket');
const VALID = readFileSync(path.join(FIXTURES, 'valid.yaml'));
const kiket = (yaml: string | Buffer) => new Map([[KIKET_MANIFEST_FILE, Buffer.isBuffer(yaml) ? yaml : Buffer.from(yaml)]]);
const parse = (yaml: string | Buffer) => parseLimitedYaml(Buffer.isBuffer(yaml) ? yaml : Buffer.from(yaml), KIKET_MANIFEST_FILE);
const rulesOf = (yaml: string | Buffer) => parse(yaml).issues.map(i => i.rule);

describe('package format', () => {
  it('is Kiket with .kiket/manifest.yaml and Imperal with imperal.json', () => {
    expect(detectFormat(kiket('a: 1')).format).toBe('KIKET');
    expect(detectFormat(new Map([['imperal.json', Buffer.from('{}')]])).format).toBe('IMPERAL');
  });

  it('refuses a package with neither manifest (FORMAT-1) or both (FORMAT-2), before reading either', () => {
    const neither = validatePackage(new Map([['README.md', Buffer.from('# hi')]]));
    expect(neither).toMatchObject({ valid: false, errorCount: 1, appId: null });
    expect(neither.issues[0]).toMatchObject({ rule: 'FORMAT-1', level: 'ERROR' });
    expect(neither.issues[0].message).toContain('neither imperal.json (Imperal) nor .kiket/manifest.yaml (Kiket)');
    const both = validatePackage(new Map([...kiket(VALID), ['imperal.json', Buffer.from('{')]]));
    expect(both.issues.map(i => i.rule)).toEqual(['FORMAT-2']);
  });

  it('keeps the archive reader\'s own findings in the report', () => {
    const extra = { rule: 'PKG-EXCLUDE', level: 'INFO' as const, message: 'dropped', file: '', line: 0, fix: '', source: 'manifest' as const };
    expect(validatePackage(new Map(), {}, [extra]).issues.map(i => i.rule)).toEqual(['FORMAT-1', 'PKG-EXCLUDE']);
    expect(validatePackage(kiket(VALID), {}, [extra]).issues.map(i => i.rule)).toEqual(['PKG-EXCLUDE']);
  });
});

describe('YAML under hard limits', () => {
  it('reads a plain manifest, with lines for paths', () => {
    const parsed = parse(VALID);
    expect(parsed.issues).toEqual([]);
    expect(parsed.locate!(['extension', 'callback', 'timeout'])).toBe(17);
    expect(parsed.locate!(['extension', 'nope'])).toBe(0);
  });

  it('refuses a 10 MiB file by its size before parsing it (KIK-YAML-1)', () => {
    const huge = Buffer.alloc(10 * 1024 * 1024, 'a: b\n');
    const started = performance.now();
    const result = parse(huge);
    expect(performance.now() - started).toBeLessThan(50);
    expect(result.value).toBeNull();
    expect(result.issues).toEqual([expect.objectContaining({ rule: 'KIK-YAML-1', level: 'ERROR', message: '.kiket/manifest.yaml is 10 MiB; the limit is 256 KiB' })]);
    // Exactly at the limit is read.
    expect(rulesOf(`a: ${'x'.repeat(256 * 1024 - 4)}\n`)).toEqual([]);
  });

  it('refuses nesting past 64 levels, in block and flow style, and accepts 64 (KIK-YAML-2)', () => {
    const block = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' leaf\n';
    expect(rulesOf(block(64))).toEqual([]);
    expect(rulesOf(block(65))).toEqual(['KIK-YAML-2']);
    expect(rulesOf(`${'['.repeat(65)}${']'.repeat(65)}`)).toEqual(['KIK-YAML-2']);
    expect(rulesOf(`${'['.repeat(64)}${']'.repeat(64)}`)).toEqual([]);
    // 256 KiB of nesting, deep enough to exhaust a recursive builder's stack: refused from the
    // iterative parser's stack in milliseconds, without building anything.
    for (const deep of [`${'['.repeat(120_000)}${']'.repeat(120_000)}`, `${'- '.repeat(120_000)}x\n`, `${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}`]) {
      const started = performance.now();
      expect(rulesOf(deep)).toEqual(['KIK-YAML-2']);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('refuses a "billion laughs" alias bomb and a recursive alias (KIK-YAML-3)', () => {
    const bomb = readFileSync(path.join(FIXTURES, 'hostile', 'alias-bomb.yaml'));
    const started = performance.now();
    const result = parse(bomb);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.issues).toEqual([expect.objectContaining({ rule: 'KIK-YAML-3', level: 'ERROR' })]);
    expect(rulesOf('a: &a [*a]\n')).toEqual(['KIK-YAML-3']);
    // A few aliases stay readable.
    expect(parse('base: &b {x: 1}\none: *b\ntwo: *b\n').value).toEqual({ base: { x: 1 }, one: { x: 1 }, two: { x: 1 } });
  });

  it('refuses duplicate keys and names the key and its line (KIK-YAML-4)', () => {
    const result = parse(readFileSync(path.join(FIXTURES, 'hostile', 'duplicate-keys.yaml')));
    expect(result.value).toBeNull();
    expect(result.issues).toEqual([expect.objectContaining({ rule: 'KIK-YAML-4', line: 9, message: ".kiket/manifest.yaml: the key 'custom_data' appears twice in one mapping" })]);
  });

  it.each([
    ['!!binary aGVsbG8=', '!!binary'],
    ['!!set {a, b}', '!!set'],
    ['!python/object:os.system ls', '!python/object:os.system'],
    ['!custom value', '!custom'],
    ['!<tag:example.com,2026:x> value', 'tag:example.com,2026:x'],
  ])('refuses the tag in `key: %s` (KIK-YAML-5)', (value, tag) => {
    const result = parse(`model_version: "1.0"\nkey: ${value}\n`);
    expect(result.issues).toEqual([expect.objectContaining({ rule: 'KIK-YAML-5', line: 2 })]);
    expect(result.issues[0].message).toContain(tag);
  });

  it('reads the core-schema tags as plain values', () => {
    expect(parse('a: !!str 1\nb: !!int "2"\n').value).toEqual({ a: '1', b: 2 });
  });

  it('refuses several documents, bad syntax and bytes that are not UTF-8 (KIK-YAML-0)', () => {
    expect(rulesOf('a: 1\n---\nb: 2\n')).toEqual(['KIK-YAML-0']);
    expect(rulesOf('a: [1, 2\n')).toEqual(['KIK-YAML-0']);
    expect(rulesOf(Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe]))).toEqual(['KIK-YAML-0']);
  });

  it('walks nesting without recursion and tells a cycle from depth', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(measureNesting(deep)).toEqual({ ok: false, reason: 'depth', depth: 65 });
    const loop: unknown[] = [];
    loop.push({ again: loop });
    expect(measureNesting(loop)).toEqual({ ok: false, reason: 'cycle' });
    const shared = { x: 1 };
    expect(measureNesting({ a: shared, b: [shared] })).toEqual({ ok: true });
  });
});

describe('the KIK rules over the repository fixtures', () => {
  const invalid = readdirSync(path.join(FIXTURES, 'invalid')).filter(f => f.endsWith('.yaml')).sort();

  it('passes the valid fixture with no finding at all', () => {
    const report = validatePackage(kiket(VALID));
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ valid: true, appId: 'com.example.standup-notes', version: '1.0.0', toolCount: 1, functionCount: 0, eventCount: 1 });
  });

  it.each(invalid)('%s: reports exactly its rule', file => {
    const text = readFileSync(path.join(FIXTURES, 'invalid', file), 'utf8');
    const [, rule, level] = /^# expect: (\S+) (ERROR|WARN|INFO)/.exec(text)!;
    const report = validatePackage(kiket(text));
    const findings = report.issues.filter(i => i.level !== 'INFO');
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding).toMatchObject({ rule, level, file: KIKET_MANIFEST_FILE });
    expect(findings.every(f => f.fix.length > 0)).toBe(true);
    expect(report.valid).toBe(level !== 'ERROR');
  });

  it('covers every KIK rule the validator can report', () => {
    const source = readFileSync(path.join(__dirname, 'kiket-rules.ts'), 'utf8');
    const rules = new Set([...source.matchAll(/'(KIK-\d+)'/g)].map(m => m[1]));
    const covered = new Set(invalid.map(f => `KIK-${/^kik-(\d+)/.exec(f)![1]}`));
    expect([...rules].sort()).toEqual([...covered].sort());
    expect(rules.size).toBe(22);
  });

  it('points a finding at its line', () => {
    const text = readFileSync(path.join(FIXTURES, 'invalid', 'kik-12-timeout.yaml'), 'utf8');
    const [finding] = validatePackage(kiket(text)).issues;
    expect(text.split('\n')[finding.line - 1]).toContain('timeout: 120000');
    expect(finding.message).toBe('extension.callback.timeout must be <= 60000');
  });

  it('holds the claim: the id with hyphens is the app id, the name the display name (CLAIM-1/2)', () => {
    expect(kiketAppIdOf('dev.kiket.ext.google-calendar')).toBe('dev-kiket-ext-google-calendar');
    const ok = validatePackage(kiket(VALID), { claimedAppId: 'com-example-standup-notes', claimedDisplayName: 'Standup Notes' });
    expect(ok.valid).toBe(true);
    const wrong = validatePackage(kiket(VALID), { claimedAppId: 'standup', claimedDisplayName: 'Standup' });
    expect(wrong.issues.map(i => i.rule)).toEqual(['CLAIM-1', 'CLAIM-2']);
    expect(wrong.issues[0].fix).toContain("Claim 'com-example-standup-notes'");
  });
});

describe('the Kiket manifest through the format-neutral readers', () => {
  const manifest = parse(VALID).value as Record<string, unknown>;
  const ext = manifest.extension as Record<string, unknown>;
  const withExtension = (changes: Record<string, unknown>) => ({ ...manifest, extension: { ...ext, ...changes } });

  it('gives its permissions as the consent scopes and its commands as tools', () => {
    expect(declaredScopes(manifest)).toEqual(['comments:write', 'issues:read']);
    expect(toolsOf(manifest).map(t => t.name)).toEqual(['standup.postSummary']);
  });

  it('needs MAJOR for a new permission or a removed command, MINOR for a new command', () => {
    const scoped = diffManifests(manifest, withExtension({ permissions: ['issues:read', 'comments:write', 'users:read'] }));
    expect(scoped.requiredBump).toBe('MAJOR');
    expect(scoped.summary.scopesAdded).toEqual(['users:read']);
    const removed = diffManifests(manifest, withExtension({ contributes: { commands: [] } }));
    expect(removed.requiredBump).toBe('MAJOR');
    expect(removed.summary.toolsRemoved).toEqual(['standup.postSummary']);
    const added = diffManifests(manifest, withExtension({ contributes: { commands: [...((ext.contributes as { commands: unknown[] }).commands), { command: 'standup.skip', title: 'Skip' }] } }));
    expect(added.requiredBump).toBe('MINOR');
    expect(diffManifests(manifest, withExtension({ description: 'Other words.' })).requiredBump).toBe('PATCH');
  });
});
