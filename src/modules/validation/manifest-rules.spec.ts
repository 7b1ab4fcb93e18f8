import { checkManifestRules, declaredScopes } from './manifest-rules';
import { PLATFORM_SCOPE_SET } from './platform-scopes';
import { validManifest } from '../../../test/fixtures/packages';

type Tool = Record<string, unknown>;
const withTool = (patch: Tool, index = 1) => {
  const manifest = validManifest();
  const tools = manifest.tools as Tool[];
  tools[index] = { ...tools[index], ...patch };
  return manifest;
};
const found = (manifest: Record<string, unknown>, options = {}) =>
  checkManifestRules(manifest, { platformScopes: PLATFORM_SCOPE_SET, ...options }).map(i => `${i.rule}/${i.level}`);

describe('runtime rules decided from the manifest', () => {
  it('the valid fixture raises nothing', () => {
    expect(found(validManifest())).toEqual([]);
  });

  it.each([
    ['V1', 'ERROR', validManifest({ app_id: 'Task_Board' })],
    ['V1', 'ERROR', validManifest({ app_id: 'x' })],
    ['V2', 'ERROR', validManifest({ version: 'v1' })],
    ['V3', 'ERROR', validManifest({ tools: [] })],
    ['V4', 'ERROR', withTool({ action_type: 'delete' })],
    ['V10', 'WARN', withTool({ event: '' })],
    ['V20', 'WARN', withTool({ effects: [] })],
    ['V16', 'ERROR', withTool({ description: 'Adds a task' })],
    ['V16', 'ERROR', withTool({ description: 'TODO' })],
    ['V17', 'ERROR', withTool({ params_schema: {} })],
    ['V19', 'ERROR', withTool({ chain_callable: false })],
    ['V19', 'ERROR', validManifest({ actions_explicit: false })],
    ['V23', 'ERROR', withTool({ return_schema: {} }, 0)],
    ['V24', 'WARN', withTool({ return_schema: null })],
    ['V9', 'WARN', validManifest({ lifecycle: { on_install: true } })],
    ['V12', 'INFO', validManifest({ lifecycle: { health_check: { interval_sec: 60 } } })],
    ['V13', 'WARN', withTool({ name: 'refresh_tasks' })],
    ['V13', 'INFO', withTool({ name: 'alert_overdue' })],
    ['V14', 'ERROR', validManifest({ description: 'Too short to say anything.' })],
    ['V14', 'ERROR', validManifest({ description: 'task-board' })],
    ['V15', 'ERROR', validManifest({ name: 'TB' })],
    ['V15', 'ERROR', validManifest({ name: 'task-board' })],
    ['V33', 'WARN', withTool({ name: 'a_very_long_tool_name_that_goes_on_and_on_and_on_forever' })],
    ['V34', 'WARN', validManifest({ capabilities: [], required_scopes: [], tools: (validManifest().tools as Tool[]).map(t => ({ ...t, scopes: [] })) })],
    ['V35', 'ERROR', validManifest({ file_sinks: [{ tool: 'import_file', accepts: ['text/*'], arg: 'file' }] })],
    ['SCOPE-1', 'ERROR', validManifest({ capabilities: ['store:delete'] })],
    ['SCOPE-1', 'WARN', validManifest({ capabilities: ['*'] })],
    ['SCOPE-1', 'WARN', validManifest({ capabilities: ['other-app:read'] })],
  ])('%s (%s) fires', (rule, level, manifest) => {
    expect(found(manifest)).toContain(`${rule}/${level}`);
  });

  it('V34 is an ERROR for a system app', () => {
    const manifest = validManifest({ system: true, capabilities: [], required_scopes: [], tools: (validManifest().tools as Tool[]).map(t => ({ ...t, scopes: [] })) });
    expect(found(manifest, { author: { authorId: 'au_root' }, firstPartyAllowlist: ['au_root'] })).toContain('V34/ERROR');
  });

  it('V31: system=true only for authors on the first-party allowlist (author id or email)', () => {
    const system = validManifest({ system: true });
    expect(found(system, { author: { authorId: 'au_third', email: 'dev@x.test' }, firstPartyAllowlist: ['au_root'] })).toContain('V31/ERROR');
    expect(found(system, { author: { authorId: 'au_root' }, firstPartyAllowlist: ['au_root'] })).not.toContain('V31/ERROR');
    expect(found(system, { author: { authorId: 'au_x', email: 'Ops@Plaza.test' }, firstPartyAllowlist: ['ops@plaza.test'] })).not.toContain('V31/ERROR');
    expect(found(validManifest(), { author: { authorId: 'au_third' }, firstPartyAllowlist: [] })).not.toContain('V31/ERROR');
  });

  it('accepts legacy dotted platform scopes and the extension’s own namespace', () => {
    expect(found(validManifest({ capabilities: ['store.read', 'task-board:admin', 'Human readable feature'] }))).toEqual([]);
  });

  it('lists the scopes an installer must grant (scope-shaped capabilities, required and tool scopes)', () => {
    expect(declaredScopes(validManifest({ capabilities: ['task-board:read', 'Kanban Board'] }))).toEqual(['task-board:read', 'task-board:write']);
  });
});
