import {
  ApiTokenEntity,
  DeveloperProfileEntity,
  LoginAttemptEntity,
  OrganizationEntity,
  OrganizationMemberEntity,
  OrganizationInvitationEntity,
  UserEntity,
} from '../modules/accounts/accounts.entities';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { PlatformEventEntity, PlatformEventFloorEntity } from '../modules/events/event.entity';
import { CategoryEntity, ExtensionEntity, PlatformScopeEntity } from '../modules/extensions/extensions.entities';
import { PackageBlobEntity, PackageUploadEntity } from '../modules/packages/packages.entities';
import { ExtensionGitSourceEntity, GitHookDeliveryEntity, GitRevalidationEntity } from '../modules/packages/git-hooks.entities';
import { ExtensionApprovalEntity, ExtensionVersionEntity } from '../modules/versions/version.entity';
import { ReviewCaseEntity, ReviewMessageEntity } from '../modules/review/review.entities';
import { ListingEntity } from '../modules/listings/listing.entity';
import { ListingMediaEntity } from '../modules/listings/listing-media.entity';
import { StagingInviteEntity } from '../modules/review/staging.entity';
import { ExtensionInstallCountEntity, InstallationEntity } from '../modules/installs/installation.entity';
import { DeprecationEntity } from '../modules/versions/deprecation.entity';
import { UpgradeOfferEntity } from '../modules/installs/upgrade-offer.entity';
import { RolloutEntity, RolloutHistoryEntity } from '../modules/installs/rollout.entity';
import { HealthCheckEntity, HostingConsentEntity, HostingTierEntity } from '../modules/hosting/hosting.entities';
import { billingEntities } from '../modules/billing/billing.entities';
import { ExtensionRatingEntity, RatingReplyEntity, RatingReportEntity } from '../modules/ratings/ratings.entities';
import { RescanRunEntity, SecurityFindingEntity, VersionAttestationEntity, VersionSecurityScanEntity } from '../modules/trust/trust.entities';
import { ExtensionDailyStatsEntity, RollupDayEntity, VersionDailyStatsEntity } from '../modules/analytics/analytics.entities';
import { RuntimeCountEntity, RuntimeHealthReportEntity, RuntimeSuspensionEntity, RuntimeTokenEntity, SdkDelistingNoticeEntity, UnsupportedSdkEntity } from '../modules/runtime/runtime.entities';

import {
  WebhookAttemptEntity,
  WebhookDeliveryEntity,
  WebhookDispatchCursorEntity,
  WebhookEndpointEntity,
} from '../modules/webhooks/webhook.entities';

/** Every TypeORM entity, gathered from the modules. */
export const entities = [
  ExtensionGitSourceEntity,
  GitRevalidationEntity,
  GitHookDeliveryEntity,
  UserEntity,
  ApiTokenEntity,
  DeveloperProfileEntity,
  OrganizationEntity,
  OrganizationMemberEntity,
  OrganizationInvitationEntity,
  LoginAttemptEntity,
  PlatformEventEntity,
  PlatformEventFloorEntity,
  AuditEntryEntity,
  CategoryEntity,
  PlatformScopeEntity,
  ExtensionEntity,
  PackageBlobEntity,
  PackageUploadEntity,
  ExtensionVersionEntity,
  ExtensionApprovalEntity,
  ReviewCaseEntity,
  ReviewMessageEntity,
  ListingEntity,
  ListingMediaEntity,
  StagingInviteEntity,
  InstallationEntity,
  ExtensionInstallCountEntity,
  DeprecationEntity,
  UpgradeOfferEntity,
  RolloutEntity,
  RolloutHistoryEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
  WebhookDispatchCursorEntity,
  HostingTierEntity,
  HostingConsentEntity,
  HealthCheckEntity,
  ExtensionRatingEntity,
  RatingReplyEntity,
  RatingReportEntity,
  RescanRunEntity,
  VersionSecurityScanEntity,
  SecurityFindingEntity,
  VersionAttestationEntity,
  ...billingEntities,
  RuntimeTokenEntity,
  RuntimeCountEntity,
  RuntimeHealthReportEntity,
  ExtensionDailyStatsEntity,
  VersionDailyStatsEntity,
  RollupDayEntity,
  RuntimeSuspensionEntity,
  UnsupportedSdkEntity,
  SdkDelistingNoticeEntity,
];
