/**
 * The catalogue of event types a partner can rely on (docs/events.md, "Event types"). Each entry's payload is documented in
 * docs/events.md under the same name and `payloadVersion`; a payload that changes shape gets a
 * new version (new rows carry it), never a silent edit. The types in `InternalEventTypes` are
 * recorded too and documented as internal: their payloads may change without a version bump.
 */
export const EventTypes = {
  EXTENSION_CLAIMED: 'extension.claimed',
  VERSION_SUBMITTED: 'version.submitted',
  VERSION_VALIDATED: 'version.validated',
  VERSION_VALIDATION_FAILED: 'version.validation_failed',
  REVIEW_REQUESTED: 'review.requested',
  REVIEW_DECIDED: 'review.decided',
  VERSION_PUBLISHED: 'version.published',
  VERSION_DEPRECATED: 'version.deprecated',
  VERSION_SUNSET: 'version.sunset',
  INSTALLATION_CREATED: 'installation.created',
  INSTALLATION_UPGRADED: 'installation.upgraded',
  INSTALLATION_UNINSTALLED: 'installation.uninstalled',
  INSTALLATION_ROLLED_BACK: 'installation.rolled_back',
  ROLLOUT_PAUSED: 'rollout.paused',
  ROLLOUT_RESUMED: 'rollout.resumed',
  ROLLOUT_WIDENED: 'rollout.widened',
  ROLLOUT_ROLLED_BACK: 'rollout.rolled_back',
  UPGRADE_OFFER_CREATED: 'upgrade_offer.created',
  UPGRADE_OFFER_ANSWERED: 'upgrade_offer.answered',
  WEBHOOK_ENDPOINT_DISABLED: 'webhook.endpoint_disabled',
  EXTENSION_GIT_REVALIDATED: 'extension.git_revalidated',
  HOSTING_TIER_CHANGED: 'hosting.tier_changed',
  HOSTING_HEALTH_CHECKED: 'hosting.health_checked',
  RATING_SUBMITTED: 'rating.submitted',
  RATING_REPLIED: 'rating.replied',
  RATING_MODERATED: 'rating.moderated',
  VERSION_SECURITY_FINDINGS: 'version.security_findings',
  VERSION_ATTESTATION_ATTACHED: 'version.attestation_attached',
  SUBSCRIPTION_CREATED: 'subscription.created',
  SUBSCRIPTION_CANCELED: 'subscription.canceled',
  SUBSCRIPTION_PRICE_CHANGE_OFFERED: 'subscription.price_change_offered',
  INVOICE_FINALIZED: 'invoice.finalized',
  PAYOUT_CREATED: 'payout.created',
  EXTENSION_PAUSED: 'extension.paused',
  EXTENSION_RESUMED: 'extension.resumed',
  EXTENSION_SUSPENDED: 'extension.suspended',
  EXTENSION_REINSTATED: 'extension.reinstated',
  EXTENSION_DELISTED: 'extension.delisted',
  VERSION_SUSPENDED: 'version.suspended',
  VERSION_REINSTATED: 'version.reinstated',
  EXTENSION_SDK_UNSUPPORTED: 'extension.sdk_unsupported',
} as const;

export type PartnerEventType = (typeof EventTypes)[keyof typeof EventTypes];

/** Event types Plaza records for its own readers (account feeds, review threads), not partners. */
export const InternalEventTypes = {
  ACCOUNT_USER_CREATED: 'account.user_created',
  ACCOUNT_DEVELOPER_REGISTERED: 'account.developer_registered',
  ACCOUNT_ROLE_GRANTED: 'account.role_granted',
  ACCOUNT_API_TOKEN_CREATED: 'account.api_token_created',
  ACCOUNT_API_TOKEN_REVOKED: 'account.api_token_revoked',
  ORGANIZATION_CREATED: 'organization.created',
  ORGANIZATION_MEMBER_ADDED: 'organization.member_added',
  ORGANIZATION_UPGRADE_POLICY_CHANGED: 'organization.upgrade_policy_changed',
  LISTING_UPDATED: 'listing.updated',
  REVIEW_CLAIMED: 'review.claimed',
  REVIEW_MESSAGE_POSTED: 'review.message_posted',
  STAGING_TESTER_INVITED: 'staging.tester_invited',
  STAGING_INVITATION_RECEIVED: 'staging.invitation_received',
  VERSION_WITHDRAWN: 'version.withdrawn',
  RUNTIME_TOKEN_CREATED: 'runtime.token_created',
  RUNTIME_TOKEN_REVOKED: 'runtime.token_revoked',
} as const;

export type InternalEventType = (typeof InternalEventTypes)[keyof typeof InternalEventTypes];

/** Every type the log records. */
export type EventType = PartnerEventType | InternalEventType;

/** What an installation's lifecycle hook looks like in install and uninstall events. */
export interface LifecycleHook {
  hook: string;
  declared: boolean;
  signature: string | null;
}

/** What every `extension.<availability>` event carries (docs/runtime.md, "Availability"). */
export interface AvailabilityPayload {
  from: string;
  to: string;
  reason: string | null;
  automatic: boolean;
  /** The version whose health suspended it, or whose publish lifted it; else null. */
  versionId: string | null;
  /** The unsupported SDK version a delisting is about; else null. */
  sdkVersion: string | null;
}

/** What every `rollout.*` event carries (docs/marketplace.md, "Staged rollouts"). */
export interface RolloutNotice {
  versionId: string;
  /** The share the rollout may move after this change. */
  percent: number;
  /** Installations moved by the rollout (and not rolled back). */
  cohortSize: number;
  /** null: a person did it; otherwise the schedule or the health gate. */
  automatic: boolean;
  reason: string | null;
  /** The cohort's error rate and the previous version's over the same window (null: no actions). */
  errorRate: number | null;
  baselineErrorRate: number | null;
}

/** A version's outcome of validation, as `version.validated` and `version.validation_failed` carry it. */
export interface ValidationOutcome {
  errorCount: number;
  warningCount: number;
  /** The status validation left the version in (APPROVED, PENDING_REVIEW or VALIDATION_FAILED). */
  status: string;
  reviewTriggers: string[];
}

/**
 * The `data` each event type carries: `EventLog.append` takes the payload of the type it is
 * given, so a writer cannot record a payload its documentation (docs/events.md) does not describe.
 */
export interface EventPayloads {
  'extension.claimed': { displayName: string; category: string };
  'extension.paused': AvailabilityPayload;
  'extension.resumed': AvailabilityPayload;
  'extension.suspended': AvailabilityPayload;
  'extension.reinstated': AvailabilityPayload;
  'extension.delisted': AvailabilityPayload;
  'version.suspended': {
    /** HEALTH_FAILURES or CRASH_RATE (docs/runtime.md, "Automatic suspension"). */
    policy: string;
    reason: string;
    failingStreak: number | null;
    errorRate: number | null;
    actions: number | null;
    errors: number | null;
    windowSeconds: number | null;
    /** The extension went SUSPENDED too (no live version was left). */
    extensionSuspended: boolean;
  };
  'version.reinstated': { reason: string };
  'extension.sdk_unsupported': { versionId: string; sdkVersion: string; range: string; reason: string; deadline: string };
  'version.submitted': { source: string; packageSha256: string; gitCommitSha: string | null };
  'version.validated': ValidationOutcome;
  'version.validation_failed': ValidationOutcome;
  'review.requested': { versionId: string; reviewCaseId: string; dueAt: string; triggers: string[] };
  'review.decided': { decision: string; reason: string | null; versionId: string };
  'version.published': { extensionId: string; displayName: string; system: boolean; bump: string | null; publishedAt: string | null };
  'version.deprecated': { reason: string; sunsetAt: string | null };
  'version.sunset': { installable: false };
  'installation.created': {
    ownerUserId: string | null;
    organizationId: string | null;
    source: string;
    grantedScopes: string[];
    lifecycle: LifecycleHook;
  };
  'installation.upgraded': {
    fromVersion: string | null;
    toVersion: string | null;
    automatic: boolean;
    lifecycle: { hook: 'on_upgrade'; from_version: string | null; hooks: string[] };
  };
  'installation.rolled_back': { fromVersion: string; toVersion: string | null; rolloutVersionId: string };
  'rollout.paused': RolloutNotice;
  'rollout.resumed': RolloutNotice;
  'rollout.widened': RolloutNotice;
  'rollout.rolled_back': RolloutNotice;
  'installation.uninstalled': { ownerUserId: string | null; organizationId: string | null; lifecycle: LifecycleHook };
  'upgrade_offer.created': { installationId: string; newScopes: string[] };
  'upgrade_offer.answered': { installationId: string; accepted: boolean; grantedScopes: string[] };
  'webhook.endpoint_disabled': { endpointId: string; url: string; failingSince: string; reason: string };
  'account.user_created': { displayName: string };
  'account.developer_registered': { authorId: string; organizationName: string | null };
  'account.role_granted': { role: string };
  'account.api_token_created': { name: string; prefix: string };
  'account.api_token_revoked': { name: string; prefix: string };
  'organization.created': { name: string };
  'organization.member_added': { userId: string; role: string };
  'organization.upgrade_policy_changed': { from: string; to: string };
  'listing.updated': Record<string, never>;
  'review.claimed': Record<string, never>;
  'review.message_posted': { messageId: string };
  'staging.tester_invited': { email: string };
  'staging.invitation_received': { appId: string; version: string | null; displayName: string };
  'version.withdrawn': Record<string, never>;
  'runtime.token_created': { name: string; prefix: string };
  'runtime.token_revoked': { name: string; prefix: string };
  'hosting.tier_changed': {
    installationId: string;
    organizationId: string | null;
    fromVersion: string | null;
    toVersion: string;
    fromTier: string | null;
    toTier: string | null;
    fromMonthlyCost: { amountMinor: number; currency: string } | null;
    toMonthlyCost: { amountMinor: number; currency: string } | null;
    needsConsent: boolean;
  };
  'rating.submitted': { ratingId: string; stars: number; edited: boolean; forOrganization: boolean };
  'rating.replied': { ratingId: string; replyId: string; edited: boolean };
  'rating.moderated': { ratingId: string; decision: string; hidden: boolean };
  'version.security_findings': { versionId: string; ruleSetVersion: string; findingCount: number; errorCount: number; rules: string[]; reviewCaseId: string | null };
  'version.attestation_attached': { versionId: string; attestationId: string; kind: string; sha256: string };
  'subscription.created': {
    subscriptionId: string;
    installationId: string;
    organizationId: string | null;
    pricingId: string;
    model: string;
    interval: string | null;
    priceMinor: number | null;
    unitPriceMinor: number | null;
    currency: string;
    trialEndsAt: string | null;
  };
  'subscription.canceled': { subscriptionId: string; installationId: string; organizationId: string | null; cancelAt: string };
  'subscription.price_change_offered': { subscriptionId: string; organizationId: string | null; currentPricingId: string; offeredPricingId: string; revision: number };
  'invoice.finalized': { invoiceId: string; organizationId: string | null; period: string; currency: string; totalMinor: number; lineCount: number };
  'payout.created': { payoutId: string; period: string; currency: string; amountMinor: number; provider: string };
  'hosting.health_checked': { checkId: string; passed: boolean; httpStatus: number | null; latencyMs: number | null; attempts: number };
  'extension.git_revalidated': {
    revalidationId: string;
    ref: string;
    commitSha: string | null;
    status: string;
    errorCount: number;
    warningCount: number;
    docsSynced: boolean;
  };
}

/**
 * Payload fields only the event's audience (and admins) may read. Everyone else the visibility
 * rule lets see the event, the extension's developer above all, gets it without them: a
 * developer learns that an installation came or went, not whose it is (docs/security.md).
 */
export const AUDIENCE_ONLY_FIELDS: Readonly<Partial<Record<string, readonly string[]>>> = {
  [EventTypes.INSTALLATION_CREATED]: ['ownerUserId', 'organizationId'],
  [EventTypes.INSTALLATION_UNINSTALLED]: ['ownerUserId', 'organizationId'],
  [EventTypes.HOSTING_TIER_CHANGED]: ['organizationId'],
  // The developer learns that a subscription started or ended, not whose it is.
  [EventTypes.SUBSCRIPTION_CREATED]: ['organizationId', 'installationId'],
  [EventTypes.SUBSCRIPTION_CANCELED]: ['organizationId', 'installationId'],
  [EventTypes.SUBSCRIPTION_PRICE_CHANGE_OFFERED]: ['organizationId'],
};

/** The payload version every catalogued type is written with today. */
export const PAYLOAD_VERSIONS: Record<PartnerEventType, number> = Object.fromEntries(
  Object.values(EventTypes).map(type => [type, 1]),
) as Record<PartnerEventType, number>;
