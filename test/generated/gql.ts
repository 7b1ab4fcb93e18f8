/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AvailabilityPause($a: String!) { pauseExtension(appId: $a) { appId availability availabilityReason } }": typeof types.AvailabilityPauseDocument,
    "mutation AvailabilityResume($a: String!) { resumeExtension(appId: $a) { appId availability } }": typeof types.AvailabilityResumeDocument,
    "mutation AvailabilitySuspend($a: String!, $r: String!) { suspendExtension(appId: $a, reason: $r) { appId availability availabilityReason } }": typeof types.AvailabilitySuspendDocument,
    "mutation AvailabilityReinstate($a: String!, $r: String!) { reinstateExtension(appId: $a, reason: $r) { appId availability availabilityReason } }": typeof types.AvailabilityReinstateDocument,
    "query AvailabilityExtension($a: String!) { extension(appId: $a) { appId availability availabilityReason } }": typeof types.AvailabilityExtensionDocument,
    "query AvailabilityMarket($q: String!) { marketplace(query: $q, first: 10) { totalCount edges { node { appId } } } }": typeof types.AvailabilityMarketDocument,
    "query AvailabilityCategories { categories { slug count } }": typeof types.AvailabilityCategoriesDocument,
    "mutation AvailabilityInstall($i: InstallInput!) { install(input: $i) { id } }": typeof types.AvailabilityInstallDocument,
    "query AvailabilityMine { myInstallations { id extensionAvailability extension { appId availability availabilityReason } } }": typeof types.AvailabilityMineDocument,
    "query AvailabilityEvents($a: [String!]) { events(appIds: $a, types: [\"extension.paused\", \"extension.resumed\", \"extension.suspended\", \"extension.reinstated\"], first: 50) { edges { node { type data } } } }": typeof types.AvailabilityEventsDocument,
    "query ListingMedia($a: String!) {\n  extension(appId: $a) { listing { screenshots supportResponseHours screenshotImages { id position url contentType width height sizeBytes }\n    complianceDocuments { id kind url sha256 sizeBytes } } } }": typeof types.ListingMediaDocument,
    "mutation ReorderScreenshots($a: String!, $ids: [ID!]!) { reorderListingScreenshots(appId: $a, ids: $ids) { id position } }": typeof types.ReorderScreenshotsDocument,
    "mutation RemoveScreenshot($a: String!, $id: ID!) { removeListingScreenshot(appId: $a, id: $id) { id position } }": typeof types.RemoveScreenshotDocument,
    "mutation RemoveComplianceDocument($a: String!, $k: ComplianceDocumentKind!) { removeComplianceDocument(appId: $a, kind: $k) }": typeof types.RemoveComplianceDocumentDocument,
    "mutation ListingSla($a: String!, $i: ListingInput!) { updateListing(appId: $a, input: $i) { supportResponseHours } }": typeof types.ListingSlaDocument,
    "mutation MediaCreateOrg($n: String!) { createOrganization(name: $n) { id } }": typeof types.MediaCreateOrgDocument,
    "mutation MediaAddMember($o: ID!, $e: String!, $r: OrgRole!) { addOrganizationMember(organizationId: $o, email: $e, role: $r) { id } }": typeof types.MediaAddMemberDocument,
    "mutation MediaAccept($o: ID!) { acceptOrganizationInvitation(organizationId: $o) { id } }": typeof types.MediaAcceptDocument,
    "query PrivateExtensionVersions($a: String!) {\n  extension(appId: $a) { versions { id version status gitUrl gitRef gitCommitSha requiredBump changeSummary { toolsAdded } reviewTriggers { reason } validationReport { errorCount } manifest } }\n  marketplace(first: 100) { edges { node { appId versions { id status } } } } }": typeof types.PrivateExtensionVersionsDocument,
    "query PrivateReviewCase($id: ID!) { reviewCase(id: $id) { assignee { id displayName email } messages { body } } }": typeof types.PrivateReviewCaseDocument,
    "query PrivateInstallEvents { events(first: 100, types: [\"installation.created\"]) { edges { node { subjectId data } } } }": typeof types.PrivateInstallEventsDocument,
    "mutation RatingsRate($i: RateExtensionInput!) {\n  rateExtension(input: $i) { id stars title body authorName forOrganization hidden reply { body } } }": typeof types.RatingsRateDocument,
    "mutation RatingsReply($id: ID!, $b: String!) { replyToReview(reviewId: $id, body: $b) { id reply { body createdAt updatedAt } } }": typeof types.RatingsReplyDocument,
    "mutation RatingsReport($id: ID!, $r: String) { reportReview(reviewId: $id, reason: $r) }": typeof types.RatingsReportDocument,
    "mutation RatingsModerate($id: ID!, $d: ModerationDecision!, $r: String!) { moderateReview(reviewId: $id, decision: $d, reason: $r) { id hidden } }": typeof types.RatingsModerateDocument,
    "query RatingsQueue { ratingModerationQueue(first: 100) { totalCount edges { node { appId openReports reasons review { id body hidden } } } } }": typeof types.RatingsQueueDocument,
    "query RatingsMine($a: String!, $o: ID) { myReview(appId: $a, organizationId: $o) { id stars body hidden } }": typeof types.RatingsMineDocument,
    "query RatingsListed($a: String!, $first: Int, $after: String) {\n  extension(appId: $a) { rating { average count histogram }\n    reviews(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id stars title body authorName forOrganization hidden reply { body } } } } } }": typeof types.RatingsListedDocument,
    "query RatingsMarketplace { marketplace(sort: RATING, first: 100) { edges { node { appId rating { average count } } } } }": typeof types.RatingsMarketplaceDocument,
    "mutation RatingsUninstall($id: ID!) { uninstall(installationId: $id) { status } }": typeof types.RatingsUninstallDocument,
    "mutation RatingsOrg($n: String!) { createOrganization(name: $n) { id } }": typeof types.RatingsOrgDocument,
    "mutation RatingsAddMember($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e, role: MEMBER) { id } }": typeof types.RatingsAddMemberDocument,
    "mutation RatingsAccept($o: ID!) { acceptOrganizationInvitation(organizationId: $o) { id } }": typeof types.RatingsAcceptDocument,
    "mutation RuntimeCreateToken($a: String!, $n: String!) { createRuntimeToken(appId: $a, name: $n) { secret runtimeToken { id name prefix revokedAt } } }": typeof types.RuntimeCreateTokenDocument,
    "mutation RuntimeRevokeToken($id: ID!) { revokeRuntimeToken(id: $id) { id revokedAt } }": typeof types.RuntimeRevokeTokenDocument,
    "query RuntimeTokens($a: String!) { runtimeTokens(appId: $a) { id name prefix lastUsedAt revokedAt } }": typeof types.RuntimeTokensDocument,
    "mutation RuntimeReportErrors($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportErrors(versionId: $v, count: $c, window: $w) { id count replaced windowStart windowEnd } }": typeof types.RuntimeReportErrorsDocument,
    "mutation RuntimeReportActions($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportActions(versionId: $v, count: $c, window: $w) { id count replaced } }": typeof types.RuntimeReportActionsDocument,
    "mutation RuntimeReportHealth($i: ReportHealthInput!) { reportHealth(input: $i) { id status replaced } }": typeof types.RuntimeReportHealthDocument,
    "query RuntimeMe { me { id } }": typeof types.RuntimeMeDocument,
    "query RuntimeMyExtensions { myExtensions { appId } }": typeof types.RuntimeMyExtensionsDocument,
    "query RuntimeOfVersion($id: ID!) {\n  extensionVersion(id: $id) { id runtime(days: 7) { actions errors errorRate healthReports healthFailures lastHealth { status detail installationId } } } }": typeof types.RuntimeOfVersionDocument,
    "mutation WebhooksCreate($i: CreateWebhookEndpointInput!) {\n  createWebhookEndpoint(input: $i) { secret endpoint { id url status eventTypes appIds } }\n}": typeof types.WebhooksCreateDocument,
    "query WebhooksEndpoints { webhookEndpoints { id status disabledReason failingSince previousSecretExpiresAt\n  deliveries { id eventId status attempts nextAttemptAt lastStatusCode lastError attemptLog { statusCode latencyMs error responseExcerpt } } } }": typeof types.WebhooksEndpointsDocument,
    "query WebhooksDisabledNotices { events(first: 10, types: [\"webhook.endpoint_disabled\"]) { edges { node { subjectId data } } } }": typeof types.WebhooksDisabledNoticesDocument,
    "mutation ScenarioGrantReviewer($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id } }": typeof types.ScenarioGrantReviewerDocument,
    "mutation ScenarioClaim($i: ClaimExtensionInput!) { claimExtension(input: $i) { id } }": typeof types.ScenarioClaimDocument,
    "query ScenarioReviewQueue { reviewQueue(first: 100) { edges { node { id version { id } } } } }": typeof types.ScenarioReviewQueueDocument,
    "mutation ScenarioClaimReview($id: ID!) { claimReview(caseId: $id) { id } }": typeof types.ScenarioClaimReviewDocument,
    "mutation ScenarioReviewMessage($id: ID!, $b: String!) { postReviewMessage(caseId: $id, body: $b) { id } }": typeof types.ScenarioReviewMessageDocument,
    "mutation ScenarioApprove($id: ID!, $r: String!) { decideReview(caseId: $id, decision: APPROVE, reason: $r) { id version { status } } }": typeof types.ScenarioApproveDocument,
    "mutation ScenarioListing($a: String!, $i: ListingInput!) { updateListing(appId: $a, input: $i) { title } }": typeof types.ScenarioListingDocument,
    "mutation ScenarioPublish($id: ID!) { publishVersion(id: $id) { id status } }": typeof types.ScenarioPublishDocument,
    "query ScenarioListingOf($a: String!) { extension(appId: $a) { listing { title } } }": typeof types.ScenarioListingOfDocument,
    "query ScenarioExtension($a: String!) { extension(appId: $a) { id } }": typeof types.ScenarioExtensionDocument,
    "mutation ScenarioInstall($i: InstallInput!) {\n  install(input: $i) { id status source placement grantedScopes organizationId version { id version } extension { appId } } }": typeof types.ScenarioInstallDocument,
    "query ScenarioScopes($a: String!) { extension(appId: $a) { scopes } }": typeof types.ScenarioScopesDocument,
};
const documents: Documents = {
    "mutation AvailabilityPause($a: String!) { pauseExtension(appId: $a) { appId availability availabilityReason } }": types.AvailabilityPauseDocument,
    "mutation AvailabilityResume($a: String!) { resumeExtension(appId: $a) { appId availability } }": types.AvailabilityResumeDocument,
    "mutation AvailabilitySuspend($a: String!, $r: String!) { suspendExtension(appId: $a, reason: $r) { appId availability availabilityReason } }": types.AvailabilitySuspendDocument,
    "mutation AvailabilityReinstate($a: String!, $r: String!) { reinstateExtension(appId: $a, reason: $r) { appId availability availabilityReason } }": types.AvailabilityReinstateDocument,
    "query AvailabilityExtension($a: String!) { extension(appId: $a) { appId availability availabilityReason } }": types.AvailabilityExtensionDocument,
    "query AvailabilityMarket($q: String!) { marketplace(query: $q, first: 10) { totalCount edges { node { appId } } } }": types.AvailabilityMarketDocument,
    "query AvailabilityCategories { categories { slug count } }": types.AvailabilityCategoriesDocument,
    "mutation AvailabilityInstall($i: InstallInput!) { install(input: $i) { id } }": types.AvailabilityInstallDocument,
    "query AvailabilityMine { myInstallations { id extensionAvailability extension { appId availability availabilityReason } } }": types.AvailabilityMineDocument,
    "query AvailabilityEvents($a: [String!]) { events(appIds: $a, types: [\"extension.paused\", \"extension.resumed\", \"extension.suspended\", \"extension.reinstated\"], first: 50) { edges { node { type data } } } }": types.AvailabilityEventsDocument,
    "query ListingMedia($a: String!) {\n  extension(appId: $a) { listing { screenshots supportResponseHours screenshotImages { id position url contentType width height sizeBytes }\n    complianceDocuments { id kind url sha256 sizeBytes } } } }": types.ListingMediaDocument,
    "mutation ReorderScreenshots($a: String!, $ids: [ID!]!) { reorderListingScreenshots(appId: $a, ids: $ids) { id position } }": types.ReorderScreenshotsDocument,
    "mutation RemoveScreenshot($a: String!, $id: ID!) { removeListingScreenshot(appId: $a, id: $id) { id position } }": types.RemoveScreenshotDocument,
    "mutation RemoveComplianceDocument($a: String!, $k: ComplianceDocumentKind!) { removeComplianceDocument(appId: $a, kind: $k) }": types.RemoveComplianceDocumentDocument,
    "mutation ListingSla($a: String!, $i: ListingInput!) { updateListing(appId: $a, input: $i) { supportResponseHours } }": types.ListingSlaDocument,
    "mutation MediaCreateOrg($n: String!) { createOrganization(name: $n) { id } }": types.MediaCreateOrgDocument,
    "mutation MediaAddMember($o: ID!, $e: String!, $r: OrgRole!) { addOrganizationMember(organizationId: $o, email: $e, role: $r) { id } }": types.MediaAddMemberDocument,
    "mutation MediaAccept($o: ID!) { acceptOrganizationInvitation(organizationId: $o) { id } }": types.MediaAcceptDocument,
    "query PrivateExtensionVersions($a: String!) {\n  extension(appId: $a) { versions { id version status gitUrl gitRef gitCommitSha requiredBump changeSummary { toolsAdded } reviewTriggers { reason } validationReport { errorCount } manifest } }\n  marketplace(first: 100) { edges { node { appId versions { id status } } } } }": types.PrivateExtensionVersionsDocument,
    "query PrivateReviewCase($id: ID!) { reviewCase(id: $id) { assignee { id displayName email } messages { body } } }": types.PrivateReviewCaseDocument,
    "query PrivateInstallEvents { events(first: 100, types: [\"installation.created\"]) { edges { node { subjectId data } } } }": types.PrivateInstallEventsDocument,
    "mutation RatingsRate($i: RateExtensionInput!) {\n  rateExtension(input: $i) { id stars title body authorName forOrganization hidden reply { body } } }": types.RatingsRateDocument,
    "mutation RatingsReply($id: ID!, $b: String!) { replyToReview(reviewId: $id, body: $b) { id reply { body createdAt updatedAt } } }": types.RatingsReplyDocument,
    "mutation RatingsReport($id: ID!, $r: String) { reportReview(reviewId: $id, reason: $r) }": types.RatingsReportDocument,
    "mutation RatingsModerate($id: ID!, $d: ModerationDecision!, $r: String!) { moderateReview(reviewId: $id, decision: $d, reason: $r) { id hidden } }": types.RatingsModerateDocument,
    "query RatingsQueue { ratingModerationQueue(first: 100) { totalCount edges { node { appId openReports reasons review { id body hidden } } } } }": types.RatingsQueueDocument,
    "query RatingsMine($a: String!, $o: ID) { myReview(appId: $a, organizationId: $o) { id stars body hidden } }": types.RatingsMineDocument,
    "query RatingsListed($a: String!, $first: Int, $after: String) {\n  extension(appId: $a) { rating { average count histogram }\n    reviews(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id stars title body authorName forOrganization hidden reply { body } } } } } }": types.RatingsListedDocument,
    "query RatingsMarketplace { marketplace(sort: RATING, first: 100) { edges { node { appId rating { average count } } } } }": types.RatingsMarketplaceDocument,
    "mutation RatingsUninstall($id: ID!) { uninstall(installationId: $id) { status } }": types.RatingsUninstallDocument,
    "mutation RatingsOrg($n: String!) { createOrganization(name: $n) { id } }": types.RatingsOrgDocument,
    "mutation RatingsAddMember($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e, role: MEMBER) { id } }": types.RatingsAddMemberDocument,
    "mutation RatingsAccept($o: ID!) { acceptOrganizationInvitation(organizationId: $o) { id } }": types.RatingsAcceptDocument,
    "mutation RuntimeCreateToken($a: String!, $n: String!) { createRuntimeToken(appId: $a, name: $n) { secret runtimeToken { id name prefix revokedAt } } }": types.RuntimeCreateTokenDocument,
    "mutation RuntimeRevokeToken($id: ID!) { revokeRuntimeToken(id: $id) { id revokedAt } }": types.RuntimeRevokeTokenDocument,
    "query RuntimeTokens($a: String!) { runtimeTokens(appId: $a) { id name prefix lastUsedAt revokedAt } }": types.RuntimeTokensDocument,
    "mutation RuntimeReportErrors($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportErrors(versionId: $v, count: $c, window: $w) { id count replaced windowStart windowEnd } }": types.RuntimeReportErrorsDocument,
    "mutation RuntimeReportActions($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportActions(versionId: $v, count: $c, window: $w) { id count replaced } }": types.RuntimeReportActionsDocument,
    "mutation RuntimeReportHealth($i: ReportHealthInput!) { reportHealth(input: $i) { id status replaced } }": types.RuntimeReportHealthDocument,
    "query RuntimeMe { me { id } }": types.RuntimeMeDocument,
    "query RuntimeMyExtensions { myExtensions { appId } }": types.RuntimeMyExtensionsDocument,
    "query RuntimeOfVersion($id: ID!) {\n  extensionVersion(id: $id) { id runtime(days: 7) { actions errors errorRate healthReports healthFailures lastHealth { status detail installationId } } } }": types.RuntimeOfVersionDocument,
    "mutation WebhooksCreate($i: CreateWebhookEndpointInput!) {\n  createWebhookEndpoint(input: $i) { secret endpoint { id url status eventTypes appIds } }\n}": types.WebhooksCreateDocument,
    "query WebhooksEndpoints { webhookEndpoints { id status disabledReason failingSince previousSecretExpiresAt\n  deliveries { id eventId status attempts nextAttemptAt lastStatusCode lastError attemptLog { statusCode latencyMs error responseExcerpt } } } }": types.WebhooksEndpointsDocument,
    "query WebhooksDisabledNotices { events(first: 10, types: [\"webhook.endpoint_disabled\"]) { edges { node { subjectId data } } } }": types.WebhooksDisabledNoticesDocument,
    "mutation ScenarioGrantReviewer($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id } }": types.ScenarioGrantReviewerDocument,
    "mutation ScenarioClaim($i: ClaimExtensionInput!) { claimExtension(input: $i) { id } }": types.ScenarioClaimDocument,
    "query ScenarioReviewQueue { reviewQueue(first: 100) { edges { node { id version { id } } } } }": types.ScenarioReviewQueueDocument,
    "mutation ScenarioClaimReview($id: ID!) { claimReview(caseId: $id) { id } }": types.ScenarioClaimReviewDocument,
    "mutation ScenarioReviewMessage($id: ID!, $b: String!) { postReviewMessage(caseId: $id, body: $b) { id } }": types.ScenarioReviewMessageDocument,
    "mutation ScenarioApprove($id: ID!, $r: String!) { decideReview(caseId: $id, decision: APPROVE, reason: $r) { id version { status } } }": types.ScenarioApproveDocument,
    "mutation ScenarioListing($a: String!, $i: ListingInput!) { updateListing(appId: $a, input: $i) { title } }": types.ScenarioListingDocument,
    "mutation ScenarioPublish($id: ID!) { publishVersion(id: $id) { id status } }": types.ScenarioPublishDocument,
    "query ScenarioListingOf($a: String!) { extension(appId: $a) { listing { title } } }": types.ScenarioListingOfDocument,
    "query ScenarioExtension($a: String!) { extension(appId: $a) { id } }": types.ScenarioExtensionDocument,
    "mutation ScenarioInstall($i: InstallInput!) {\n  install(input: $i) { id status source placement grantedScopes organizationId version { id version } extension { appId } } }": types.ScenarioInstallDocument,
    "query ScenarioScopes($a: String!) { extension(appId: $a) { scopes } }": types.ScenarioScopesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AvailabilityPause($a: String!) { pauseExtension(appId: $a) { appId availability availabilityReason } }"): (typeof documents)["mutation AvailabilityPause($a: String!) { pauseExtension(appId: $a) { appId availability availabilityReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AvailabilityResume($a: String!) { resumeExtension(appId: $a) { appId availability } }"): (typeof documents)["mutation AvailabilityResume($a: String!) { resumeExtension(appId: $a) { appId availability } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AvailabilitySuspend($a: String!, $r: String!) { suspendExtension(appId: $a, reason: $r) { appId availability availabilityReason } }"): (typeof documents)["mutation AvailabilitySuspend($a: String!, $r: String!) { suspendExtension(appId: $a, reason: $r) { appId availability availabilityReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AvailabilityReinstate($a: String!, $r: String!) { reinstateExtension(appId: $a, reason: $r) { appId availability availabilityReason } }"): (typeof documents)["mutation AvailabilityReinstate($a: String!, $r: String!) { reinstateExtension(appId: $a, reason: $r) { appId availability availabilityReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AvailabilityExtension($a: String!) { extension(appId: $a) { appId availability availabilityReason } }"): (typeof documents)["query AvailabilityExtension($a: String!) { extension(appId: $a) { appId availability availabilityReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AvailabilityMarket($q: String!) { marketplace(query: $q, first: 10) { totalCount edges { node { appId } } } }"): (typeof documents)["query AvailabilityMarket($q: String!) { marketplace(query: $q, first: 10) { totalCount edges { node { appId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AvailabilityCategories { categories { slug count } }"): (typeof documents)["query AvailabilityCategories { categories { slug count } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AvailabilityInstall($i: InstallInput!) { install(input: $i) { id } }"): (typeof documents)["mutation AvailabilityInstall($i: InstallInput!) { install(input: $i) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AvailabilityMine { myInstallations { id extensionAvailability extension { appId availability availabilityReason } } }"): (typeof documents)["query AvailabilityMine { myInstallations { id extensionAvailability extension { appId availability availabilityReason } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AvailabilityEvents($a: [String!]) { events(appIds: $a, types: [\"extension.paused\", \"extension.resumed\", \"extension.suspended\", \"extension.reinstated\"], first: 50) { edges { node { type data } } } }"): (typeof documents)["query AvailabilityEvents($a: [String!]) { events(appIds: $a, types: [\"extension.paused\", \"extension.resumed\", \"extension.suspended\", \"extension.reinstated\"], first: 50) { edges { node { type data } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListingMedia($a: String!) {\n  extension(appId: $a) { listing { screenshots supportResponseHours screenshotImages { id position url contentType width height sizeBytes }\n    complianceDocuments { id kind url sha256 sizeBytes } } } }"): (typeof documents)["query ListingMedia($a: String!) {\n  extension(appId: $a) { listing { screenshots supportResponseHours screenshotImages { id position url contentType width height sizeBytes }\n    complianceDocuments { id kind url sha256 sizeBytes } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReorderScreenshots($a: String!, $ids: [ID!]!) { reorderListingScreenshots(appId: $a, ids: $ids) { id position } }"): (typeof documents)["mutation ReorderScreenshots($a: String!, $ids: [ID!]!) { reorderListingScreenshots(appId: $a, ids: $ids) { id position } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveScreenshot($a: String!, $id: ID!) { removeListingScreenshot(appId: $a, id: $id) { id position } }"): (typeof documents)["mutation RemoveScreenshot($a: String!, $id: ID!) { removeListingScreenshot(appId: $a, id: $id) { id position } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveComplianceDocument($a: String!, $k: ComplianceDocumentKind!) { removeComplianceDocument(appId: $a, kind: $k) }"): (typeof documents)["mutation RemoveComplianceDocument($a: String!, $k: ComplianceDocumentKind!) { removeComplianceDocument(appId: $a, kind: $k) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ListingSla($a: String!, $i: ListingInput!) { updateListing(appId: $a, input: $i) { supportResponseHours } }"): (typeof documents)["mutation ListingSla($a: String!, $i: ListingInput!) { updateListing(appId: $a, input: $i) { supportResponseHours } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MediaCreateOrg($n: String!) { createOrganization(name: $n) { id } }"): (typeof documents)["mutation MediaCreateOrg($n: String!) { createOrganization(name: $n) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MediaAddMember($o: ID!, $e: String!, $r: OrgRole!) { addOrganizationMember(organizationId: $o, email: $e, role: $r) { id } }"): (typeof documents)["mutation MediaAddMember($o: ID!, $e: String!, $r: OrgRole!) { addOrganizationMember(organizationId: $o, email: $e, role: $r) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MediaAccept($o: ID!) { acceptOrganizationInvitation(organizationId: $o) { id } }"): (typeof documents)["mutation MediaAccept($o: ID!) { acceptOrganizationInvitation(organizationId: $o) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivateExtensionVersions($a: String!) {\n  extension(appId: $a) { versions { id version status gitUrl gitRef gitCommitSha requiredBump changeSummary { toolsAdded } reviewTriggers { reason } validationReport { errorCount } manifest } }\n  marketplace(first: 100) { edges { node { appId versions { id status } } } } }"): (typeof documents)["query PrivateExtensionVersions($a: String!) {\n  extension(appId: $a) { versions { id version status gitUrl gitRef gitCommitSha requiredBump changeSummary { toolsAdded } reviewTriggers { reason } validationReport { errorCount } manifest } }\n  marketplace(first: 100) { edges { node { appId versions { id status } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivateReviewCase($id: ID!) { reviewCase(id: $id) { assignee { id displayName email } messages { body } } }"): (typeof documents)["query PrivateReviewCase($id: ID!) { reviewCase(id: $id) { assignee { id displayName email } messages { body } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivateInstallEvents { events(first: 100, types: [\"installation.created\"]) { edges { node { subjectId data } } } }"): (typeof documents)["query PrivateInstallEvents { events(first: 100, types: [\"installation.created\"]) { edges { node { subjectId data } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RatingsRate($i: RateExtensionInput!) {\n  rateExtension(input: $i) { id stars title body authorName forOrganization hidden reply { body } } }"): (typeof documents)["mutation RatingsRate($i: RateExtensionInput!) {\n  rateExtension(input: $i) { id stars title body authorName forOrganization hidden reply { body } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RatingsReply($id: ID!, $b: String!) { replyToReview(reviewId: $id, body: $b) { id reply { body createdAt updatedAt } } }"): (typeof documents)["mutation RatingsReply($id: ID!, $b: String!) { replyToReview(reviewId: $id, body: $b) { id reply { body createdAt updatedAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RatingsReport($id: ID!, $r: String) { reportReview(reviewId: $id, reason: $r) }"): (typeof documents)["mutation RatingsReport($id: ID!, $r: String) { reportReview(reviewId: $id, reason: $r) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RatingsModerate($id: ID!, $d: ModerationDecision!, $r: String!) { moderateReview(reviewId: $id, decision: $d, reason: $r) { id hidden } }"): (typeof documents)["mutation RatingsModerate($id: ID!, $d: ModerationDecision!, $r: String!) { moderateReview(reviewId: $id, decision: $d, reason: $r) { id hidden } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RatingsQueue { ratingModerationQueue(first: 100) { totalCount edges { node { appId openReports reasons review { id body hidden } } } } }"): (typeof documents)["query RatingsQueue { ratingModerationQueue(first: 100) { totalCount edges { node { appId openReports reasons review { id body hidden } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RatingsMine($a: String!, $o: ID) { myReview(appId: $a, organizationId: $o) { id stars body hidden } }"): (typeof documents)["query RatingsMine($a: String!, $o: ID) { myReview(appId: $a, organizationId: $o) { id stars body hidden } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RatingsListed($a: String!, $first: Int, $after: String) {\n  extension(appId: $a) { rating { average count histogram }\n    reviews(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id stars title body authorName forOrganization hidden reply { body } } } } } }"): (typeof documents)["query RatingsListed($a: String!, $first: Int, $after: String) {\n  extension(appId: $a) { rating { average count histogram }\n    reviews(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id stars title body authorName forOrganization hidden reply { body } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RatingsMarketplace { marketplace(sort: RATING, first: 100) { edges { node { appId rating { average count } } } } }"): (typeof documents)["query RatingsMarketplace { marketplace(sort: RATING, first: 100) { edges { node { appId rating { average count } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RatingsUninstall($id: ID!) { uninstall(installationId: $id) { status } }"): (typeof documents)["mutation RatingsUninstall($id: ID!) { uninstall(installationId: $id) { status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RatingsOrg($n: String!) { createOrganization(name: $n) { id } }"): (typeof documents)["mutation RatingsOrg($n: String!) { createOrganization(name: $n) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RatingsAddMember($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e, role: MEMBER) { id } }"): (typeof documents)["mutation RatingsAddMember($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e, role: MEMBER) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RatingsAccept($o: ID!) { acceptOrganizationInvitation(organizationId: $o) { id } }"): (typeof documents)["mutation RatingsAccept($o: ID!) { acceptOrganizationInvitation(organizationId: $o) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RuntimeCreateToken($a: String!, $n: String!) { createRuntimeToken(appId: $a, name: $n) { secret runtimeToken { id name prefix revokedAt } } }"): (typeof documents)["mutation RuntimeCreateToken($a: String!, $n: String!) { createRuntimeToken(appId: $a, name: $n) { secret runtimeToken { id name prefix revokedAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RuntimeRevokeToken($id: ID!) { revokeRuntimeToken(id: $id) { id revokedAt } }"): (typeof documents)["mutation RuntimeRevokeToken($id: ID!) { revokeRuntimeToken(id: $id) { id revokedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RuntimeTokens($a: String!) { runtimeTokens(appId: $a) { id name prefix lastUsedAt revokedAt } }"): (typeof documents)["query RuntimeTokens($a: String!) { runtimeTokens(appId: $a) { id name prefix lastUsedAt revokedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RuntimeReportErrors($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportErrors(versionId: $v, count: $c, window: $w) { id count replaced windowStart windowEnd } }"): (typeof documents)["mutation RuntimeReportErrors($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportErrors(versionId: $v, count: $c, window: $w) { id count replaced windowStart windowEnd } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RuntimeReportActions($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportActions(versionId: $v, count: $c, window: $w) { id count replaced } }"): (typeof documents)["mutation RuntimeReportActions($v: ID!, $c: Int!, $w: ReportWindowInput!) { reportActions(versionId: $v, count: $c, window: $w) { id count replaced } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RuntimeReportHealth($i: ReportHealthInput!) { reportHealth(input: $i) { id status replaced } }"): (typeof documents)["mutation RuntimeReportHealth($i: ReportHealthInput!) { reportHealth(input: $i) { id status replaced } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RuntimeMe { me { id } }"): (typeof documents)["query RuntimeMe { me { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RuntimeMyExtensions { myExtensions { appId } }"): (typeof documents)["query RuntimeMyExtensions { myExtensions { appId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RuntimeOfVersion($id: ID!) {\n  extensionVersion(id: $id) { id runtime(days: 7) { actions errors errorRate healthReports healthFailures lastHealth { status detail installationId } } } }"): (typeof documents)["query RuntimeOfVersion($id: ID!) {\n  extensionVersion(id: $id) { id runtime(days: 7) { actions errors errorRate healthReports healthFailures lastHealth { status detail installationId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WebhooksCreate($i: CreateWebhookEndpointInput!) {\n  createWebhookEndpoint(input: $i) { secret endpoint { id url status eventTypes appIds } }\n}"): (typeof documents)["mutation WebhooksCreate($i: CreateWebhookEndpointInput!) {\n  createWebhookEndpoint(input: $i) { secret endpoint { id url status eventTypes appIds } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WebhooksEndpoints { webhookEndpoints { id status disabledReason failingSince previousSecretExpiresAt\n  deliveries { id eventId status attempts nextAttemptAt lastStatusCode lastError attemptLog { statusCode latencyMs error responseExcerpt } } } }"): (typeof documents)["query WebhooksEndpoints { webhookEndpoints { id status disabledReason failingSince previousSecretExpiresAt\n  deliveries { id eventId status attempts nextAttemptAt lastStatusCode lastError attemptLog { statusCode latencyMs error responseExcerpt } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WebhooksDisabledNotices { events(first: 10, types: [\"webhook.endpoint_disabled\"]) { edges { node { subjectId data } } } }"): (typeof documents)["query WebhooksDisabledNotices { events(first: 10, types: [\"webhook.endpoint_disabled\"]) { edges { node { subjectId data } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScenarioGrantReviewer($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id } }"): (typeof documents)["mutation ScenarioGrantReviewer($id: ID!) { grantRole(userId: $id, role: REVIEWER) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScenarioClaim($i: ClaimExtensionInput!) { claimExtension(input: $i) { id } }"): (typeof documents)["mutation ScenarioClaim($i: ClaimExtensionInput!) { claimExtension(input: $i) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScenarioReviewQueue { reviewQueue(first: 100) { edges { node { id version { id } } } } }"): (typeof documents)["query ScenarioReviewQueue { reviewQueue(first: 100) { edges { node { id version { id } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScenarioClaimReview($id: ID!) { claimReview(caseId: $id) { id } }"): (typeof documents)["mutation ScenarioClaimReview($id: ID!) { claimReview(caseId: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScenarioReviewMessage($id: ID!, $b: String!) { postReviewMessage(caseId: $id, body: $b) { id } }"): (typeof documents)["mutation ScenarioReviewMessage($id: ID!, $b: String!) { postReviewMessage(caseId: $id, body: $b) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScenarioApprove($id: ID!, $r: String!) { decideReview(caseId: $id, decision: APPROVE, reason: $r) { id version { status } } }"): (typeof documents)["mutation ScenarioApprove($id: ID!, $r: String!) { decideReview(caseId: $id, decision: APPROVE, reason: $r) { id version { status } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScenarioListing($a: String!, $i: ListingInput!) { updateListing(appId: $a, input: $i) { title } }"): (typeof documents)["mutation ScenarioListing($a: String!, $i: ListingInput!) { updateListing(appId: $a, input: $i) { title } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScenarioPublish($id: ID!) { publishVersion(id: $id) { id status } }"): (typeof documents)["mutation ScenarioPublish($id: ID!) { publishVersion(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScenarioListingOf($a: String!) { extension(appId: $a) { listing { title } } }"): (typeof documents)["query ScenarioListingOf($a: String!) { extension(appId: $a) { listing { title } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScenarioExtension($a: String!) { extension(appId: $a) { id } }"): (typeof documents)["query ScenarioExtension($a: String!) { extension(appId: $a) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScenarioInstall($i: InstallInput!) {\n  install(input: $i) { id status source placement grantedScopes organizationId version { id version } extension { appId } } }"): (typeof documents)["mutation ScenarioInstall($i: InstallInput!) {\n  install(input: $i) { id status source placement grantedScopes organizationId version { id version } extension { appId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScenarioScopes($a: String!) { extension(appId: $a) { scopes } }"): (typeof documents)["query ScenarioScopes($a: String!) { extension(appId: $a) { scopes } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;