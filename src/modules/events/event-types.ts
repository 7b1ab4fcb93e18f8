/**
 * The catalogue of event types a partner can rely on (issue #6). Each entry's payload is
 * documented in docs/events.md under the same name and `payloadVersion`; a payload that
 * changes shape gets a new version (new rows carry it), never a silent edit. Types not listed
 * here (account.*, organization.*, listing.updated, review.claimed, review.message_posted,
 * staging.tester_invited, staging.invitation_received, version.withdrawn) are recorded too and documented as internal:
 * their payloads may change without a version bump.
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
  UPGRADE_OFFER_CREATED: 'upgrade_offer.created',
  UPGRADE_OFFER_ANSWERED: 'upgrade_offer.answered',
  WEBHOOK_ENDPOINT_DISABLED: 'webhook.endpoint_disabled',
  HOSTING_TIER_CHANGED: 'hosting.tier_changed',
  HOSTING_HEALTH_CHECKED: 'hosting.health_checked',
} as const;

export type PartnerEventType = (typeof EventTypes)[keyof typeof EventTypes];

/**
 * Payload fields only the event's audience (and admins) may read. Everyone else the visibility
 * rule lets see the event, the extension's developer above all, gets it without them: a
 * developer learns that an installation came or went, not whose it is (docs/security.md).
 */
export const AUDIENCE_ONLY_FIELDS: Readonly<Partial<Record<string, readonly string[]>>> = {
  [EventTypes.INSTALLATION_CREATED]: ['ownerUserId', 'organizationId'],
  [EventTypes.INSTALLATION_UNINSTALLED]: ['ownerUserId', 'organizationId'],
  [EventTypes.HOSTING_TIER_CHANGED]: ['organizationId'],
};

/** The payload version every catalogued type is written with today. */
export const PAYLOAD_VERSIONS: Record<PartnerEventType, number> = Object.fromEntries(
  Object.values(EventTypes).map(type => [type, 1]),
) as Record<PartnerEventType, number>;
