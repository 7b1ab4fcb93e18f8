import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validatePackage } from '../validate-package';
import { KIKET_MANIFEST_FILE } from '../kiket/format';
import { checkHosting, declaredEgress, hostingOf } from './hosting-rules';

const VALID = readFileSync(path.resolve(__dirname, '../../../../test/fixtures/kiket/valid.yaml'), 'utf8');
const HOSTED = (block: string, callback = '${EXTENSION_BASE_URL}/webhook') =>
  VALID.replace('    url: ${EXTENSION_BASE_URL}', `    url: ${callback}`).replace('  hosting: internal', block);
const files = (yaml: string, dockerfile = true) =>
  new Map([[KIKET_MANIFEST_FILE, Buffer.from(yaml)], ...(dockerfile ? [['Dockerfile', Buffer.from('FROM node:20\n')] as [string, Buffer]] : [])]);
const hostIssues = (yaml: string, dockerfile = true) =>
  validatePackage(files(yaml, dockerfile)).issues.filter(i => /^(HOST|EGRESS)-/.test(i.rule));

const MANAGED = `  hosting:
    tier: standard
    egress:
      - api.slack.com
      - "*.googleapis.com"
    managed: true`;

describe('the Kiket hosting block (HOST-*)', () => {
  it('accepts the string form of every first-party manifest and declares nothing', () => {
    expect(hostIssues(VALID)).toEqual([]);
  });

  it('accepts a managed block with a Dockerfile, the default health path and the callback path', () => {
    const yaml = HOSTED(MANAGED);
    expect(hostIssues(yaml)).toEqual([]);
    expect(validatePackage(files(yaml)).valid).toBe(true);
  });

  it('reads the declaration: tier, managed, normalised egress, /health, the callback path', () => {
    const { parse } = require('yaml') as typeof import('yaml');
    const manifest = parse(HOSTED(MANAGED));
    expect(hostingOf(manifest)).toEqual({ format: 'KIKET', tier: 'standard', managed: true, egress: ['*.googleapis.com', 'api.slack.com'], healthPath: '/health', webhookPath: '/webhook' });
    expect(declaredEgress(manifest)).toEqual(['*.googleapis.com', 'api.slack.com']);
  });

  it('HOST-3: managed without a Dockerfile at the root is an ERROR (a nested one does not count)', () => {
    const yaml = HOSTED(MANAGED);
    const nested = new Map([[KIKET_MANIFEST_FILE, Buffer.from(yaml)], ['docker/Dockerfile', Buffer.from('FROM x')]]);
    expect(validatePackage(nested).issues.filter(i => i.rule === 'HOST-3')).toHaveLength(1);
    expect(hostIssues(yaml, false).map(i => [i.rule, i.level])).toEqual([['HOST-3', 'ERROR']]);
  });

  it('HOST-5: managed without a webhook path is an ERROR; hosting.webhook_path names one', () => {
    const bare = HOSTED(MANAGED, '${EXTENSION_BASE_URL}');
    const found = hostIssues(bare);
    expect(found.map(i => [i.rule, i.level])).toEqual([['HOST-5', 'ERROR']]);
    expect(found[0].line).toBeGreaterThan(0);
    expect(hostIssues(HOSTED(`${MANAGED}\n    webhook_path: /events`, '${EXTENSION_BASE_URL}'))).toEqual([]);
  });

  it('HOST-4: a health path must be an absolute plain path', () => {
    for (const bad of ['health', '/health?x=1', '/a/../b', '//evil.example/health']) {
      expect(hostIssues(HOSTED(`${MANAGED}\n    health_path: "${bad}"`)).map(i => i.rule)).toEqual(['HOST-4']);
    }
    expect(hostIssues(HOSTED(`${MANAGED}\n    health_path: /healthz`))).toEqual([]);
  });

  it('HOST-2: an unknown tier is an ERROR naming the offered tiers; a missing tier on a managed block is noted', () => {
    const unknown = hostIssues(HOSTED(MANAGED.replace('tier: standard', 'tier: gigantic')));
    expect(unknown.map(i => [i.rule, i.level])).toEqual([['HOST-2', 'ERROR']]);
    expect(unknown[0].message).toContain('minimal, standard, compute, memory');
    const missing = hostIssues(HOSTED(MANAGED.replace('    tier: standard\n', '')));
    expect(missing.map(i => [i.rule, i.level])).toEqual([['HOST-2', 'INFO']]);
  });

  it('HOST-2 reads the tiers the server passes (the table), not a constant', () => {
    const yaml = HOSTED(MANAGED.replace('tier: standard', 'tier: gpu'));
    expect(validatePackage(files(yaml), { hostingTiers: ['minimal', 'gpu'] }).issues.filter(i => i.rule.startsWith('HOST'))).toEqual([]);
    expect(validatePackage(files(HOSTED(MANAGED)), { hostingTiers: ['minimal', 'gpu'] }).issues.map(i => i.rule)).toContain('HOST-2');
  });

  it('HOST-6: managed without an egress list is an ERROR; `egress: []` is fine', () => {
    const noEgress = `  hosting:\n    tier: minimal\n    managed: true`;
    expect(hostIssues(HOSTED(noEgress)).map(i => i.rule)).toEqual(['HOST-6']);
    expect(hostIssues(HOSTED(`${noEgress}\n    egress: []`))).toEqual([]);
  });

  it('HOST-1: wrong types are ERRORs, unknown keys WARN', () => {
    const found = hostIssues(HOSTED(`  hosting:\n    tier: 3\n    managed: "yes"\n    egress: api.slack.com\n    region: eu`));
    expect(found.map(i => [i.rule, i.level]).sort()).toEqual([
      ['HOST-1', 'ERROR'],
      ['HOST-1', 'ERROR'],
      ['HOST-1', 'ERROR'],
      ['HOST-1', 'WARN'],
    ]);
  });

  it('EGRESS rules run on hosting.egress with the line of the entry', () => {
    const found = hostIssues(HOSTED(MANAGED.replace('      - api.slack.com', '      - https://api.slack.com\n      - "*.com"\n      - "*.googleapis.com"')));
    expect(found.map(i => [i.rule, i.level])).toEqual([
      ['EGRESS-2', 'ERROR'],
      ['EGRESS-4', 'ERROR'],
      ['EGRESS-7', 'WARN'],
    ]);
    expect(new Set(found.map(i => i.line)).size).toBe(3);
    expect(validatePackage(files(HOSTED(MANAGED.replace('api.slack.com', 'https://api.slack.com')))).valid).toBe(false);
  });

  it('externally hosted (managed: false) needs no Dockerfile nor webhook path', () => {
    expect(hostIssues(HOSTED(`  hosting:\n    egress: [api.slack.com]\n    managed: false`, '${EXTENSION_BASE_URL}'), false)).toEqual([]);
  });
});

describe('Imperal: marketplace.egress (kept) and marketplace.hosting', () => {
  const dockerfile = new Map([['Dockerfile', Buffer.from('FROM python:3.12')]]);
  it('checks marketplace.egress with the EGRESS rules', () => {
    const manifest = { app_id: 'x', marketplace: { egress: ['api.slack.com', '127.0.0.1', 'API.slack.com'] } };
    expect(checkHosting(manifest, new Map()).map(i => i.rule)).toEqual(['EGRESS-3', 'EGRESS-7']);
    expect(declaredEgress(manifest)).toEqual(['api.slack.com']);
  });

  it('a managed Imperal extension names its webhook path (webhooks[].path or hosting.webhook_path) and needs a Dockerfile', () => {
    const base = { app_id: 'x', marketplace: { egress: [], hosting: { tier: 'minimal', managed: true } } };
    expect(checkHosting(base, dockerfile).map(i => i.rule)).toEqual(['HOST-5']);
    expect(checkHosting({ ...base, webhooks: [{ path: '/incoming', method: 'POST' }] }, dockerfile)).toEqual([]);
    expect(checkHosting({ ...base, webhooks: [{ path: '/incoming' }] }, new Map()).map(i => i.rule)).toEqual(['HOST-3']);
    expect(hostingOf({ ...base, webhooks: [{ path: '/incoming' }] })).toMatchObject({ format: 'IMPERAL', tier: 'minimal', managed: true, webhookPath: '/incoming', healthPath: '/health' });
  });

  it('a non-object marketplace.hosting is HOST-1', () => {
    expect(checkHosting({ app_id: 'x', marketplace: { hosting: 'internal' } }, new Map()).map(i => i.rule)).toEqual(['HOST-1']);
  });
});
