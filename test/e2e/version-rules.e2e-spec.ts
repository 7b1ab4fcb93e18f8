import { startTestApp, TestApp } from '../utils/test-app';
import { buildDeveloper, TestUser } from '../utils/factories';
import { packageFor, submitZip, waitForValidation, zipOf } from '../utils/packages';
import { validManifest } from '../fixtures/packages';
import { approveReview, buildReviewer, publishApproved } from '../utils/scenarios';
import { expectCode } from '../utils/expect-code';

type Tool = Record<string, any>;
const DETAILS = `query($id: ID!) { extensionVersion(id: $id) { status declaredBump requiredBump
  changeSummary { toolsAdded toolsRemoved scopesAdded egressDomainsAdded schemaChanges breakingChanges }
  reviewTriggers { kind value reason } validationReport { issues { rule level message } } } }`;

describe('version rules: monotonic semver, required bump, review triggers', () => {
  let t: TestApp;
  let dev: TestUser;
  let reviewer: TestUser;
  const appId = 'rules-app';

  beforeAll(async () => {
    t = await startTestApp();
    dev = await buildDeveloper(t);
    reviewer = await buildReviewer(t);
    await t.gql(`mutation { claimExtension(input: { appId: "${appId}", displayName: "Rules App", category: "productivity" }) { id } }`, {}, dev.token);
  });
  afterAll(() => t.close());

  async function submit(overrides: Record<string, unknown> = {}, editTools?: (tools: Tool[]) => void) {
    const files = packageFor(appId, 'Rules App', overrides);
    if (editTools) {
      const manifest = JSON.parse(files.get('imperal.json')!.toString());
      editTools(manifest.tools);
      files.set('imperal.json', Buffer.from(JSON.stringify(manifest)));
      files.delete('main.py'); // manifest-only package: drift rules need sources to compare
    }
    const res = await submitZip(t, dev.token, appId, await zipOf(files));
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    await waitForValidation(t, dev.token, res.data!.submitVersion.id);
    const details = await t.gql(DETAILS, { id: res.data!.submitVersion.id }, dev.token);
    return { id: res.data!.submitVersion.id, ...details.data!.extensionVersion };
  }

  /** The real review and publish: a reviewer approves the case, the developer lists and publishes. */
  async function approveAndPublish(versionId: string) {
    await approveReview(t, reviewer, versionId);
    await publishApproved(t, { dev, appId, displayName: 'Rules App', versionId });
  }

  it('sends a first submission to review, listing why', async () => {
    const first = await submit();
    expect(first.status).toBe('PENDING_REVIEW');
    expect(first.declaredBump).toBeNull();
    const kinds = first.reviewTriggers.map((r: { kind: string }) => r.kind);
    expect(kinds).toContain('FIRST_SUBMISSION');
    expect(kinds).toContain('NEW_SCOPE');
    await approveAndPublish(first.id);
  });

  it('approves a patch that repeats approved scopes automatically', async () => {
    const patch = await submit({ version: '1.0.1' });
    expect(patch).toMatchObject({ status: 'APPROVED', declaredBump: 'PATCH', requiredBump: 'PATCH', reviewTriggers: [] });
  });

  it('refuses a version not greater than the published one (SEMVER-0); the published number itself is CONFLICT', async () => {
    const lower = await submit({ version: '0.9.0' });
    expect(lower.status).toBe('VALIDATION_FAILED');
    expect(lower.validationReport.issues[0]).toMatchObject({ rule: 'SEMVER-0', level: 'ERROR' });
    const same = await submitZip(t, dev.token, appId, await zipOf(packageFor(appId, 'Rules App')));
    expectCode(same, 'CONFLICT');
  });

  it('refuses a bump smaller than the changes need, listing each breaking change (SEMVER-1)', async () => {
    const minor = await submit({ version: '1.1.0' }, tools => tools.splice(1, 1));
    expect(minor).toMatchObject({ status: 'VALIDATION_FAILED', declaredBump: 'MINOR', requiredBump: 'MAJOR' });
    expect(minor.changeSummary.toolsRemoved).toEqual(['create_task']);
    const semver1 = minor.validationReport.issues.find((i: { rule: string }) => i.rule === 'SEMVER-1');
    expect(semver1.message).toContain("tool 'create_task' removed");
    const narrowed = await submit({ version: '1.2.0' }, tools => {
      tools[1].params_schema.properties.title = { type: 'string', maxLength: 3 };
    });
    expect(narrowed.requiredBump).toBe('MAJOR');
    expect(narrowed.changeSummary.schemaChanges).toEqual(["create_task: property 'title': maxLength tightened to 3 (breaking)"]);
  });

  it('sends a MAJOR with a new scope to review (MAJOR_BUMP, NEW_SCOPE)', async () => {
    const major = await submit({ version: '2.0.0', capabilities: ['task-board:read', 'task-board:write', 'store:read', 'store:write'] });
    expect(major.status).toBe('PENDING_REVIEW');
    expect(major.reviewTriggers.map((r: { kind: string; value: string }) => `${r.kind}:${r.value}`).sort()).toEqual(['MAJOR_BUMP:2.0.0', 'NEW_SCOPE:store:write']);
    expect(major.changeSummary.scopesAdded).toEqual(['store:write']);
  });

  it('sends new destructive tools and egress domains to review', async () => {
    const next = await submit(
      { version: '1.3.0', marketplace: { egress: ['api.example.com'] } },
      tools => tools.push({ ...tools[1], name: 'delete_task', action_type: 'destructive', description: 'Permanently delete a task from the board.' }),
    );
    expect(next.status).toBe('PENDING_REVIEW');
    expect(next.reviewTriggers.map((r: { kind: string }) => r.kind).sort()).toEqual(['DESTRUCTIVE_TOOL', 'EGRESS_DOMAIN']);
    expect(next.changeSummary).toMatchObject({ toolsAdded: ['delete_task'], egressDomainsAdded: ['api.example.com'] });
    expect(validManifest).toBeDefined();
  });
});
