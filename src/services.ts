import type { DataSource } from 'typeorm';
import type { PlazaConfig } from './config';
import type { ResolverContainer } from './context';
import type { Logger } from './shared/logger';
import { type Clock, systemClock } from './shared/clock';
import { AccountsResolver } from './modules/accounts/accounts.resolver';
import { AccountsService } from './modules/accounts/accounts.service';
import { AuthService } from './modules/accounts/auth.service';
import { OrganizationMemberResolver, OrganizationsResolver } from './modules/accounts/organizations.resolver';
import { OrganizationsService } from './modules/accounts/organizations.service';
import { AuditResolver } from './modules/audit/audit.resolver';
import { AuditActorResolver } from './modules/accounts/audit-actor.resolver';
import { AuditTrail } from './modules/audit/audit-trail';
import { EventLog } from './modules/events/event-log';
import { EventStream } from './modules/events/event-stream';
import { EventRetention } from './modules/events/event-retention';
import { EventsResolver } from './modules/events/events.resolver';
import path from 'node:path';
import { JobQueue } from './jobs/job-queue';
import { DeadLetters } from './jobs/dead-letters';
import { DeadLettersResolver } from './jobs/dead-letters.resolver';
import { dbTimeoutsOf } from './db/timeouts';
import { ExtensionsResolver } from './modules/extensions/extensions.resolver';
import { PackagesResolver } from './modules/packages/packages.resolver';
import { ExtensionsService } from './modules/extensions/extensions.service';
import { createBlobStore } from './modules/packages/blob-store-config';
import { GitSource } from './modules/packages/git-source';
import { GitHooksService } from './modules/packages/git-hooks';
import { ExtensionGitSourceResolver, GitHooksResolver } from './modules/packages/git-hooks.resolver';
import { PackagesService } from './modules/packages/packages.service';
import { ExtensionVersionsResolver } from './modules/versions/extension-versions.resolver';
import { VersionsResolver } from './modules/versions/versions.resolver';
import { VersionsService } from './modules/versions/versions.service';
import { VersionLifecycle } from './modules/versions/version-lifecycle';
import { SecretBox } from './shared/secret-box';
import { ReviewResolver } from './modules/review/review.resolver';
import { ReviewService } from './modules/review/review.service';
import { StagingService } from './modules/review/staging.service';
import { InstallsResolver } from './modules/installs/installs.resolver';
import { InstallsService } from './modules/installs/installs.service';
import { DeprecationsResolver } from './modules/versions/deprecations.resolver';
import { DeprecationsService } from './modules/versions/deprecations.service';
import { RecommendationsResolver } from './modules/installs/recommendations.resolver';
import { RecommendationsService } from './modules/installs/recommendations.service';
import { UpgradesResolver } from './modules/installs/upgrades.resolver';
import { RolloutsResolver } from './modules/installs/rollouts.resolver';
import { RolloutsService } from './modules/installs/rollouts.service';
import { UpgradesService } from './modules/installs/upgrades.service';
import { CategoryCountResolver, ListingsResolver } from './modules/listings/listings.resolver';
import { ListingsService } from './modules/listings/listings.service';
import { ListingMediaService } from './modules/listings/listing-media.service';
import { ListingMediaResolver } from './modules/listings/listing-media.resolver';
import { WebhookDeliveryResolver, WebhooksResolver } from './modules/webhooks/webhooks.resolver';
import { WebhooksService } from './modules/webhooks/webhooks.service';
import { HostingResolver, HostingReviewResolver, HostingVersionResolver } from './modules/hosting/hosting.resolver';
import { RatingsService } from './modules/ratings/ratings.service';
import { RatingsResolver } from './modules/ratings/ratings.resolver';
import { HostingService } from './modules/hosting/hosting.service';
import { AttestationsService } from './modules/trust/attestations.service';
import { RescanService } from './modules/trust/rescans.service';
import { TrustResolver } from './modules/trust/trust.resolver';
import { BillingService } from './modules/billing/billing.service';
import { PeriodClose } from './modules/billing/period-close';
import { ManualPaymentProvider } from './modules/billing/payment-provider';
import { Statements } from './modules/billing/statements';
import { BillingResolver, ExtensionPricingResolver, InvoiceLinesResolver, SubscriptionPricingResolver } from './modules/billing/billing.resolver';
import { RuntimeTokensService } from './modules/runtime/runtime-tokens.service';
import { RuntimeReports } from './modules/runtime/runtime-reports.service';
import { RuntimeResolver } from './modules/runtime/runtime.resolver';
import { AnalyticsService } from './modules/analytics/analytics.service';
import { AnalyticsResolver } from './modules/analytics/analytics.resolver';
import { SuspensionService } from './modules/runtime/suspension.service';
import { SdkSupportService } from './modules/runtime/sdk-support.service';

/**
 * The composition root: every service is a stateless singleton built here once, with its
 * collaborators passed in, and every resolver instance gets the services it calls.
 */
export function createServices(config: PlazaConfig, dataSource: DataSource, databaseUrl: string, logger: Logger, clock: Clock = systemClock) {
  const events = new EventLog();
  const audit = new AuditTrail();
  const auth = new AuthService(config, dataSource, events, audit);
  const accounts = new AccountsService(events, audit);
  const organizations = new OrganizationsService(events, audit);
  // DATABASE_LISTEN_URL: a direct connection when DATABASE_URL goes through a transaction-mode pooler.
  const eventStream = new EventStream(config.databaseListenUrl ?? databaseUrl, dataSource, events, logger, config.eventPollMs, dbTimeoutsOf(config));
  const jobs = new JobQueue(databaseUrl, logger, { timeouts: dbTimeoutsOf(config) });
  const dataDir = path.resolve(config.dataDir);
  const packages = new PackagesService(createBlobStore(config, dataDir), {
    maxUploadBytes: config.maxUploadBytes,
    uploadTtlSeconds: config.uploadTtlSeconds,
    tempDir: path.join(dataDir, 'tmp'),
  }, jobs);
  const extensions = new ExtensionsService(events, audit);
  const secretBox = new SecretBox(config.encryptionKey, config.encryptionPreviousKeys);
  const gitSource = new GitSource(config.allowLocalGit, 120_000, config.gitFetchCacheSeconds);
  const gitHooks = new GitHooksService(config, gitSource, secretBox, jobs, extensions, events, audit);
  const lifecycle = new VersionLifecycle(events);
  const review = new ReviewService(lifecycle, events, audit);
  const versions = new VersionsService(
    config,
    extensions,
    packages,
    gitSource,
    jobs,
    secretBox,
    lifecycle,
    events,
    audit,
    gitHooks,
  );
  const installs = new InstallsService(organizations, events, audit);
  const listings = new ListingsService(extensions, packages, lifecycle, events, audit);
  const listingMedia = new ListingMediaService(extensions, events, audit);
  const upgrades = new UpgradesService(
    installs,
    jobs,
    events,
    audit,
    { batchSize: config.rolloutBatchSize, batchTargetMs: config.rolloutBatchTargetMs, longStatementTimeoutMs: config.dbLongStatementTimeoutMs },
    clock,
    versions,
  );
  const rollouts = new RolloutsService(jobs, events, audit, clock, {
    maxErrorRatio: config.rolloutMaxErrorRatio,
    minErrorDelta: config.rolloutMinErrorDelta,
    minActions: config.rolloutMinActions,
  });
  const staging = new StagingService(events, audit);
  const deprecations = new DeprecationsService(lifecycle, events, audit, jobs);
  const recommendations = new RecommendationsService(installs);
  const webhooks = new WebhooksService(
    {
      allowLoopback: config.allowLoopbackWebhooks,
      retryBaseMs: config.webhookRetryBaseMs,
      retryMaxDelayMs: config.webhookRetryMaxDelayMs,
      retryWindowMs: config.webhookRetryWindowSeconds * 1000,
      disableAfterMs: config.webhookDisableAfterSeconds * 1000,
      timeoutMs: config.webhookTimeoutMs,
      dispatchBatch: 500,
      concurrency: config.webhookConcurrency,
    },
    secretBox,
    jobs,
    events,
    audit,
  );
  const eventRetention = new EventRetention({ days: config.eventRetentionDays, batch: 10_000, maxBatches: 100 }, clock, jobs);
  // Deliveries reference their event: they go in the transaction that drops it.
  eventRetention.onDrop((tx, range) => webhooks.dropDeliveriesOf(tx, range));
  const deadLetters = new DeadLetters(jobs, audit);
  const hosting = new HostingService(
    {
      policy: { allowLoopback: config.allowLoopbackWebhooks },
      healthCheckTimeoutMs: config.healthCheckTimeoutMs,
      healthCheckRetryDelayMs: config.healthCheckRetryDelayMs,
      healthCheckRetries: 3,
    },
    organizations,
    review,
    jobs,
    events,
    audit,
  );
  const ratings = new RatingsService(organizations, events, audit);
  const attestations = new AttestationsService({ maxBytes: config.attestationMaxBytes }, events, audit);
  const rescans = new RescanService({ batchSize: config.rescanBatchSize }, versions, packages, review, jobs, events, clock);
  const runtimeTokens = new RuntimeTokensService(dataSource, extensions, events, audit);
  const runtimeReports = new RuntimeReports(
    { clockSkewSeconds: config.runtimeClockSkewSeconds, maxWindowSeconds: config.runtimeMaxWindowSeconds, maxAgeSeconds: config.runtimeMaxReportAgeSeconds },
    clock,
  );
  const billing = new BillingService(organizations, events, audit, clock, installs);
  const paymentProvider = new ManualPaymentProvider();
  const periodClose = new PeriodClose(events, clock, paymentProvider, jobs, config.billingCloseSchedule, config.dbLongStatementTimeoutMs);
  const statements = new Statements(paymentProvider);
  const analytics = new AnalyticsService(clock, jobs, config.dbLongStatementTimeoutMs);
  const suspension = new SuspensionService(
    {
      healthFailures: config.suspensionHealthFailures,
      crashRate: config.suspensionCrashRate,
      crashWindowSeconds: config.suspensionCrashWindowSeconds,
      minActions: config.suspensionMinActions,
    },
    runtimeReports,
    lifecycle,
    extensions,
    events,
    audit,
    clock,
    jobs,
  );
  const sdkSupport = new SdkSupportService(config.sdkDelistAfterDays, extensions, events, audit, clock, jobs);
  return { clock, eventRetention, ratings, attestations, rescans, hosting, lifecycle, secretBox, gitSource, gitHooks, deadLetters, webhooks, events, audit, auth, accounts, organizations, eventStream, jobs, packages, extensions, versions, review, listings, listingMedia, staging, installs, deprecations, recommendations, upgrades, runtimeTokens, runtimeReports, billing, periodClose, statements, analytics, suspension, sdkSupport, rollouts };
}

export type Services = ReturnType<typeof createServices>;

export function createResolverContainer(services: Services, config: PlazaConfig): ResolverContainer {
  const instances = new Map<Function, unknown>([
    [AccountsResolver, new AccountsResolver(services.auth, services.accounts, services.organizations)],
    [OrganizationsResolver, new OrganizationsResolver(services.organizations)],
    [OrganizationMemberResolver, new OrganizationMemberResolver(services.auth)],
    [EventsResolver, new EventsResolver(services.events, services.eventStream, services.auth, config.maxPageSize)],
    [AuditResolver, new AuditResolver(services.audit, config.maxPageSize)],
    [AuditActorResolver, new AuditActorResolver(services.auth)],
    [ExtensionsResolver, new ExtensionsResolver(services.extensions, services.auth)],
    [PackagesResolver, new PackagesResolver(services.packages)],
    [ExtensionVersionsResolver, new ExtensionVersionsResolver()],
    [VersionsResolver, new VersionsResolver(services.versions)],
    [ReviewResolver, new ReviewResolver(services.review, services.staging, services.auth, config.maxPageSize)],
    [ListingsResolver, new ListingsResolver(services.listings, config.maxPageSize)],
    [CategoryCountResolver, new CategoryCountResolver()],
    [ListingMediaResolver, new ListingMediaResolver(services.listingMedia)],
    [InstallsResolver, new InstallsResolver(services.installs)],
    [DeprecationsResolver, new DeprecationsResolver(services.deprecations)],
    [RecommendationsResolver, new RecommendationsResolver(services.recommendations)],
    [UpgradesResolver, new UpgradesResolver(services.upgrades)],
    [RolloutsResolver, new RolloutsResolver(services.rollouts)],
    [WebhooksResolver, new WebhooksResolver(services.webhooks, config.maxPageSize)],
    [WebhookDeliveryResolver, new WebhookDeliveryResolver()],
    [DeadLettersResolver, new DeadLettersResolver(services.deadLetters, config.maxPageSize)],
    [GitHooksResolver, new GitHooksResolver(services.gitHooks, config.maxPageSize)],
    [ExtensionGitSourceResolver, new ExtensionGitSourceResolver()],
    [HostingResolver, new HostingResolver(services.hosting)],
    [HostingVersionResolver, new HostingVersionResolver(services.hosting)],
    [HostingReviewResolver, new HostingReviewResolver(services.hosting)],
    [RatingsResolver, new RatingsResolver(services.ratings, config.maxPageSize)],
    [TrustResolver, new TrustResolver(services.attestations, services.rescans)],
    [BillingResolver, new BillingResolver(services.billing, services.statements)],
    [InvoiceLinesResolver, new InvoiceLinesResolver()],
    [SubscriptionPricingResolver, new SubscriptionPricingResolver()],
    [ExtensionPricingResolver, new ExtensionPricingResolver()],
    [AnalyticsResolver, new AnalyticsResolver(services.analytics)],
    [RuntimeResolver, new RuntimeResolver(services.runtimeTokens, services.runtimeReports, services.suspension, services.sdkSupport)],
  ]);
  return {
    get<T>(cls: abstract new (...args: never[]) => T): T {
      const instance = instances.get(cls);
      if (!instance) throw new Error(`No instance registered for ${cls.name}`);
      return instance as T;
    },
  };
}
