import type { TestApp } from './test-app';
import { buildAdmin, buildUser, TestUser } from './factories';
import { packageFor, submitZip, waitForValidation, zipOf } from './packages';

/** A user holding REVIEWER, granted by a fresh admin through the API. */
export async function buildReviewer(t: TestApp): Promise<TestUser> {
  const admin = await buildAdmin(t);
  const reviewer = await buildUser(t);
  await must(t, `mutation($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id } }`, { id: reviewer.id }, admin.token);
  return reviewer;
}

async function must(t: TestApp, query: string, variables: Record<string, unknown>, token: string) {
  const res = await t.gql(query, variables, token);
  if (res.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(res.errors)}`);
  return res.data!;
}

/**
 * An extension published through the real loop: claim, submit the fixture package, validation,
 * a reviewer's claim (with an optional message) and approval, a complete listing, publish.
 */
export async function publishedExtension(
  t: TestApp,
  dev: TestUser,
  reviewer: TestUser,
  options: { appId: string; displayName: string; reviewMessage?: string },
): Promise<{ versionId: string; caseId: string; extensionId: string }> {
  const { appId, displayName } = options;
  await must(t, `mutation($i: ClaimExtensionInput!) { claimExtension(input: $i) { id } }`, { i: { appId, displayName, category: 'productivity' } }, dev.token);
  const submitted = await submitZip(t, dev.token, appId, await zipOf(packageFor(appId, displayName)));
  if (submitted.errors) throw new Error(JSON.stringify(submitted.errors));
  const version = await waitForValidation(t, dev.token, submitted.data!.submitVersion.id);
  const queue = await must(t, `{ reviewQueue(first: 100) { edges { node { id version { id } } } } }`, {}, reviewer.token);
  const caseId: string = queue.reviewQueue.edges.find((e: any) => e.node.version.id === version.id).node.id;
  await must(t, `mutation($id: ID!) { claimReview(caseId: $id) { id } }`, { id: caseId }, reviewer.token);
  if (options.reviewMessage) await must(t, `mutation($id: ID!, $b: String!) { postReviewMessage(caseId: $id, body: $b) { id } }`, { id: caseId, b: options.reviewMessage }, reviewer.token);
  await must(t, `mutation($id: ID!) { decideReview(caseId: $id, decision: APPROVE, reason: "looks fine") { id } }`, { id: caseId }, reviewer.token);
  await must(
    t,
    `mutation($a: String!, $title: String!) { updateListing(appId: $a, input: { title: $title, shortDescription: "Plan and track tasks from chat with reminders.",
      fullDescription: "A board the assistant can read and update, with due dates, reminders and a weekly summary.", categories: ["productivity"],
      supportContact: "support@example.test", privacyPolicyUrl: "https://example.test/privacy" }) { title } }`,
    { a: appId, title: displayName },
    dev.token,
  );
  await must(t, `mutation($id: ID!) { publishVersion(id: $id) { status } }`, { id: version.id }, dev.token);
  const [{ id: extensionId }] = await t.sql(`SELECT id FROM extensions WHERE app_id = $1`, [appId]);
  return { versionId: version.id, caseId, extensionId };
}
