import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql } from '../generated';
import type { InstallInput, ListingInput } from '../generated/graphql';
import type { TestApp } from './test-app';
import { buildAdmin, buildDeveloper, buildUser, TestUser } from './factories';
import { packageFor, submitZip, waitForValidation, zipOf } from './packages';

// Scenario factories: each reaches its state through the real API (claim, upload and submit, the
// validation job, review, listing, publish, install), never by writing rows in SQL, so a test that
// starts from "a published extension" runs the same rules a developer's extension does.

const GRANT_ROLE = graphql(`mutation ScenarioGrantReviewer($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id } }`);
const CLAIM = graphql(`mutation ScenarioClaim($i: ClaimExtensionInput!) { claimExtension(input: $i) { id } }`);
const QUEUE = graphql(`query ScenarioReviewQueue { reviewQueue(first: 100) { edges { node { id version { id } } } } }`);
const CLAIM_REVIEW = graphql(`mutation ScenarioClaimReview($id: ID!) { claimReview(caseId: $id) { id } }`);
const MESSAGE = graphql(`mutation ScenarioReviewMessage($id: ID!, $b: String!) { postReviewMessage(caseId: $id, body: $b) { id } }`);
const APPROVE = graphql(`mutation ScenarioApprove($id: ID!, $r: String!) { decideReview(caseId: $id, decision: APPROVE, reason: $r) { id version { status } } }`);
const LISTING = graphql(`mutation ScenarioListing($a: String!, $i: ListingInput!) { updateListing(appId: $a, input: $i) { title } }`);
const PUBLISH = graphql(`mutation ScenarioPublish($id: ID!) { publishVersion(id: $id) { id status } }`);
const LISTING_OF = graphql(`query ScenarioListingOf($a: String!) { extension(appId: $a) { listing { title } } }`);
const EXTENSION = graphql(`query ScenarioExtension($a: String!) { extension(appId: $a) { id } }`);
const INSTALL = graphql(`mutation ScenarioInstall($i: InstallInput!) {
  install(input: $i) { id status source placement grantedScopes organizationId version { id version } extension { appId } } }`);

/** Runs an operation that must succeed; throws with the operation's name and the errors otherwise. */
export async function must<T, V>(t: TestApp, document: TypedDocumentNode<T, V>, variables: V, token?: string): Promise<T> {
  const res = await t.gql(document, variables, token);
  if (res.errors || !res.data) {
    const name = (document.definitions[0] as { name?: { value: string } }).name?.value ?? 'operation';
    throw new Error(`${name} failed: ${JSON.stringify(res.errors)}`);
  }
  return res.data;
}

/** A user holding REVIEWER, granted by a fresh admin through the API. */
export async function buildReviewer(t: TestApp): Promise<TestUser> {
  const admin = await buildAdmin(t);
  const reviewer = await buildUser(t);
  await must(t, GRANT_ROLE, { id: reviewer.id }, admin.token);
  return reviewer;
}

/**
 * The account a first-party (system) app is submitted by. V31 lets `system: true` through only for
 * an author on the first-party allowlist, so a test that publishes system apps starts its app with
 * `startTestApp(FIRST_PARTY)` and passes `system: true`.
 */
export const FIRST_PARTY_EMAIL = 'first-party@plaza.test';
export const FIRST_PARTY = { firstPartyAuthorIds: [FIRST_PARTY_EMAIL] };
const firstParty = new WeakMap<TestApp, Promise<TestUser>>();
export function firstPartyDeveloper(t: TestApp): Promise<TestUser> {
  if (!firstParty.has(t)) firstParty.set(t, buildDeveloper(t, { email: FIRST_PARTY_EMAIL, displayName: 'Plaza Platform' }));
  return firstParty.get(t)!;
}

let counter = 0;
export interface ExtensionOptions {
  /** The developer who claims and submits; a fresh developer (or the first-party account for `system`) if absent. */
  dev?: TestUser;
  /** Who reviews the first version; a fresh reviewer if absent. */
  reviewer?: TestUser;
  appId?: string;
  displayName?: string;
  /** The manifest's capabilities (the scopes an install must grant); the fixture's if absent. */
  scopes?: string[];
  /** Declare a system app (first-party only, V31): the app must be started with FIRST_PARTY. */
  system?: boolean;
  /** Any other manifest keys (version, lifecycle, ...). */
  manifest?: Record<string, unknown>;
  /** A message the reviewer posts on the case before approving. */
  reviewMessage?: string;
  /** Listing fields over a complete default listing. */
  listing?: Partial<ListingInput>;
  /** How long to wait for the validation job (a loaded or restarting cluster needs longer). */
  validationTimeoutMs?: number;
}

export interface SubmittedVersion {
  dev: TestUser;
  appId: string;
  displayName: string;
  extensionId: string;
  versionId: string;
  /** The status the validation job left (PENDING_REVIEW, APPROVED, VALIDATION_FAILED, ...). */
  status: string;
}

/** Claim (unless the app id is already the developer's), submit the fixture package, wait for validation. */
export async function submittedVersion(t: TestApp, options: ExtensionOptions = {}): Promise<SubmittedVersion> {
  const appId = options.appId ?? `scenario-app-${Date.now().toString(36)}-${++counter}`;
  const displayName = options.displayName ?? 'Task Board';
  const dev = options.dev ?? (options.system ? await firstPartyDeveloper(t) : await buildDeveloper(t));
  const existing = await t.gql(EXTENSION, { a: appId }, dev.token);
  const extensionId = existing.data?.extension?.id ?? (await must(t, CLAIM, { i: { appId, displayName, category: 'productivity' } }, dev.token)).claimExtension.id;
  const manifest: Record<string, unknown> = { ...options.manifest };
  if (options.scopes) manifest.capabilities = options.scopes;
  if (options.system) manifest.system = true;
  const submitted = await submitZip(t, dev.token, appId, await zipOf(packageFor(appId, displayName, manifest)));
  if (submitted.errors) throw new Error(`submitVersion failed: ${JSON.stringify(submitted.errors)}`);
  const version = await waitForValidation(t, dev.token, submitted.data!.submitVersion.id, options.validationTimeoutMs);
  return { dev, appId, displayName, extensionId, versionId: version.id, status: version.status };
}

/** The review case of a version, found in the reviewer's queue. */
export async function reviewCaseOf(t: TestApp, reviewer: TestUser, versionId: string): Promise<string> {
  const queue = await must(t, QUEUE, {}, reviewer.token);
  const found = queue.reviewQueue.edges.find(e => e.node.version.id === versionId);
  if (!found) throw new Error(`no review case for version ${versionId} in the queue`);
  return found.node.id;
}

/** A reviewer claims the version's case and approves it (optionally posting a message first). */
export async function approveReview(t: TestApp, reviewer: TestUser, versionId: string, options: { reason?: string; message?: string } = {}): Promise<string> {
  const caseId = await reviewCaseOf(t, reviewer, versionId);
  await must(t, CLAIM_REVIEW, { id: caseId }, reviewer.token);
  if (options.message) await must(t, MESSAGE, { id: caseId, b: options.message }, reviewer.token);
  const decided = await must(t, APPROVE, { id: caseId, r: options.reason ?? 'looks fine' }, reviewer.token);
  if (decided.decideReview.version.status !== 'APPROVED') throw new Error(`approval left the version ${decided.decideReview.version.status}`);
  return caseId;
}

export interface ApprovedVersion extends SubmittedVersion {
  /** The review case, or null when the version was approved automatically (nothing new to review). */
  caseId: string | null;
}

/** A version through validation and review: APPROVED, ready to publish. */
export async function approvedVersion(t: TestApp, options: ExtensionOptions = {}): Promise<ApprovedVersion> {
  const submitted = await submittedVersion(t, options);
  if (submitted.status === 'APPROVED') return { ...submitted, caseId: null };
  if (submitted.status !== 'PENDING_REVIEW') throw new Error(`validation left ${submitted.appId} ${submitted.status}`);
  const reviewer = options.reviewer ?? (await buildReviewer(t));
  const caseId = await approveReview(t, reviewer, submitted.versionId, { message: options.reviewMessage });
  return { ...submitted, status: 'APPROVED', caseId };
}

/** A complete listing that passes the publish checks (a full description must not copy another listing's). */
export function completeListing(title: string, overrides: Partial<ListingInput> = {}): ListingInput {
  return {
    title,
    shortDescription: 'Plan and track tasks from chat with reminders.',
    fullDescription: `${title}: a board the assistant can read and update, with due dates, reminders and a weekly summary.`,
    categories: ['productivity'],
    supportContact: 'support@example.test',
    privacyPolicyUrl: 'https://example.test/privacy',
    ...overrides,
  };
}

export interface PublishedExtension extends ApprovedVersion {
  status: 'PUBLISHED';
}

/** Gives an approved version a complete listing (unless it has one) and publishes it. */
export async function publishApproved(
  t: TestApp,
  version: { dev: TestUser; appId: string; displayName?: string; versionId: string },
  listing: Partial<ListingInput> = {},
): Promise<void> {
  const current = await must(t, LISTING_OF, { a: version.appId }, version.dev.token);
  if (!current.extension?.listing?.title) {
    const fullDescription = `A board the assistant can read and update for ${version.appId}, with due dates, reminders and a weekly summary.`;
    await must(t, LISTING, { a: version.appId, i: completeListing(version.displayName ?? version.appId, { fullDescription, ...listing }) }, version.dev.token);
  }
  const published = await must(t, PUBLISH, { id: version.versionId }, version.dev.token);
  if (published.publishVersion.status !== 'PUBLISHED') throw new Error(`publish left ${version.appId} ${published.publishVersion.status}`);
}

/**
 * An extension published through the real loop: claim, submit the fixture package, validation,
 * a reviewer's claim (with an optional message) and approval, a complete listing, publish.
 */
export async function publishedExtension(t: TestApp, options: ExtensionOptions = {}): Promise<PublishedExtension> {
  const approved = await approvedVersion(t, options);
  await publishApproved(t, approved, options.listing);
  return { ...approved, status: 'PUBLISHED' };
}

/** The user's (or, with `organizationId`, the organization's) installation of a published extension, granting every scope it asks for unless told otherwise. */
export async function installationOf(
  t: TestApp,
  user: TestUser,
  ext: { appId: string },
  options: Omit<InstallInput, 'appId' | 'grantedScopes'> & { grantedScopes?: string[] } = {},
) {
  const grantedScopes = options.grantedScopes ?? (await scopesOf(t, ext.appId));
  return (await must(t, INSTALL, { i: { ...options, appId: ext.appId, grantedScopes } }, user.token)).install;
}

const SCOPES = graphql(`query ScenarioScopes($a: String!) { extension(appId: $a) { scopes } }`);
async function scopesOf(t: TestApp, appId: string): Promise<string[]> {
  const res = await must(t, SCOPES, { a: appId });
  if (!res.extension) throw new Error(`${appId} is not visible to install`);
  return res.extension.scopes;
}
