import { bumpCovers, compareParams, declaredBump, diffManifests, egressDomains } from './manifest-diff';
import { validManifest } from '../../../test/fixtures/packages';

type Tool = Record<string, any>;
const base = () => validManifest();
const tools = (m: Record<string, unknown>) => m.tools as Tool[];

describe('manifest diff and required bump', () => {
  it('is PATCH when nothing a caller sees changed', () => {
    const next = base();
    tools(next)[0].description = 'List the tasks on the board, filtered by status when asked.';
    const { requiredBump, summary } = diffManifests(base(), next);
    expect(requiredBump).toBe('PATCH');
    expect(summary.toolsChanged).toEqual(['list_tasks']);
  });

  it('is MINOR for a new tool or a new optional field', () => {
    const added = base();
    tools(added).push({ ...tools(added)[0], name: 'archive_task' });
    expect(diffManifests(base(), added)).toMatchObject({ requiredBump: 'MINOR', summary: { toolsAdded: ['archive_task'] } });
    const optional = base();
    tools(optional)[0].params_schema.properties.label = { type: 'string' };
    expect(diffManifests(base(), optional).requiredBump).toBe('MINOR');
  });

  it('is MAJOR for a removed or renamed tool and for a new capability scope', () => {
    const removed = base();
    tools(removed)[1].name = 'add_task';
    const r = diffManifests(base(), removed);
    expect(r.requiredBump).toBe('MAJOR');
    expect(r.summary.breakingChanges).toContain("tool 'create_task' removed (or renamed)");
    const scoped = base();
    (scoped.capabilities as string[]).push('store:write');
    expect(diffManifests(base(), scoped)).toMatchObject({ requiredBump: 'MAJOR', summary: { scopesAdded: ['store:write'] } });
  });

  it.each([
    ['a new required property', (s: Tool) => ((s.properties.due = { type: 'string' }), s.required.push('due'))],
    ['a narrowed type', (s: Tool) => (s.properties.title = { type: 'integer' })],
    ['a narrowed enum', (s: Tool) => (s.properties.title = { type: 'string', enum: ['a'] })],
    ['tighter bounds', (s: Tool) => (s.properties.title = { type: 'string', maxLength: 5 })],
    ['a removed property under a closed schema', (s: Tool) => ((s.additionalProperties = false), delete s.properties.title, (s.required = []))],
  ])('is MAJOR when the params schema rejects old input: %s', (_label, mutate) => {
    const next = base();
    mutate(tools(next)[1].params_schema);
    const { requiredBump, summary } = diffManifests(base(), next);
    expect(requiredBump).toBe('MAJOR');
    expect(summary.schemaChanges.some(c => c.breaking)).toBe(true);
  });

  it('flags an optional property becoming required', () => {
    const changes = compareParams('t', { properties: { n: { type: 'string' } } }, { properties: { n: { type: 'string' } }, required: ['n'] });
    expect(changes).toEqual([{ tool: 't', change: "property 'n' became required", breaking: true }]);
  });

  it('does not treat widening as breaking', () => {
    const changes = compareParams('t', { properties: { n: { type: 'integer', maximum: 5, enum: [1, 2] } } }, { properties: { n: { type: ['integer', 'null'], maximum: 10, enum: [1, 2, 3] } } });
    expect(changes.filter(c => c.breaking)).toEqual([]);
    expect(compareParams('t', { properties: { n: { type: 'string' } } }, { properties: {} })).toEqual([{ tool: 't', change: "property 'n' removed", breaking: false }]);
  });

  it('lists egress domains added (marketplace.egress)', () => {
    const next = base();
    next.marketplace = { egress: ['API.Slack.com', 'hooks.zapier.com'] };
    expect(egressDomains(next)).toEqual(['api.slack.com', 'hooks.zapier.com']);
    expect(diffManifests(base(), next).summary.egressDomainsAdded).toEqual(['api.slack.com', 'hooks.zapier.com']);
  });

  it('computes the declared bump and whether it covers the required one', () => {
    expect(declaredBump('1.2.3', '1.2.4')).toBe('PATCH');
    expect(declaredBump('1.2.3', '1.3.0')).toBe('MINOR');
    expect(declaredBump('1.2.3', '2.0.0')).toBe('MAJOR');
    expect(declaredBump('1.2.3', '1.2.3')).toBeNull();
    expect(declaredBump('1.2.3', '1.2.2')).toBeNull();
    expect(bumpCovers('MINOR', 'PATCH')).toBe(true);
    expect(bumpCovers('MINOR', 'MAJOR')).toBe(false);
  });
});
