import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { packageFor, submitZip, waitForValidation, zipOf } from '../utils/packages';
import { expectCode } from '../utils/expect-code';

const QUEUE = `query($state: ReviewState, $overdue: Boolean) { reviewQueue(state: $state, overdueOnly: $overdue, first: 50) {
  totalCount edges { node { id state dueAt overdue triggers { kind } version { id status version } } } } }`;
const CLAIM = `mutation($id: ID!) { claimReview(caseId: $id) { id state assignee { id } } }`;
const DECIDE = `mutation($id: ID!, $d: ReviewDecision!, $r: String!) { decideReview(caseId: $id, decision: $d, reason: $r) { id state decision decisionReason version { status } } }`;
const POST = `mutation($id: ID!, $b: String!) { postReviewMessage(caseId: $id, body: $b) { id body } }`;
const CASE = `query($id: ID!) { reviewCase(id: $id) { id state messages { body } } }`;

describe('the review workflow', () => {
  let t: TestApp;
  let dev: TestUser;
  let reviewer: TestUser;
  let reviewer2: TestUser;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp();
    dev = await buildDeveloper(t);
    const admin = await buildAdmin(t);
    reviewer = await buildUser(t);
    reviewer2 = await buildUser(t);
    for (const r of [reviewer, reviewer2]) {
      await t.gql(`mutation($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id } }`, { id: r.id }, admin.token);
    }
  });
  afterAll(() => t.close());

  /** A fresh extension with one submitted, validated version waiting in the queue. */
  async function pendingCase(version = '1.0.0') {
    const appId = `review-app-${++counter}`;
    await t.gql(`mutation { claimExtension(input: { appId: "${appId}", displayName: "Review App", category: "productivity" }) { id } }`, {}, dev.token);
    const res = await submitZip(t, dev.token, appId, await zipOf(packageFor(appId, 'Review App', { version })));
    const validated = await waitForValidation(t, dev.token, res.data!.submitVersion.id);
    expect(validated.status).toBe('PENDING_REVIEW');
    const queue = await t.gql(QUEUE, {}, reviewer.token);
    const node = queue.data!.reviewQueue.edges.map((e: any) => e.node).find((n: any) => n.version.id === validated.id);
    return { appId, versionId: validated.id as string, caseId: node.id as string, node };
  }

  it('queues a validated version with its triggers and a 5-business-day due date for a first-time developer', async () => {
    const { node } = await pendingCase();
    expect(node).toMatchObject({ state: 'OPEN', overdue: false, version: { status: 'PENDING_REVIEW' } });
    expect(node.triggers.map((x: { kind: string }) => x.kind)).toContain('FIRST_SUBMISSION');
    const days = (new Date(node.dueAt).getTime() - Date.now()) / 86400000;
    expect(days).toBeGreaterThan(4.99);
    expect(days).toBeLessThanOrEqual(7.01);
    expectCode(await t.gql(QUEUE, {}, dev.token), 'FORBIDDEN');
  });

  it('lists overdue cases, oldest due first', async () => {
    const { caseId } = await pendingCase();
    await t.sql(`UPDATE review_cases SET due_at = now() - interval '1 day' WHERE id = $1`, [caseId]);
    const overdue = await t.gql(QUEUE, { overdue: true }, reviewer.token);
    expect(overdue.data!.reviewQueue.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([caseId]);
    expect(overdue.data!.reviewQueue.edges[0].node.overdue).toBe(true);
  });

  it('claims, discusses in a thread both sides read, and approves with a reason', async () => {
    const { caseId, versionId } = await pendingCase();
    expectCode(await t.gql(DECIDE, { id: caseId, d: 'APPROVE', r: 'fine' }, reviewer.token), 'INVALID_STATE');
    const claimed = await t.gql(CLAIM, { id: caseId }, reviewer.token);
    expect(claimed.data!.claimReview).toMatchObject({ state: 'IN_REVIEW', assignee: { id: reviewer.id } });
    expectCode(await t.gql(CLAIM, { id: caseId }, reviewer2.token), 'INVALID_STATE');
    await t.gql(POST, { id: caseId, b: 'Why does this need store:read?' }, reviewer.token);
    await t.gql(POST, { id: caseId, b: 'It caches the board per user.' }, dev.token);
    const thread = await t.gql(CASE, { id: caseId }, dev.token);
    expect(thread.data!.reviewCase.messages.map((m: { body: string }) => m.body)).toEqual(['Why does this need store:read?', 'It caches the board per user.']);
    const outsider = await buildUser(t);
    expectCode(await t.gql(POST, { id: caseId, b: 'hi' }, outsider.token), 'NOT_FOUND');
    expectCode(await t.gql(POST, { id: caseId, b: '   ' }, dev.token), 'BAD_USER_INPUT');
    expectCode(await t.gql(DECIDE, { id: caseId, d: 'APPROVE', r: 'ok' }, reviewer2.token), 'FORBIDDEN');
    expectCode(await t.gql(DECIDE, { id: caseId, d: 'APPROVE', r: ' ' }, reviewer.token), 'BAD_USER_INPUT');
    const approved = await t.gql(DECIDE, { id: caseId, d: 'APPROVE', r: 'Scopes justified.' }, reviewer.token);
    expect(approved.data!.decideReview).toMatchObject({ state: 'APPROVED', decision: 'APPROVE', decisionReason: 'Scopes justified.', version: { status: 'APPROVED' } });
    expectCode(await t.gql(DECIDE, { id: caseId, d: 'REJECT', r: 'changed my mind' }, reviewer.token), 'INVALID_STATE');
    const approvals = await t.sql(`SELECT kind, value FROM extension_approvals WHERE version_id = $1 ORDER BY value`, [versionId]);
    expect(approvals.map(a => a.value)).toEqual(expect.arrayContaining(['store:read']));
  });

  it('lets exactly one of two simultaneous decisions win', async () => {
    const { caseId } = await pendingCase();
    await t.gql(CLAIM, { id: caseId }, reviewer.token);
    const results = await Promise.all([
      t.gql(DECIDE, { id: caseId, d: 'APPROVE', r: 'good' }, reviewer.token),
      t.gql(DECIDE, { id: caseId, d: 'REJECT', r: 'bad' }, reviewer.token),
    ]);
    expect(results.filter(r => !r.errors)).toHaveLength(1);
    expect(results.filter(r => r.errors?.[0].extensions.code === 'INVALID_STATE')).toHaveLength(1);
  });

  it('forbids reviewing your own extension', async () => {
    const { caseId } = await pendingCase();
    const admin = await buildAdmin(t);
    await t.gql(`mutation($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id } }`, { id: dev.id }, admin.token);
    expectCode(await t.gql(CLAIM, { id: caseId }, dev.token), 'FORBIDDEN');
    await t.sql(`UPDATE users SET roles = array_remove(roles, 'REVIEWER') WHERE id = $1`, [dev.id]);
  });

  it('requests changes, then the developer withdraws and resubmits into a new case', async () => {
    const { caseId, versionId, appId } = await pendingCase('1.0.0');
    await t.gql(CLAIM, { id: caseId }, reviewer.token);
    const changes = await t.gql(DECIDE, { id: caseId, d: 'REQUEST_CHANGES', r: 'Describe the scopes.' }, reviewer.token);
    expect(changes.data!.decideReview.version.status).toBe('CHANGES_REQUESTED');
    const withdrawn = await t.gql(`mutation($id: ID!) { withdrawVersion(id: $id) { id status } }`, { id: versionId }, dev.token);
    expect(withdrawn.data!.withdrawVersion.status).toBe('WITHDRAWN');
    expect((await t.sql(`SELECT state FROM review_cases WHERE id = $1`, [caseId]))[0].state).toBe('WITHDRAWN');
    expectCode(await t.gql(DECIDE, { id: caseId, d: 'APPROVE', r: 'late' }, reviewer.token), 'INVALID_STATE');
    expectCode(await t.gql(`mutation($id: ID!) { withdrawVersion(id: $id) { id } }`, { id: versionId }, dev.token), 'INVALID_STATE');
    const again = await submitZip(t, dev.token, appId, await zipOf(packageFor(appId, 'Review App')));
    const second = await waitForValidation(t, dev.token, again.data!.submitVersion.id);
    expect(second.status).toBe('PENDING_REVIEW');
    const cases = await t.sql(`SELECT c.id, c.state FROM review_cases c JOIN extension_versions v ON v.id = c.version_id JOIN extensions e ON e.id = v.extension_id WHERE e.app_id = $1 ORDER BY c.created_at`, [appId]);
    expect(cases.map(c => c.state)).toEqual(['WITHDRAWN', 'OPEN']);
  });

  it('invites staging testers to a validated version: owner only, once per email', async () => {
    const { versionId } = await pendingCase();
    const INVITE = `mutation($v: ID!, $e: String!) { inviteStagingTester(versionId: $v, email: $e) { id email versionId } }`;
    const tester = await buildUser(t);
    const invited = await t.gql(INVITE, { v: versionId, e: tester.email.toUpperCase() }, dev.token);
    expect(invited.data!.inviteStagingTester).toMatchObject({ email: tester.email, versionId });
    expectCode(await t.gql(INVITE, { v: versionId, e: tester.email }, dev.token), 'CONFLICT');
    expectCode(await t.gql(INVITE, { v: versionId, e: 'not-an-email' }, dev.token), 'BAD_USER_INPUT');
    const other = await buildDeveloper(t);
    expectCode(await t.gql(INVITE, { v: versionId, e: 'x@example.test' }, other.token), 'NOT_FOUND');
    expect(await t.sql(`SELECT 1 FROM platform_events WHERE type = 'staging.invitation_received' AND audience_user_id = $1 AND app_id IS NULL`, [tester.id])).toHaveLength(1);
    // The developer cannot tell a registered email from an unknown one by what they read.
    await t.gql(INVITE, { v: versionId, e: `nobody-${Date.now()}@example.test` }, dev.token);
    const seen = await t.gql(`{ events(first: 100, types: ["staging.tester_invited", "staging.invitation_received"]) { edges { node { type subjectId } } } }`, {}, dev.token);
    const forVersion = (seen.data!.events.edges as { node: { type: string; subjectId: string } }[]).map(e => e.node).filter(n => n.subjectId === versionId);
    expect(forVersion.map(n => n.type)).toEqual(['staging.tester_invited', 'staging.tester_invited']);
    await t.gql(`mutation($id: ID!) { withdrawVersion(id: $id) { id } }`, { id: versionId }, dev.token);
    expectCode(await t.gql(INVITE, { v: versionId, e: 'late@example.test' }, dev.token), 'INVALID_STATE');
    expect((await t.sql(`SELECT email FROM staging_invites WHERE version_id = $1 ORDER BY created_at`, [versionId]))[0]).toEqual({ email: tester.email });
  });

  it("hides another developer's version from withdrawal", async () => {
    const { versionId } = await pendingCase();
    const other = await buildDeveloper(t);
    expectCode(await t.gql(`mutation($id: ID!) { withdrawVersion(id: $id) { id } }`, { id: versionId }, other.token), 'NOT_FOUND');
  });
});
