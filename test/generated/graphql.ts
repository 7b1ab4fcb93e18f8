/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time in UTC, for example 2026-11-22T19:30:00.000Z */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

/** A long-lived token for the CLI and partner integrations */
export type ApiToken = {
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The first characters of the secret, to tell tokens apart */
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** Who did what to which record, and when */
export type AuditEntry = {
  action: Scalars['String']['output'];
  /** null for system actions */
  actor?: Maybe<User>;
  createdAt: Scalars['DateTime']['output'];
  data: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  requestId?: Maybe<Scalars['String']['output']>;
  targetId: Scalars['String']['output'];
  targetType: Scalars['String']['output'];
};

export type AuditEntryConnection = {
  edges: Array<AuditEntryEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AuditEntryEdge = {
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

export type AuthPayload = {
  expiresAt: Scalars['DateTime']['output'];
  /** Bearer token for the Authorization header */
  token: Scalars['String']['output'];
  user: User;
};

export type Category = {
  /** Published marketplace extensions in this category (system apps excluded) */
  count: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  slug: Scalars['String']['output'];
};

/** The manifest diff against the latest published version */
export type ChangeSummaryType = {
  breakingChanges: Array<Scalars['String']['output']>;
  egressDomainsAdded: Array<Scalars['String']['output']>;
  /** Params schema changes, each marked (breaking) where old input is refused */
  schemaChanges: Array<Scalars['String']['output']>;
  scopesAdded: Array<Scalars['String']['output']>;
  scopesRemoved: Array<Scalars['String']['output']>;
  toolsAdded: Array<Scalars['String']['output']>;
  toolsChanged: Array<Scalars['String']['output']>;
  toolsRemoved: Array<Scalars['String']['output']>;
};

export type ClaimExtensionInput = {
  /** Permanent app id: [a-z0-9][a-z0-9-]*[a-z0-9] (V1) */
  appId: Scalars['String']['input'];
  /** A category slug from the categories query */
  category: Scalars['String']['input'];
  displayName: Scalars['String']['input'];
};

/** A compliance PDF: never public (docs/marketplace.md) */
export type ComplianceDocument = {
  id: Scalars['ID']['output'];
  kind: ComplianceDocumentKind;
  sha256: Scalars['String']['output'];
  sizeBytes: Scalars['Int']['output'];
  uploadedAt: Scalars['DateTime']['output'];
  /** Server-relative; needs the same Authorization header as GraphQL */
  url: Scalars['String']['output'];
};

export type ComplianceDocumentKind =
  | 'DATA_HANDLING'
  | 'SECURITY_REVIEW';

export type CreateWebhookEndpointInput = {
  /** Only these apps; none: all you may see */
  appIds?: InputMaybe<Array<Scalars['String']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Catalogued event types (docs/events.md); none: every event you may see */
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** https:// (plain http only to loopback when the server allows it) */
  url: Scalars['String']['input'];
};

export type CreatedApiToken = {
  apiToken: ApiToken;
  /** The secret, shown this once; only its hash is stored */
  secret: Scalars['String']['output'];
};

export type CreatedRuntimeToken = {
  runtimeToken: RuntimeToken;
  /** The secret (Authorization: Bearer plzr_…), shown this once; only its hash is stored */
  secret: Scalars['String']['output'];
};

export type DeprecateVersionInput = {
  reason: Scalars['String']['input'];
  sunsetAt?: InputMaybe<Scalars['DateTime']['input']>;
  versionId: Scalars['ID']['input'];
};

export type Deprecation = {
  createdAt: Scalars['DateTime']['output'];
  reason: Scalars['String']['output'];
  /** Past the sunset date: no longer installable */
  sunset: Scalars['Boolean']['output'];
  sunsetAt?: Maybe<Scalars['DateTime']['output']>;
  versionId: Scalars['ID']['output'];
};

/** A developer: the public profile for everyone, the rest for the developer and admins */
export type DeveloperProfile = {
  /** Stable public author id */
  authorId: Scalars['String']['output'];
  /** Private contact email (the developer and admins) */
  contactEmail?: Maybe<Scalars['String']['output']>;
  /** Whether the contact email is public (the developer and admins) */
  contactPublic?: Maybe<Scalars['Boolean']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The developer name shown on listings */
  organizationName: Scalars['String']['output'];
  /** The contact email, only when the developer made it public */
  supportContact?: Maybe<Scalars['String']['output']>;
  /** The developer and admins */
  termsAcceptedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The verified badge, granted by an admin */
  verified: Scalars['Boolean']['output'];
};

export type DeveloperProfileInput = {
  /** Must be true: the developer terms are accepted */
  acceptTerms: Scalars['Boolean']['input'];
  contactEmail: Scalars['String']['input'];
  organizationName: Scalars['String']['input'];
};

export type DocExampleType = {
  /** The example's `description` key */
  description?: Maybe<Scalars['String']['output']>;
  /** The YAML highlighted as sanitized HTML (hljs-* classes); null for docs synced before highlighting */
  html?: Maybe<Scalars['String']['output']>;
  path: Scalars['String']['output'];
  /** The example's `title` key */
  title?: Maybe<Scalars['String']['output']>;
  yaml: Scalars['String']['output'];
};

export type EventConnection = {
  edges: Array<PlatformEventEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type Extension = {
  appId: Scalars['String']['output'];
  /** LISTED, or why it is off the marketplace (docs/runtime.md) */
  availability: ExtensionAvailability;
  availabilityChangedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The reason given with the latest availability change; the owner and admins only */
  availabilityReason?: Maybe<Scalars['String']['output']>;
  category: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  displayName: Scalars['String']['output'];
  /** Docs of the newest published version, or those a later push to its git repository synced (README "Publish a Kiket extension") */
  docs?: Maybe<ExtensionDocsType>;
  /** The manifest its packages carry; fixed by the first submission */
  format: PackageFormat;
  /** The tracked git repository and its validation history: the owner and admins only, null for everyone else */
  gitSource?: Maybe<GitSourceInfo>;
  id: Scalars['ID']['output'];
  /** Active installations (staging installs excluded) */
  installCount: Scalars['Int']['output'];
  /** The newest published version */
  latestVersion?: Maybe<ExtensionVersion>;
  listing?: Maybe<Listing>;
  owner: User;
  /** Average, count and star histogram of its visible reviews */
  rating: RatingSummary;
  /** Visible reviews, newest first, each with the developer's reply */
  reviews: ReviewConnection;
  /** Scopes an installer must grant (newest published version) */
  scopes: Array<Scalars['String']['output']>;
  system: Scalars['Boolean']['output'];
  /** Tools of the newest published version */
  tools: Array<ToolSummary>;
  /** Versions you may see, newest first: published and deprecated ones for everyone, every one for the owner, reviewers and admins */
  versions: Array<ExtensionVersion>;
};


export type ExtensionReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** LISTED on the marketplace; PAUSED by its developer; SUSPENDED by the platform; DELISTED for an unsupported SDK (docs/runtime.md) */
export type ExtensionAvailability =
  | 'DELISTED'
  | 'LISTED'
  | 'PAUSED'
  | 'SUSPENDED';

export type ExtensionConnection = {
  edges: Array<ExtensionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** Documentation discovered in the package (docs/README.md or README.md, CHANGELOG.md, getting started, docs/examples/*.yaml) */
export type ExtensionDocsType = {
  changelog?: Maybe<RenderedDocType>;
  examples: Array<DocExampleType>;
  gettingStarted?: Maybe<RenderedDocType>;
  overview?: Maybe<RenderedDocType>;
};

export type ExtensionEdge = {
  cursor: Scalars['String']['output'];
  node: Extension;
};

export type ExtensionVersion = {
  /** The manifest diff (owner, reviewers, admins; null for others) */
  changeSummary?: Maybe<ChangeSummaryType>;
  /** PATCH, MINOR or MAJOR from the latest published version */
  declaredBump?: Maybe<Scalars['String']['output']>;
  /** Kubernetes manifests for a published managed version (owner, reviewers, admins; null for others and for versions that are not managed) */
  deployment?: Maybe<VersionDeployment>;
  deprecation?: Maybe<Deprecation>;
  docs?: Maybe<ExtensionDocsType>;
  extension: Extension;
  /** Full commit sha fetched (owner, reviewers, admins; null for others) */
  gitCommitSha?: Maybe<Scalars['String']['output']>;
  /** Branch, tag or sha asked for (owner, reviewers, admins; null for others) */
  gitRef?: Maybe<Scalars['String']['output']>;
  /** Repository of a git submission (owner, reviewers, admins; null for others) */
  gitUrl?: Maybe<Scalars['String']['output']>;
  /** The hosting the version declares, with its tier’s monthly cost when managed (what install consent shows) */
  hosting?: Maybe<VersionHosting>;
  id: Scalars['ID']['output'];
  manifest?: Maybe<Scalars['JSON']['output']>;
  /** sha256 of the stored package */
  packageSha256: Scalars['String']['output'];
  /** The bump the manifest diff requires (owner, reviewers, admins; null for others) */
  requiredBump?: Maybe<Scalars['String']['output']>;
  /** Why review was needed (owner, reviewers, admins; empty for others) */
  reviewTriggers: Array<ReviewTriggerType>;
  /** Runtime reports of the last `days` days; null unless you own the extension (or are an admin) */
  runtime?: Maybe<VersionRuntime>;
  source: VersionSource;
  status: VersionStatus;
  submittedAt: Scalars['DateTime']['output'];
  validatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** null until validation has run (owner, reviewers, admins; null for others) */
  validationReport?: Maybe<ValidationReport>;
  /** From the manifest; null when it could not be read */
  version?: Maybe<Scalars['String']['output']>;
};


export type ExtensionVersionRuntimeArgs = {
  days?: Scalars['Int']['input'];
};

/** A background job that failed every attempt it was allowed (the dead-letter view) */
export type FailedJob = {
  /** Attempts made, the last failed one included */
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** The last attempt's error message */
  error: Scalars['String']['output'];
  failedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** The queue, e.g. validate-version, rollout-version, webhook-deliver */
  queue: Scalars['String']['output'];
  /** Retries the queue allowed after the first attempt */
  retryLimit: Scalars['Int']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  subjectId?: Maybe<Scalars['ID']['output']>;
  /** What the job was about: ExtensionVersion, WebhookDelivery; null for periodic jobs */
  subjectType?: Maybe<Scalars['String']['output']>;
};

export type FailedJobList = {
  nodes: Array<FailedJob>;
  /** Failed jobs in all (of the queue, when one is named) */
  totalCount: Scalars['Int']['output'];
};

/** One entry of a git-sourced extension's validation history: a git submission or a push revalidation */
export type GitRevalidation = {
  commitSha: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** X-GitHub-Delivery of the push */
  deliveryId?: Maybe<Scalars['String']['output']>;
  errorCount?: Maybe<Scalars['Int']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Why the commit could not be fetched */
  message?: Maybe<Scalars['String']['output']>;
  ref: Scalars['String']['output'];
  /** The validation report of a push revalidation */
  report?: Maybe<Scalars['JSON']['output']>;
  status: GitRevalidationStatus;
  /** This submission replaced, added or removed the stored access token */
  tokenChanged: Scalars['Boolean']['output'];
  trigger: GitRevalidationTrigger;
  /** The version a submission created */
  versionId?: Maybe<Scalars['ID']['output']>;
  warningCount?: Maybe<Scalars['Int']['output']>;
};

export type GitRevalidationStatus =
  | 'FETCH_FAILED'
  | 'INVALID'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUBMITTED'
  | 'SUPERSEDED'
  | 'VALID';

export type GitRevalidationTrigger =
  | 'PUSH'
  | 'SUBMIT';

/** An extension's tracked git repository (owner and admins only). The token and the webhook secret are never shown here */
export type GitSourceInfo = {
  /** The commit the listing docs were last synced from by a push */
  docsCommitSha?: Maybe<Scalars['String']['output']>;
  docsSyncedAt?: Maybe<Scalars['DateTime']['output']>;
  /** An access token is stored (sealed) and reused by revalidations */
  hasToken: Scalars['Boolean']['output'];
  /** Validation history, newest first: git submissions (with token changes) and push revalidations */
  history: Array<GitRevalidation>;
  /** The tracked branch: pushes to it revalidate */
  ref: Scalars['String']['output'];
  url: Scalars['String']['output'];
  /** A webhook secret exists (rotateGitWebhookSecret makes or replaces it) */
  webhookConfigured: Scalars['Boolean']['output'];
  /** Where GitHub posts push events: POST this path on the Plaza server */
  webhookPath: Scalars['String']['output'];
  webhookSecretCreatedAt?: Maybe<Scalars['DateTime']['output']>;
};


/** An extension's tracked git repository (owner and admins only). The token and the webhook secret are never shown here */
export type GitSourceInfoHistoryArgs = {
  first?: Scalars['Int']['input'];
};

export type GitSourceInput = {
  /** Branch, tag or commit sha */
  ref: Scalars['String']['input'];
  /** Access token for a private repository; stored encrypted, never logged */
  token?: InputMaybe<Scalars['String']['input']>;
  /** https:// URL of the repository */
  url: Scalars['String']['input'];
};

/** A push-webhook secret, shown this once: paste it into the repository webhook settings */
export type GitWebhookSecret = {
  appId: Scalars['String']['output'];
  /** POST this path (on the Plaza server) from the repository webhook */
  callbackPath: Scalars['String']['output'];
  /** The callback URL as this server was reached */
  callbackUrl: Scalars['String']['output'];
  secret: Scalars['String']['output'];
};

/** The review’s sanity call of a hosted version’s health endpoint */
export type HealthCheck = {
  attempts: Scalars['Int']['output'];
  bodyExcerpt?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  error?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  httpStatus?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  latencyMs?: Maybe<Scalars['Int']['output']>;
  status: HealthCheckStatus;
  url: Scalars['String']['output'];
  versionId: Scalars['ID']['output'];
};

export type HealthCheckStatus =
  | 'FAILED'
  | 'PASSED'
  | 'PENDING';

/** A newer version runs on another hosting tier (customers are notified; a dearer tier needs the cost acknowledged) */
export type HostingChange = {
  fromMonthlyCost?: Maybe<Money>;
  /** null: the current version is not managed */
  fromTier?: Maybe<Scalars['String']['output']>;
  /** The new cost exceeds what was agreed: accepting the upgrade needs hostingCost */
  needsConsent: Scalars['Boolean']['output'];
  toMonthlyCost?: Maybe<Money>;
  /** null: the newer version is not managed */
  toTier?: Maybe<Scalars['String']['output']>;
};

/** An organization’s managed-hosting cost per month (the lines billing turns into invoice lines) */
export type HostingCost = {
  lines: Array<HostingCostLine>;
  /** null: your personal installations */
  organizationId?: Maybe<Scalars['ID']['output']>;
  /** One total per currency */
  totals: Array<Money>;
};

/** The hosting cost the installer agrees to: the tier and its monthly cost as shown */
export type HostingCostConsentInput = {
  currency: Scalars['String']['input'];
  monthlyCostMinor: Scalars['Int']['input'];
  tier: Scalars['String']['input'];
};

export type HostingCostLine = {
  appId: Scalars['String']['output'];
  installationId: Scalars['ID']['output'];
  monthlyCost: Money;
  tier: Scalars['String']['output'];
  version?: Maybe<Scalars['String']['output']>;
};

/** A hosting tier a managed extension runs on (docs/hosting.md) */
export type HostingTier = {
  /** Kubernetes quantity, e.g. 250m */
  cpu: Scalars['String']['output'];
  /** Thousandths of a CPU core */
  cpuMillicores: Scalars['Int']['output'];
  /** Kubernetes quantity, e.g. 512Mi */
  memory: Scalars['String']['output'];
  memoryMib: Scalars['Int']['output'];
  monthlyCost: Money;
  name: Scalars['String']['output'];
  useCase: Scalars['String']['output'];
};

export type InstallInput = {
  appId: Scalars['String']['input'];
  /** Every scope the version requires must be granted */
  grantedScopes: Array<Scalars['String']['input']>;
  /** For a managed extension: the tier and monthly cost shown (ExtensionVersion.hosting); CONSENT_REQUIRED lists them when missing or different */
  hostingCost?: InputMaybe<HostingCostConsentInput>;
  /** Install for an organization you administer */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** A specific version (a staging version for its developer and invited testers) */
  versionId?: InputMaybe<Scalars['ID']['input']>;
};

export type InstallSource =
  | 'AUTO_SYSTEM'
  | 'STAGING'
  | 'USER';

export type InstallStatus =
  | 'ACTIVE'
  | 'UNINSTALLED';

export type Installation = {
  extension: Extension;
  /** The extension's availability: anything but LISTED flags an installation whose extension was paused, suspended or delisted (it keeps working) */
  extensionAvailability: ExtensionAvailability;
  grantedScopes: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  installedAt: Scalars['DateTime']['output'];
  organizationId?: Maybe<Scalars['ID']['output']>;
  placement: Placement;
  source: InstallSource;
  status: InstallStatus;
  version: ExtensionVersion;
};

export type Listing = {
  categories: Array<Scalars['String']['output']>;
  /** Security review and data-handling PDFs: for the owner, reviewers and organization admins (once published); null for everyone else */
  complianceDocuments?: Maybe<Array<ComplianceDocument>>;
  fullDescription?: Maybe<Scalars['String']['output']>;
  privacyPolicyUrl?: Maybe<Scalars['String']['output']>;
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Uploaded screenshots (PUT /listings/:appId/screenshots/:slot), in display order */
  screenshotImages: Array<ListingScreenshot>;
  screenshots: Array<Scalars['String']['output']>;
  shortDescription?: Maybe<Scalars['String']['output']>;
  supportContact?: Maybe<Scalars['String']['output']>;
  /** Hours within which support answers a first request (the SLA expectation) */
  supportResponseHours?: Maybe<Scalars['Int']['output']>;
  supportedLanguages: Array<Scalars['String']['output']>;
  title?: Maybe<Scalars['String']['output']>;
};

/** Only the fields given change */
export type ListingInput = {
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  /** At most 2,000 characters */
  fullDescription?: InputMaybe<Scalars['String']['input']>;
  privacyPolicyUrl?: InputMaybe<Scalars['String']['input']>;
  screenshots?: InputMaybe<Array<Scalars['String']['input']>>;
  /** At most 160 characters */
  shortDescription?: InputMaybe<Scalars['String']['input']>;
  /** Email or https URL */
  supportContact?: InputMaybe<Scalars['String']['input']>;
  /** Support first-response time in hours, 1 to 720 */
  supportResponseHours?: InputMaybe<Scalars['Int']['input']>;
  supportedLanguages?: InputMaybe<Array<Scalars['String']['input']>>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** An uploaded screenshot: re-encoded, metadata stripped, served by content hash */
export type ListingScreenshot = {
  contentType: Scalars['String']['output'];
  height: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** 1 to 8, the display order */
  position: Scalars['Int']['output'];
  sizeBytes: Scalars['Int']['output'];
  /** Server-relative, immutable (keyed by the content hash) */
  url: Scalars['String']['output'];
  width: Scalars['Int']['output'];
};

export type LoginInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type MarketplaceSort =
  | 'INSTALLS'
  | 'NEWEST'
  | 'RATING'
  | 'RELEVANCE';

/** HIDE: the review leaves public lists; KEEP: it stays */
export type ModerationDecision =
  | 'HIDE'
  | 'KEEP';

/** An amount of money in the currency’s minor unit (cents) */
export type Money = {
  /** Minor units: 1500 = 15.00 */
  amountMinor: Scalars['Int']['output'];
  /** ISO 4217 code */
  currency: Scalars['String']['output'];
};

export type Mutation = {
  /** Join an organization your email was invited to; NOT_FOUND without an invitation */
  acceptOrganizationInvitation: Organization;
  /** Invite someone by email (organization OWNER or ADMIN): a pending invitation, listed in `invitations`, until they accept with acceptOrganizationInvitation. The answer is the same whether or not the email has an account. CONFLICT when a member already has it */
  addOrganizationMember: Organization;
  /** Register as a developer; the author id is stable forever */
  becomeDeveloper: DeveloperProfile;
  /** Claim a permanent app id; CONFLICT when taken */
  claimExtension: Extension;
  /** Take an open case; not for your own extensions */
  claimReview: ReviewCase;
  /** A new API token; the secret is shown only in this answer */
  createApiToken: CreatedApiToken;
  /** Create an organization; you become its OWNER */
  createOrganization: Organization;
  /** A slot to PUT a zip package to (expires unused) */
  createPackageUpload: PackageUpload;
  /** A runtime token for an extension you own; the secret is shown only in this answer */
  createRuntimeToken: CreatedRuntimeToken;
  /** Subscribe a URL to events you may see; the signing secret is returned only here. BAD_USER_INPUT for a non-https, private, link-local or unresolvable URL or an unknown event type */
  createWebhookEndpoint: WebhookEndpointSecret;
  /** APPROVE, REQUEST_CHANGES or REJECT a claimed case, with a reason */
  decideReview: ReviewCase;
  /** Deletes an endpoint with its deliveries */
  deleteWebhookEndpoint: Scalars['Boolean']['output'];
  /** Deprecate a published version, optionally with a sunset date */
  deprecateVersion: Deprecation;
  /** Grant REVIEWER or ADMIN (ADMIN only) */
  grantRole: User;
  /** Install with consent: CONSENT_REQUIRED lists scopes not granted; installing twice returns the same installation */
  install: Installation;
  /** Invite a tester by email to a validated version (owner) */
  inviteStagingTester: StagingInvite;
  /** UNAUTHENTICATED on wrong credentials; RATE_LIMITED after repeated failures */
  login: AuthPayload;
  /** HIDE or KEEP a reported review, with a reason (audited; REVIEWER) */
  moderateReview: Review;
  /** Unlist your extension (PAUSED): off the marketplace, no new installs; existing installations keep working */
  pauseExtension: Extension;
  /** Stop moving installations (owner or admin) */
  pauseRollout: Rollout;
  /** Write in the case thread (reviewers and the developer) */
  postReviewMessage: ReviewMessage;
  /** APPROVED → PUBLISHED; the first publish needs a complete listing. With `rollout`, only that share of installations moves at first (a staged rollout) */
  publishVersion: ExtensionVersion;
  /** Rate an extension you installed (1-5 stars, optional plain-text title and body); again to edit */
  rateExtension: Review;
  /** Send a delivery again now, with a fresh retry window. INVALID_STATE when its endpoint is disabled */
  redeliverWebhook: WebhookDelivery;
  /** List a suspended or delisted extension again, with a reason (audited; ADMIN) */
  reinstateExtension: Extension;
  /** Removes the compliance document of this kind */
  removeComplianceDocument: Scalars['Boolean']['output'];
  /** Removes one screenshot; the remaining ones keep their order */
  removeListingScreenshot: Array<ListingScreenshot>;
  /** Puts the listing's screenshots in this order (every screenshot id exactly once) */
  reorderListingScreenshots: Array<ListingScreenshot>;
  /** The developer's reply to a review of their extension; again to edit it */
  replyToReview: Review;
  /** Runtime token only: actions (tool calls) of a version in a window; the same window again replaces the count */
  reportActions: RuntimeReportReceipt;
  /** Runtime token only: errors of a version in a window; the same window again replaces the count */
  reportErrors: RuntimeReportReceipt;
  /** Runtime token only: health of an installation or a version in a window; the same window again replaces it */
  reportHealth: RuntimeReportReceipt;
  /** Report a review to the moderators (once per reporter) */
  reportReview: Scalars['Boolean']['output'];
  /** Name the staging URL where a hosted version under review answers its health path; the check runs when the version is in review (owner only). BAD_USER_INPUT for a URL the webhook guard refuses */
  requestHealthCheck: HealthCheck;
  /** Accept (granting the new scopes: CONSENT_REQUIRED otherwise) or decline; a declined offer can still be accepted */
  respondToUpgradeOffer: UpgradeOffer;
  /** List your paused extension again */
  resumeExtension: Extension;
  /** Continue a paused rollout; its health window starts again */
  resumeRollout: Rollout;
  /** Gives a failed job one more attempt now (ADMIN; audited). NOT_FOUND unless the job is failed */
  retryFailedJob: FailedJob;
  revokeApiToken: ApiToken;
  revokeRuntimeToken: RuntimeToken;
  /** Move the cohort back to the versions it came from (installation.rolled_back each) */
  rollBackRollout: Rollout;
  /** Make or replace the push-webhook secret of an extension's git repository; the secret is shown only in this answer. INVALID_STATE before a git submission */
  rotateGitWebhookSecret: GitWebhookSecret;
  /** A new secret, returned once; for `overlapSeconds` (default a day, at most 7 days) deliveries carry signatures with both */
  rotateWebhookSecret: WebhookEndpointSecret;
  /** Grant or remove the verified badge (ADMIN only); NOT_FOUND for an account without a developer profile */
  setDeveloperVerified: DeveloperProfile;
  /** AUTOMATIC (default) or MANUAL upgrades for installs of this organization */
  setUpgradePolicy: Organization;
  /** Enable (clearing its failure run) or disable an endpoint */
  setWebhookEndpointEnabled: WebhookEndpoint;
  /** Create an account; CONFLICT when the email is taken */
  signUp: AuthPayload;
  /** Submit a package (uploadId) or a git source; validation runs as a job. PACKAGE_REJECTED for an unsafe archive */
  submitVersion: ExtensionVersion;
  /** Suspend any extension, with a reason (audited; ADMIN) */
  suspendExtension: Extension;
  /** FORBIDDEN for system apps */
  uninstall: Installation;
  /** Edit your developer profile (contactPublic shows the contact email as your public support contact) */
  updateDeveloperProfile: DeveloperProfile;
  /** Edit the marketplace listing; boilerplate is refused per field */
  updateListing: Listing;
  /** A larger share (above the current one, at most 100) */
  widenRollout: Rollout;
  /** Withdraw a version not yet approved (its review closes) */
  withdrawVersion: ExtensionVersion;
};


export type MutationAcceptOrganizationInvitationArgs = {
  organizationId: Scalars['ID']['input'];
};


export type MutationAddOrganizationMemberArgs = {
  email: Scalars['String']['input'];
  organizationId: Scalars['ID']['input'];
  role: OrgRole;
};


export type MutationBecomeDeveloperArgs = {
  input: DeveloperProfileInput;
};


export type MutationClaimExtensionArgs = {
  input: ClaimExtensionInput;
};


export type MutationClaimReviewArgs = {
  caseId: Scalars['ID']['input'];
};


export type MutationCreateApiTokenArgs = {
  name: Scalars['String']['input'];
};


export type MutationCreateOrganizationArgs = {
  name: Scalars['String']['input'];
};


export type MutationCreateRuntimeTokenArgs = {
  appId: Scalars['String']['input'];
  name: Scalars['String']['input'];
};


export type MutationCreateWebhookEndpointArgs = {
  input: CreateWebhookEndpointInput;
};


export type MutationDecideReviewArgs = {
  caseId: Scalars['ID']['input'];
  decision: ReviewDecision;
  reason: Scalars['String']['input'];
};


export type MutationDeleteWebhookEndpointArgs = {
  endpointId: Scalars['ID']['input'];
};


export type MutationDeprecateVersionArgs = {
  input: DeprecateVersionInput;
};


export type MutationGrantRoleArgs = {
  role: Role;
  userId: Scalars['ID']['input'];
};


export type MutationInstallArgs = {
  input: InstallInput;
};


export type MutationInviteStagingTesterArgs = {
  email: Scalars['String']['input'];
  versionId: Scalars['ID']['input'];
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationModerateReviewArgs = {
  decision: ModerationDecision;
  reason: Scalars['String']['input'];
  reviewId: Scalars['ID']['input'];
};


export type MutationPauseExtensionArgs = {
  appId: Scalars['String']['input'];
};


export type MutationPauseRolloutArgs = {
  reason?: InputMaybe<Scalars['String']['input']>;
  versionId: Scalars['ID']['input'];
};


export type MutationPostReviewMessageArgs = {
  body: Scalars['String']['input'];
  caseId: Scalars['ID']['input'];
};


export type MutationPublishVersionArgs = {
  id: Scalars['ID']['input'];
  rollout?: InputMaybe<RolloutInput>;
};


export type MutationRateExtensionArgs = {
  input: RateExtensionInput;
};


export type MutationRedeliverWebhookArgs = {
  deliveryId: Scalars['ID']['input'];
};


export type MutationReinstateExtensionArgs = {
  appId: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRemoveComplianceDocumentArgs = {
  appId: Scalars['String']['input'];
  kind: ComplianceDocumentKind;
};


export type MutationRemoveListingScreenshotArgs = {
  appId: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationReorderListingScreenshotsArgs = {
  appId: Scalars['String']['input'];
  ids: Array<Scalars['ID']['input']>;
};


export type MutationReplyToReviewArgs = {
  body: Scalars['String']['input'];
  reviewId: Scalars['ID']['input'];
};


export type MutationReportActionsArgs = {
  count: Scalars['Int']['input'];
  versionId: Scalars['ID']['input'];
  window: ReportWindowInput;
};


export type MutationReportErrorsArgs = {
  count: Scalars['Int']['input'];
  versionId: Scalars['ID']['input'];
  window: ReportWindowInput;
};


export type MutationReportHealthArgs = {
  input: ReportHealthInput;
};


export type MutationReportReviewArgs = {
  reason?: InputMaybe<Scalars['String']['input']>;
  reviewId: Scalars['ID']['input'];
};


export type MutationRequestHealthCheckArgs = {
  stagingUrl: Scalars['String']['input'];
  versionId: Scalars['ID']['input'];
};


export type MutationRespondToUpgradeOfferArgs = {
  accept: Scalars['Boolean']['input'];
  grantedScopes?: InputMaybe<Array<Scalars['String']['input']>>;
  hostingCost?: InputMaybe<HostingCostConsentInput>;
  offerId: Scalars['ID']['input'];
};


export type MutationResumeExtensionArgs = {
  appId: Scalars['String']['input'];
};


export type MutationResumeRolloutArgs = {
  versionId: Scalars['ID']['input'];
};


export type MutationRetryFailedJobArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeRuntimeTokenArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRollBackRolloutArgs = {
  reason?: InputMaybe<Scalars['String']['input']>;
  versionId: Scalars['ID']['input'];
};


export type MutationRotateGitWebhookSecretArgs = {
  appId: Scalars['String']['input'];
};


export type MutationRotateWebhookSecretArgs = {
  endpointId: Scalars['ID']['input'];
  overlapSeconds?: Scalars['Int']['input'];
};


export type MutationSetDeveloperVerifiedArgs = {
  userId: Scalars['ID']['input'];
  verified: Scalars['Boolean']['input'];
};


export type MutationSetUpgradePolicyArgs = {
  organizationId: Scalars['ID']['input'];
  policy: UpgradePolicy;
};


export type MutationSetWebhookEndpointEnabledArgs = {
  enabled: Scalars['Boolean']['input'];
  endpointId: Scalars['ID']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationSubmitVersionArgs = {
  input: SubmitVersionInput;
};


export type MutationSuspendExtensionArgs = {
  appId: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};


export type MutationUninstallArgs = {
  installationId: Scalars['ID']['input'];
};


export type MutationUpdateDeveloperProfileArgs = {
  input: UpdateDeveloperProfileInput;
};


export type MutationUpdateListingArgs = {
  appId: Scalars['String']['input'];
  input: ListingInput;
};


export type MutationWidenRolloutArgs = {
  percent: Scalars['Int']['input'];
  versionId: Scalars['ID']['input'];
};


export type MutationWithdrawVersionArgs = {
  id: Scalars['ID']['input'];
};

export type OfferStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'OPEN'
  | 'SUPERSEDED';

export type OrgRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER';

export type Organization = {
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Pending invitations (OWNER and ADMIN; empty for other members) */
  invitations: Array<OrganizationInvitation>;
  members: Array<OrganizationMember>;
  name: Scalars['String']['output'];
  upgradePolicy: UpgradePolicy;
};

/** A pending invitation to an organization */
export type OrganizationInvitation = {
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  invitedAt: Scalars['DateTime']['output'];
  organizationId: Scalars['ID']['output'];
  /** The organization's name, so the invitee knows what they join */
  organizationName: Scalars['String']['output'];
  role: OrgRole;
};

export type OrganizationMember = {
  joinedAt: Scalars['DateTime']['output'];
  role: OrgRole;
  user: User;
};

/** The manifest an extension's packages carry: imperal.json (IMPERAL) or .kiket/manifest.yaml (KIKET) */
export type PackageFormat =
  | 'IMPERAL'
  | 'KIKET';

export type PackageUpload = {
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  maxBytes: Scalars['Int']['output'];
  status: Scalars['String']['output'];
  /** PUT the raw zip bytes here with your Authorization header */
  uploadUrl: Scalars['String']['output'];
};

export type PageInfo = {
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Placement =
  | 'MIDDLE_LIST'
  | 'SIDEBAR_BOTTOM';

/** One entry of the append-only event log */
export type PlatformEvent = {
  appId?: Maybe<Scalars['String']['output']>;
  /** Position in the log; pass as `after` to resume */
  cursor: Scalars['String']['output'];
  /** The type's payload, as documented in docs/events.md */
  data: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** Version of the documented `data` shape for this type (docs/events.md) */
  payloadVersion: Scalars['Int']['output'];
  subjectId: Scalars['String']['output'];
  subjectType: Scalars['String']['output'];
  type: Scalars['String']['output'];
  version?: Maybe<Scalars['String']['output']>;
};

export type PlatformEventEdge = {
  cursor: Scalars['String']['output'];
  node: PlatformEvent;
};

export type Query = {
  /** The audit trail, newest first (ADMIN) */
  auditLog: AuditEntryConnection;
  /** The category catalog */
  categories: Array<Category>;
  /** Replay of the event log in order: public events, plus your private ones (all for admins) */
  events: EventConnection;
  /** An extension; unpublished ones only to their owner */
  extension?: Maybe<Extension>;
  /** A version as you may see it (docs/security.md): published ones for everyone; with its report and source for the owner, reviewers and admins */
  extensionVersion?: Maybe<ExtensionVersion>;
  /** Background jobs that failed for good, most recent first (ADMIN) */
  failedJobs: FailedJobList;
  /** Managed-hosting cost per month, per installation and in total: an organization’s (members and admins) or, without one, your personal installations’ */
  hostingCost: HostingCost;
  /** The hosting tiers a managed extension can run on, with their monthly cost (docs/hosting.md) */
  hostingTiers: Array<HostingTier>;
  /** Published extensions (never system apps): search, category, sort */
  marketplace: ExtensionConnection;
  /** The caller; null when anonymous */
  me?: Maybe<User>;
  /** Extensions you own */
  myExtensions: Array<Extension>;
  /** Your installations, or an organization’s you belong to */
  myInstallations: Array<Installation>;
  /** Invitations waiting for your email */
  myOrganizationInvitations: Array<OrganizationInvitation>;
  /** Your own review of an extension (or your organization's), hidden or not */
  myReview?: Maybe<Review>;
  /** Reported reviews awaiting a decision, longest-waiting first (REVIEWER) */
  ratingModerationQueue: ReviewModerationConnection;
  /** A case, for reviewers and the extension owner */
  reviewCase?: Maybe<ReviewCase>;
  /** Review cases, oldest due date first (REVIEWER) */
  reviewQueue: ReviewCaseConnection;
  /** The rollout of a version you own (admins: any); NOT_FOUND otherwise */
  rollout: Rollout;
  /** The runtime tokens of an extension you own, newest first */
  runtimeTokens: Array<RuntimeToken>;
  /** Open (or declined) upgrade offers for your or an organization’s installations */
  upgradeOffers: Array<UpgradeOffer>;
  /** Your (or an organization’s) installations on deprecated versions, with the recommended target */
  upgradeRecommendations: Array<UpgradeRecommendation>;
  /** Your webhook endpoints */
  webhookEndpoints: Array<WebhookEndpoint>;
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  appIds?: InputMaybe<Array<Scalars['String']['input']>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type QueryExtensionArgs = {
  appId: Scalars['String']['input'];
};


export type QueryExtensionVersionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryFailedJobsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  queue?: InputMaybe<Scalars['String']['input']>;
};


export type QueryHostingCostArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMarketplaceArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<MarketplaceSort>;
};


export type QueryMyInstallationsArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMyReviewArgs = {
  appId: Scalars['String']['input'];
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRatingModerationQueueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReviewCaseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReviewQueueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  overdueOnly?: InputMaybe<Scalars['Boolean']['input']>;
  state?: InputMaybe<ReviewState>;
};


export type QueryRolloutArgs = {
  versionId: Scalars['ID']['input'];
};


export type QueryRuntimeTokensArgs = {
  appId: Scalars['String']['input'];
};


export type QueryUpgradeOffersArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryUpgradeRecommendationsArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};

export type RateExtensionInput = {
  appId: Scalars['String']['input'];
  /** Plain text, at most 4000 characters; HTML is refused */
  body?: InputMaybe<Scalars['String']['input']>;
  /** Rate for this organization (its owners and admins only) */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** 1 to 5 */
  stars: Scalars['Int']['input'];
  /** Plain text, at most 120 characters */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Visible reviews only; hidden ones count nowhere */
export type RatingSummary = {
  /** Mean stars, two decimals; null without reviews */
  average?: Maybe<Scalars['Float']['output']>;
  count: Scalars['Int']['output'];
  /** Counts of 1, 2, 3, 4 and 5 stars, in that order (always 5 entries) */
  histogram: Array<Scalars['Int']['output']>;
};

export type RenderedDocType = {
  /** Sanitized HTML (no script, handlers or inline styles) */
  html: Scalars['String']['output'];
  markdown: Scalars['String']['output'];
  path: Scalars['String']['output'];
};

export type ReportHealthInput = {
  /** Plain text, at most 2000 characters */
  detail?: InputMaybe<Scalars['String']['input']>;
  /** The installation reported on (give this or versionId) */
  installationId?: InputMaybe<Scalars['ID']['input']>;
  status: RuntimeHealthStatus;
  /** The version reported on as a whole (give this or installationId) */
  versionId?: InputMaybe<Scalars['ID']['input']>;
  window: ReportWindowInput;
};

/** The span a report covers: start < end, at most PLAZA_RUNTIME_MAX_WINDOW_SECONDS long, not in the future */
export type ReportWindowInput = {
  end: Scalars['DateTime']['input'];
  start: Scalars['DateTime']['input'];
};

/** A rating with its optional text (docs/ratings.md). The author shows as a display name only */
export type Review = {
  /** The author's display name (never an email or id) */
  authorName: Scalars['String']['output'];
  /** Plain text; links are not turned into anchors */
  body?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Written for an organization by one of its admins */
  forOrganization: Scalars['Boolean']['output'];
  /** Hidden by a moderator: seen only by its author and moderators */
  hidden: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  reply?: Maybe<ReviewReply>;
  stars: Scalars['Int']['output'];
  /** Plain text */
  title?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

export type ReviewCase = {
  assignee?: Maybe<User>;
  createdAt: Scalars['DateTime']['output'];
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  decision?: Maybe<ReviewDecision>;
  decisionReason?: Maybe<Scalars['String']['output']>;
  dueAt: Scalars['DateTime']['output'];
  /** Health checks of the version’s staging deployment (seen with the case: reviewers and the owner) */
  healthChecks: Array<HealthCheck>;
  id: Scalars['ID']['output'];
  messages: Array<ReviewMessage>;
  /** Past its due date and not decided */
  overdue: Scalars['Boolean']['output'];
  state: ReviewState;
  triggers: Array<ReviewTriggerType>;
  version: ExtensionVersion;
};

export type ReviewCaseConnection = {
  edges: Array<ReviewCaseEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ReviewCaseEdge = {
  cursor: Scalars['String']['output'];
  node: ReviewCase;
};

export type ReviewConnection = {
  edges: Array<ReviewEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ReviewDecision =
  | 'APPROVE'
  | 'REJECT'
  | 'REQUEST_CHANGES';

export type ReviewEdge = {
  cursor: Scalars['String']['output'];
  node: Review;
};

export type ReviewMessage = {
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
};

export type ReviewModerationConnection = {
  edges: Array<ReviewModerationItemEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A reported review waiting for a moderator (REVIEWER, ADMIN) */
export type ReviewModerationItem = {
  /** The appId of the reviewed extension */
  appId: Scalars['String']['output'];
  firstReportedAt: Scalars['DateTime']['output'];
  /** Reports not yet decided */
  openReports: Scalars['Int']['output'];
  /** The reporters' reasons (reporters stay anonymous) */
  reasons: Array<Scalars['String']['output']>;
  review: Review;
};

export type ReviewModerationItemEdge = {
  cursor: Scalars['String']['output'];
  node: ReviewModerationItem;
};

/** The developer's reply to a review */
export type ReviewReply = {
  /** Plain text; links are not turned into anchors */
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type ReviewState =
  | 'APPROVED'
  | 'CHANGES_REQUESTED'
  | 'IN_REVIEW'
  | 'OPEN'
  | 'REJECTED'
  | 'WITHDRAWN';

/** Why a version needs human review */
export type ReviewTriggerType = {
  /** FIRST_SUBMISSION, MAJOR_BUMP, NEW_SCOPE, DESTRUCTIVE_TOOL or EGRESS_DOMAIN */
  kind: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  value?: Maybe<Scalars['String']['output']>;
};

/** Platform roles; USER is held by every account */
export type Role =
  | 'ADMIN'
  | 'DEVELOPER'
  | 'REVIEWER'
  | 'USER';

/** A version’s rollout (docs/marketplace.md, "Staged rollouts"); its extension’s owner and admins only */
export type Rollout = {
  /** The same for the previous version over the same span */
  baselineErrorRate?: Maybe<Scalars['Float']['output']>;
  /** Installations the rollout moved to this version (less those rolled back) */
  cohortSize: Scalars['Int']['output'];
  /** Errors per action of this version since the observation window began (null: no actions) */
  errorRate?: Maybe<Scalars['Float']['output']>;
  history: Array<RolloutStep>;
  nextStepAt?: Maybe<Scalars['DateTime']['output']>;
  pausedReason?: Maybe<Scalars['String']['output']>;
  /** The share of installations (by a stable hash of the installation id) the rollout may move */
  percent: Scalars['Int']['output'];
  rolledBack: Scalars['Int']['output'];
  state: RolloutState;
  stepEveryHours?: Maybe<Scalars['Int']['output']>;
  stepPercent?: Maybe<Scalars['Int']['output']>;
  versionId: Scalars['ID']['output'];
};

export type RolloutInput = {
  /** 1 to 100 */
  percent: Scalars['Int']['input'];
  /** 1 to 8760 (a year); with stepPercent */
  stepEveryHours?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 100; with stepEveryHours */
  stepPercent?: InputMaybe<Scalars['Int']['input']>;
};

export type RolloutState =
  | 'ACTIVE'
  | 'COMPLETED'
  | 'PAUSED'
  | 'ROLLED_BACK'
  | 'ROLLING_BACK';

/** One step of a rollout: STARTED, WIDENED, PAUSED, RESUMED, COMPLETED, ROLLING_BACK, ROLLED_BACK */
export type RolloutStep = {
  action: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  baselineErrorRate?: Maybe<Scalars['Float']['output']>;
  /** A person did it (false: the schedule, the health gate or the batches) */
  byPerson: Scalars['Boolean']['output'];
  errorRate?: Maybe<Scalars['Float']['output']>;
  /** The share after this step */
  percent: Scalars['Int']['output'];
  reason?: Maybe<Scalars['String']['output']>;
};

export type RuntimeHealthSnapshot = {
  detail?: Maybe<Scalars['String']['output']>;
  /** The installation it was about; null for the version as a whole */
  installationId?: Maybe<Scalars['ID']['output']>;
  status: RuntimeHealthStatus;
  windowEnd: Scalars['DateTime']['output'];
  windowStart: Scalars['DateTime']['output'];
};

/** FAILING counts toward automatic suspension; DEGRADED and HEALTHY end a failing streak */
export type RuntimeHealthStatus =
  | 'DEGRADED'
  | 'FAILING'
  | 'HEALTHY';

/** A stored runtime report */
export type RuntimeReportReceipt = {
  /** The count stored (errors and actions reports) */
  count?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  /** True when this report replaced an earlier one for the same window */
  replaced: Scalars['Boolean']['output'];
  /** The status stored (health reports) */
  status?: Maybe<RuntimeHealthStatus>;
  windowEnd: Scalars['DateTime']['output'];
  windowStart: Scalars['DateTime']['output'];
};

/** A runtime token of an extension (docs/runtime.md); its owner and admins only */
export type RuntimeToken = {
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The first characters of the secret, to tell tokens apart */
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type SignUpInput = {
  displayName: Scalars['String']['input'];
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type StagingInvite = {
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  versionId: Scalars['ID']['output'];
};

export type SubmitVersionInput = {
  appId: Scalars['String']['input'];
  git?: InputMaybe<GitSourceInput>;
  uploadId?: InputMaybe<Scalars['ID']['input']>;
};

export type Subscription = {
  /** Live events about your own account (token created or revoked, roles, organizations) */
  accountEvents: PlatformEvent;
  /** Deprecation and sunset announcements (version.deprecated, version.sunset), optionally for some apps; with `after`, the ones missed since that cursor come first */
  deprecationNotices: PlatformEvent;
  /** Upgrade offers made to your installations (upgrade_offer.created events; data.installationId, data.newScopes); with `after`, the ones missed since that cursor come first */
  myUpgradeOffers: PlatformEvent;
  /** The event log live: first every event after `after` (your last cursor), then new ones as they commit, with no gap and no duplicate across the switch */
  releaseEvents: PlatformEvent;
};


export type SubscriptionDeprecationNoticesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  appIds?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type SubscriptionMyUpgradeOffersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
};


export type SubscriptionReleaseEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  appIds?: InputMaybe<Array<Scalars['String']['input']>>;
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type ToolSummary = {
  actionType?: Maybe<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

/** Only the fields given change */
export type UpdateDeveloperProfileInput = {
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  /** Show the contact email on your public profile as the support contact */
  contactPublic?: InputMaybe<Scalars['Boolean']['input']>;
  organizationName?: InputMaybe<Scalars['String']['input']>;
};

export type UpgradeOffer = {
  createdAt: Scalars['DateTime']['output'];
  fromVersion: ExtensionVersion;
  id: Scalars['ID']['output'];
  installation: Installation;
  /** Scopes accepting must grant */
  newScopes: Array<Scalars['String']['output']>;
  status: OfferStatus;
  toVersion: ExtensionVersion;
};

/** AUTOMATIC: compatible releases move installations; MANUAL: every release becomes an offer */
export type UpgradePolicy =
  | 'AUTOMATIC'
  | 'MANUAL';

export type UpgradeRecommendation = {
  currentVersion: ExtensionVersion;
  /** The recommended version runs on another hosting tier (docs/hosting.md) */
  hostingChange?: Maybe<HostingChange>;
  installation: Installation;
  /** Moving needs new scopes granted */
  needsConsent: Scalars['Boolean']['output'];
  newScopes: Array<Scalars['String']['output']>;
  /** Newest supported version, same major when one exists */
  recommendedVersion?: Maybe<ExtensionVersion>;
  sunsetAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A Plaza account; private fields answer null to those who may not see them (docs/security.md) */
export type User = {
  /** Your API tokens (null on anyone else) */
  apiTokens?: Maybe<Array<ApiToken>>;
  createdAt: Scalars['DateTime']['output'];
  developerProfile?: Maybe<DeveloperProfile>;
  displayName: Scalars['String']['output'];
  /** Yourself, admins and members of an organization you share */
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Organizations the account belongs to (yourself and admins; null for others) */
  organizations?: Maybe<Array<Organization>>;
  /** Effective roles, USER included (yourself and admins) */
  roles?: Maybe<Array<Role>>;
};

/** One finding of the validator suite */
export type ValidationIssueType = {
  file: Scalars['String']['output'];
  fix: Scalars['String']['output'];
  /** ERROR, WARN or INFO; only ERROR blocks */
  level: Scalars['String']['output'];
  line: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  /** The rule id from the seeds / reference (V1…V35, M0…M8.2, SKEL-GUARD-1, …) */
  rule: Scalars['String']['output'];
  /** Which side the rule read: "code" (the Python sources, parsed into the code model) or "manifest" (imperal.json, the icon, the package files); null on reports stored before the field existed */
  source?: Maybe<Scalars['String']['output']>;
};

export type ValidationReport = {
  appId?: Maybe<Scalars['String']['output']>;
  errorCount: Scalars['Int']['output'];
  eventCount: Scalars['Int']['output'];
  functionCount: Scalars['Int']['output'];
  infoCount: Scalars['Int']['output'];
  issues: Array<ValidationIssueType>;
  toolCount: Scalars['Int']['output'];
  valid: Scalars['Boolean']['output'];
  version?: Maybe<Scalars['String']['output']>;
  warningCount: Scalars['Int']['output'];
};

/** Kubernetes manifests an orchestrator can run for a published managed version */
export type VersionDeployment = {
  /** Hosts the network policy allows (exactly the declared egress) */
  allowedEgress: Array<Scalars['String']['output']>;
  /** The kinds, in document order */
  kinds: Array<Scalars['String']['output']>;
  /** Multi-document YAML: Namespace-less Deployment, Service and CiliumNetworkPolicy */
  yaml: Scalars['String']['output'];
};

/** What a version declares about hosting */
export type VersionHosting = {
  /** Normalised egress hosts (punycode, lower case) */
  egress: Array<Scalars['String']['output']>;
  healthPath: Scalars['String']['output'];
  managed: Scalars['Boolean']['output'];
  /** Monthly cost of a managed version (billed to the installing customer) */
  monthlyCost?: Maybe<Money>;
  /** null when the version is not managed and names no tier */
  tier?: Maybe<Scalars['String']['output']>;
  webhookPath?: Maybe<Scalars['String']['output']>;
};

/** What the runtime reported about a version over the last days (its owner and admins only) */
export type VersionRuntime = {
  actions: Scalars['Float']['output'];
  /** errors / actions; null with no actions */
  errorRate?: Maybe<Scalars['Float']['output']>;
  errors: Scalars['Float']['output'];
  from: Scalars['DateTime']['output'];
  healthFailures: Scalars['Int']['output'];
  healthReports: Scalars['Int']['output'];
  /** The latest health report, whenever it came */
  lastHealth?: Maybe<RuntimeHealthSnapshot>;
  to: Scalars['DateTime']['output'];
};

export type VersionSource =
  | 'GIT'
  | 'UPLOAD';

export type VersionStatus =
  | 'APPROVED'
  | 'CHANGES_REQUESTED'
  | 'DEPRECATED'
  | 'IN_REVIEW'
  | 'PENDING_REVIEW'
  | 'PUBLISHED'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'VALIDATING'
  | 'VALIDATION_FAILED'
  | 'WITHDRAWN';

/** One HTTP attempt of a delivery */
export type WebhookAttempt = {
  attemptedAt: Scalars['DateTime']['output'];
  error?: Maybe<Scalars['String']['output']>;
  latencyMs: Scalars['Int']['output'];
  /** The first 1 KiB of the response body */
  responseExcerpt?: Maybe<Scalars['String']['output']>;
  /** Null when no response arrived */
  statusCode?: Maybe<Scalars['Int']['output']>;
};

/** One event for one endpoint, retried until it succeeds or gives up */
export type WebhookDelivery = {
  /** Every attempt, oldest first */
  attemptLog: Array<WebhookAttempt>;
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  eventId: Scalars['ID']['output'];
  /** Sent as `webhook-id` (msg_<id>); the same on every attempt */
  id: Scalars['ID']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  status: WebhookDeliveryStatus;
};

export type WebhookDeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

export type WebhookEndpoint = {
  /** Empty: every app */
  appIds: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Recent deliveries, newest first */
  deliveries: Array<WebhookDelivery>;
  description?: Maybe<Scalars['String']['output']>;
  disabledReason?: Maybe<Scalars['String']['output']>;
  /** Empty: every event you may see */
  eventTypes: Array<Scalars['String']['output']>;
  /** Start of the current run of failures */
  failingSince?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Until then, deliveries are also signed with the previous secret */
  previousSecretExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  status: WebhookEndpointStatus;
  url: Scalars['String']['output'];
};


export type WebhookEndpointDeliveriesArgs = {
  first?: Scalars['Int']['input'];
};

/** An endpoint with its signing secret: shown this once, never again */
export type WebhookEndpointSecret = {
  endpoint: WebhookEndpoint;
  /** whsec_…: verify `webhook-signature` with it (Standard Webhooks) */
  secret: Scalars['String']['output'];
};

export type WebhookEndpointStatus =
  | 'ACTIVE'
  | 'DISABLED';

export type AvailabilityPauseMutationVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type AvailabilityPauseMutation = { pauseExtension: { appId: string, availability: ExtensionAvailability, availabilityReason?: string | null } };

export type AvailabilityResumeMutationVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type AvailabilityResumeMutation = { resumeExtension: { appId: string, availability: ExtensionAvailability } };

export type AvailabilitySuspendMutationVariables = Exact<{
  a: Scalars['String']['input'];
  r: Scalars['String']['input'];
}>;


export type AvailabilitySuspendMutation = { suspendExtension: { appId: string, availability: ExtensionAvailability, availabilityReason?: string | null } };

export type AvailabilityReinstateMutationVariables = Exact<{
  a: Scalars['String']['input'];
  r: Scalars['String']['input'];
}>;


export type AvailabilityReinstateMutation = { reinstateExtension: { appId: string, availability: ExtensionAvailability, availabilityReason?: string | null } };

export type AvailabilityExtensionQueryVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type AvailabilityExtensionQuery = { extension?: { appId: string, availability: ExtensionAvailability, availabilityReason?: string | null } | null };

export type AvailabilityMarketQueryVariables = Exact<{
  q: Scalars['String']['input'];
}>;


export type AvailabilityMarketQuery = { marketplace: { totalCount: number, edges: Array<{ node: { appId: string } }> } };

export type AvailabilityCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type AvailabilityCategoriesQuery = { categories: Array<{ slug: string, count: number }> };

export type AvailabilityInstallMutationVariables = Exact<{
  i: InstallInput;
}>;


export type AvailabilityInstallMutation = { install: { id: string } };

export type AvailabilityMineQueryVariables = Exact<{ [key: string]: never; }>;


export type AvailabilityMineQuery = { myInstallations: Array<{ id: string, extensionAvailability: ExtensionAvailability, extension: { appId: string, availability: ExtensionAvailability, availabilityReason?: string | null } }> };

export type AvailabilityEventsQueryVariables = Exact<{
  a?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type AvailabilityEventsQuery = { events: { edges: Array<{ node: { type: string, data: unknown } }> } };

export type ListingMediaQueryVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type ListingMediaQuery = { extension?: { listing?: { screenshots: Array<string>, supportResponseHours?: number | null, screenshotImages: Array<{ id: string, position: number, url: string, contentType: string, width: number, height: number, sizeBytes: number }>, complianceDocuments?: Array<{ id: string, kind: ComplianceDocumentKind, url: string, sha256: string, sizeBytes: number }> | null } | null } | null };

export type ReorderScreenshotsMutationVariables = Exact<{
  a: Scalars['String']['input'];
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type ReorderScreenshotsMutation = { reorderListingScreenshots: Array<{ id: string, position: number }> };

export type RemoveScreenshotMutationVariables = Exact<{
  a: Scalars['String']['input'];
  id: Scalars['ID']['input'];
}>;


export type RemoveScreenshotMutation = { removeListingScreenshot: Array<{ id: string, position: number }> };

export type RemoveComplianceDocumentMutationVariables = Exact<{
  a: Scalars['String']['input'];
  k: ComplianceDocumentKind;
}>;


export type RemoveComplianceDocumentMutation = { removeComplianceDocument: boolean };

export type ListingSlaMutationVariables = Exact<{
  a: Scalars['String']['input'];
  i: ListingInput;
}>;


export type ListingSlaMutation = { updateListing: { supportResponseHours?: number | null } };

export type MediaCreateOrgMutationVariables = Exact<{
  n: Scalars['String']['input'];
}>;


export type MediaCreateOrgMutation = { createOrganization: { id: string } };

export type MediaAddMemberMutationVariables = Exact<{
  o: Scalars['ID']['input'];
  e: Scalars['String']['input'];
  r: OrgRole;
}>;


export type MediaAddMemberMutation = { addOrganizationMember: { id: string } };

export type MediaAcceptMutationVariables = Exact<{
  o: Scalars['ID']['input'];
}>;


export type MediaAcceptMutation = { acceptOrganizationInvitation: { id: string } };

export type PrivateExtensionVersionsQueryVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type PrivateExtensionVersionsQuery = { extension?: { versions: Array<{ id: string, version?: string | null, status: VersionStatus, gitUrl?: string | null, gitRef?: string | null, gitCommitSha?: string | null, requiredBump?: string | null, manifest?: unknown | null, changeSummary?: { toolsAdded: Array<string> } | null, reviewTriggers: Array<{ reason: string }>, validationReport?: { errorCount: number } | null }> } | null, marketplace: { edges: Array<{ node: { appId: string, versions: Array<{ id: string, status: VersionStatus }> } }> } };

export type PrivateReviewCaseQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PrivateReviewCaseQuery = { reviewCase?: { assignee?: { id: string, displayName: string, email?: string | null } | null, messages: Array<{ body: string }> } | null };

export type PrivateInstallEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type PrivateInstallEventsQuery = { events: { edges: Array<{ node: { subjectId: string, data: unknown } }> } };

export type RatingsRateMutationVariables = Exact<{
  i: RateExtensionInput;
}>;


export type RatingsRateMutation = { rateExtension: { id: string, stars: number, title?: string | null, body?: string | null, authorName: string, forOrganization: boolean, hidden: boolean, reply?: { body: string } | null } };

export type RatingsReplyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  b: Scalars['String']['input'];
}>;


export type RatingsReplyMutation = { replyToReview: { id: string, reply?: { body: string, createdAt: string, updatedAt: string } | null } };

export type RatingsReportMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  r?: InputMaybe<Scalars['String']['input']>;
}>;


export type RatingsReportMutation = { reportReview: boolean };

export type RatingsModerateMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  d: ModerationDecision;
  r: Scalars['String']['input'];
}>;


export type RatingsModerateMutation = { moderateReview: { id: string, hidden: boolean } };

export type RatingsQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type RatingsQueueQuery = { ratingModerationQueue: { totalCount: number, edges: Array<{ node: { appId: string, openReports: number, reasons: Array<string>, review: { id: string, body?: string | null, hidden: boolean } } }> } };

export type RatingsMineQueryVariables = Exact<{
  a: Scalars['String']['input'];
  o?: InputMaybe<Scalars['ID']['input']>;
}>;


export type RatingsMineQuery = { myReview?: { id: string, stars: number, body?: string | null, hidden: boolean } | null };

export type RatingsListedQueryVariables = Exact<{
  a: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RatingsListedQuery = { extension?: { rating: { average?: number | null, count: number, histogram: Array<number> }, reviews: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ node: { id: string, stars: number, title?: string | null, body?: string | null, authorName: string, forOrganization: boolean, hidden: boolean, reply?: { body: string } | null } }> } } | null };

export type RatingsMarketplaceQueryVariables = Exact<{ [key: string]: never; }>;


export type RatingsMarketplaceQuery = { marketplace: { edges: Array<{ node: { appId: string, rating: { average?: number | null, count: number } } }> } };

export type RatingsUninstallMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RatingsUninstallMutation = { uninstall: { status: InstallStatus } };

export type RatingsOrgMutationVariables = Exact<{
  n: Scalars['String']['input'];
}>;


export type RatingsOrgMutation = { createOrganization: { id: string } };

export type RatingsAddMemberMutationVariables = Exact<{
  o: Scalars['ID']['input'];
  e: Scalars['String']['input'];
}>;


export type RatingsAddMemberMutation = { addOrganizationMember: { id: string } };

export type RatingsAcceptMutationVariables = Exact<{
  o: Scalars['ID']['input'];
}>;


export type RatingsAcceptMutation = { acceptOrganizationInvitation: { id: string } };

export type RuntimeCreateTokenMutationVariables = Exact<{
  a: Scalars['String']['input'];
  n: Scalars['String']['input'];
}>;


export type RuntimeCreateTokenMutation = { createRuntimeToken: { secret: string, runtimeToken: { id: string, name: string, prefix: string, revokedAt?: string | null } } };

export type RuntimeRevokeTokenMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RuntimeRevokeTokenMutation = { revokeRuntimeToken: { id: string, revokedAt?: string | null } };

export type RuntimeTokensQueryVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type RuntimeTokensQuery = { runtimeTokens: Array<{ id: string, name: string, prefix: string, lastUsedAt?: string | null, revokedAt?: string | null }> };

export type RuntimeReportErrorsMutationVariables = Exact<{
  v: Scalars['ID']['input'];
  c: Scalars['Int']['input'];
  w: ReportWindowInput;
}>;


export type RuntimeReportErrorsMutation = { reportErrors: { id: string, count?: number | null, replaced: boolean, windowStart: string, windowEnd: string } };

export type RuntimeReportActionsMutationVariables = Exact<{
  v: Scalars['ID']['input'];
  c: Scalars['Int']['input'];
  w: ReportWindowInput;
}>;


export type RuntimeReportActionsMutation = { reportActions: { id: string, count?: number | null, replaced: boolean } };

export type RuntimeReportHealthMutationVariables = Exact<{
  i: ReportHealthInput;
}>;


export type RuntimeReportHealthMutation = { reportHealth: { id: string, status?: RuntimeHealthStatus | null, replaced: boolean } };

export type RuntimeMeQueryVariables = Exact<{ [key: string]: never; }>;


export type RuntimeMeQuery = { me?: { id: string } | null };

export type RuntimeMyExtensionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RuntimeMyExtensionsQuery = { myExtensions: Array<{ appId: string }> };

export type RuntimeOfVersionQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RuntimeOfVersionQuery = { extensionVersion?: { id: string, runtime?: { actions: number, errors: number, errorRate?: number | null, healthReports: number, healthFailures: number, lastHealth?: { status: RuntimeHealthStatus, detail?: string | null, installationId?: string | null } | null } | null } | null };

export type WebhooksCreateMutationVariables = Exact<{
  i: CreateWebhookEndpointInput;
}>;


export type WebhooksCreateMutation = { createWebhookEndpoint: { secret: string, endpoint: { id: string, url: string, status: WebhookEndpointStatus, eventTypes: Array<string>, appIds: Array<string> } } };

export type WebhooksEndpointsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhooksEndpointsQuery = { webhookEndpoints: Array<{ id: string, status: WebhookEndpointStatus, disabledReason?: string | null, failingSince?: string | null, previousSecretExpiresAt?: string | null, deliveries: Array<{ id: string, eventId: string, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt?: string | null, lastStatusCode?: number | null, lastError?: string | null, attemptLog: Array<{ statusCode?: number | null, latencyMs: number, error?: string | null, responseExcerpt?: string | null }> }> }> };

export type WebhooksDisabledNoticesQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhooksDisabledNoticesQuery = { events: { edges: Array<{ node: { subjectId: string, data: unknown } }> } };

export type ScenarioGrantReviewerMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ScenarioGrantReviewerMutation = { grantRole: { id: string } };

export type ScenarioClaimMutationVariables = Exact<{
  i: ClaimExtensionInput;
}>;


export type ScenarioClaimMutation = { claimExtension: { id: string } };

export type ScenarioReviewQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type ScenarioReviewQueueQuery = { reviewQueue: { edges: Array<{ node: { id: string, version: { id: string } } }> } };

export type ScenarioClaimReviewMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ScenarioClaimReviewMutation = { claimReview: { id: string } };

export type ScenarioReviewMessageMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  b: Scalars['String']['input'];
}>;


export type ScenarioReviewMessageMutation = { postReviewMessage: { id: string } };

export type ScenarioApproveMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  r: Scalars['String']['input'];
}>;


export type ScenarioApproveMutation = { decideReview: { id: string, version: { status: VersionStatus } } };

export type ScenarioListingMutationVariables = Exact<{
  a: Scalars['String']['input'];
  i: ListingInput;
}>;


export type ScenarioListingMutation = { updateListing: { title?: string | null } };

export type ScenarioPublishMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ScenarioPublishMutation = { publishVersion: { id: string, status: VersionStatus } };

export type ScenarioListingOfQueryVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type ScenarioListingOfQuery = { extension?: { listing?: { title?: string | null } | null } | null };

export type ScenarioExtensionQueryVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type ScenarioExtensionQuery = { extension?: { id: string } | null };

export type ScenarioInstallMutationVariables = Exact<{
  i: InstallInput;
}>;


export type ScenarioInstallMutation = { install: { id: string, status: InstallStatus, source: InstallSource, placement: Placement, grantedScopes: Array<string>, organizationId?: string | null, version: { id: string, version?: string | null }, extension: { appId: string } } };

export type ScenarioScopesQueryVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type ScenarioScopesQuery = { extension?: { scopes: Array<string> } | null };


export const AvailabilityPauseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AvailabilityPause"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pauseExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityReason"}}]}}]}}]} as unknown as DocumentNode<AvailabilityPauseMutation, AvailabilityPauseMutationVariables>;
export const AvailabilityResumeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AvailabilityResume"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}}]}}]}}]} as unknown as DocumentNode<AvailabilityResumeMutation, AvailabilityResumeMutationVariables>;
export const AvailabilitySuspendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AvailabilitySuspend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"r"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suspendExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"r"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityReason"}}]}}]}}]} as unknown as DocumentNode<AvailabilitySuspendMutation, AvailabilitySuspendMutationVariables>;
export const AvailabilityReinstateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AvailabilityReinstate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"r"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reinstateExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"r"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityReason"}}]}}]}}]} as unknown as DocumentNode<AvailabilityReinstateMutation, AvailabilityReinstateMutationVariables>;
export const AvailabilityExtensionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AvailabilityExtension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityReason"}}]}}]}}]} as unknown as DocumentNode<AvailabilityExtensionQuery, AvailabilityExtensionQueryVariables>;
export const AvailabilityMarketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AvailabilityMarket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"q"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"marketplace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"q"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AvailabilityMarketQuery, AvailabilityMarketQueryVariables>;
export const AvailabilityCategoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AvailabilityCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<AvailabilityCategoriesQuery, AvailabilityCategoriesQueryVariables>;
export const AvailabilityInstallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AvailabilityInstall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"install"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AvailabilityInstallMutation, AvailabilityInstallMutationVariables>;
export const AvailabilityMineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AvailabilityMine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myInstallations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"extensionAvailability"}},{"kind":"Field","name":{"kind":"Name","value":"extension"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityReason"}}]}}]}}]}}]} as unknown as DocumentNode<AvailabilityMineQuery, AvailabilityMineQueryVariables>;
export const AvailabilityEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AvailabilityEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"extension.paused","block":false},{"kind":"StringValue","value":"extension.resumed","block":false},{"kind":"StringValue","value":"extension.suspended","block":false},{"kind":"StringValue","value":"extension.reinstated","block":false}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AvailabilityEventsQuery, AvailabilityEventsQueryVariables>;
export const ListingMediaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListingMedia"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"screenshots"}},{"kind":"Field","name":{"kind":"Name","value":"supportResponseHours"}},{"kind":"Field","name":{"kind":"Name","value":"screenshotImages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complianceDocuments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListingMediaQuery, ListingMediaQueryVariables>;
export const ReorderScreenshotsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReorderScreenshots"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reorderListingScreenshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<ReorderScreenshotsMutation, ReorderScreenshotsMutationVariables>;
export const RemoveScreenshotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveScreenshot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeListingScreenshot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<RemoveScreenshotMutation, RemoveScreenshotMutationVariables>;
export const RemoveComplianceDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveComplianceDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"k"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ComplianceDocumentKind"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeComplianceDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"k"}}}]}]}}]} as unknown as DocumentNode<RemoveComplianceDocumentMutation, RemoveComplianceDocumentMutationVariables>;
export const ListingSlaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ListingSla"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ListingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateListing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supportResponseHours"}}]}}]}}]} as unknown as DocumentNode<ListingSlaMutation, ListingSlaMutationVariables>;
export const MediaCreateOrgDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MediaCreateOrg"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"n"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"n"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<MediaCreateOrgMutation, MediaCreateOrgMutationVariables>;
export const MediaAddMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MediaAddMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"o"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"e"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"r"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrgRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addOrganizationMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"o"}}},{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"e"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"r"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<MediaAddMemberMutation, MediaAddMemberMutationVariables>;
export const MediaAcceptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MediaAccept"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"o"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptOrganizationInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"o"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<MediaAcceptMutation, MediaAcceptMutationVariables>;
export const PrivateExtensionVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrivateExtensionVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"gitRef"}},{"kind":"Field","name":{"kind":"Name","value":"gitCommitSha"}},{"kind":"Field","name":{"kind":"Name","value":"requiredBump"}},{"kind":"Field","name":{"kind":"Name","value":"changeSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"toolsAdded"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewTriggers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validationReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"manifest"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"marketplace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PrivateExtensionVersionsQuery, PrivateExtensionVersionsQueryVariables>;
export const PrivateReviewCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrivateReviewCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}}]}}]} as unknown as DocumentNode<PrivateReviewCaseQuery, PrivateReviewCaseQueryVariables>;
export const PrivateInstallEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrivateInstallEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"installation.created","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PrivateInstallEventsQuery, PrivateInstallEventsQueryVariables>;
export const RatingsRateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RatingsRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RateExtensionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rateExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stars"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"forOrganization"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}},{"kind":"Field","name":{"kind":"Name","value":"reply"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}}]}}]} as unknown as DocumentNode<RatingsRateMutation, RatingsRateMutationVariables>;
export const RatingsReplyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RatingsReply"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyToReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reviewId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reply"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RatingsReplyMutation, RatingsReplyMutationVariables>;
export const RatingsReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RatingsReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"r"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reviewId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"r"}}}]}]}}]} as unknown as DocumentNode<RatingsReportMutation, RatingsReportMutationVariables>;
export const RatingsModerateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RatingsModerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"d"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModerationDecision"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"r"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moderateReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reviewId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"decision"},"value":{"kind":"Variable","name":{"kind":"Name","value":"d"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"r"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}}]}}]}}]} as unknown as DocumentNode<RatingsModerateMutation, RatingsModerateMutationVariables>;
export const RatingsQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RatingsQueue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ratingModerationQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"openReports"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RatingsQueueQuery, RatingsQueueQueryVariables>;
export const RatingsMineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RatingsMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"o"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"o"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stars"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}}]}}]}}]} as unknown as DocumentNode<RatingsMineQuery, RatingsMineQueryVariables>;
export const RatingsListedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RatingsListed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"histogram"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stars"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"forOrganization"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}},{"kind":"Field","name":{"kind":"Name","value":"reply"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RatingsListedQuery, RatingsListedQueryVariables>;
export const RatingsMarketplaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RatingsMarketplace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"marketplace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"EnumValue","value":"RATING"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RatingsMarketplaceQuery, RatingsMarketplaceQueryVariables>;
export const RatingsUninstallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RatingsUninstall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uninstall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"installationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RatingsUninstallMutation, RatingsUninstallMutationVariables>;
export const RatingsOrgDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RatingsOrg"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"n"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"n"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RatingsOrgMutation, RatingsOrgMutationVariables>;
export const RatingsAddMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RatingsAddMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"o"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"e"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addOrganizationMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"o"}}},{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"e"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"EnumValue","value":"MEMBER"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RatingsAddMemberMutation, RatingsAddMemberMutationVariables>;
export const RatingsAcceptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RatingsAccept"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"o"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptOrganizationInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"o"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RatingsAcceptMutation, RatingsAcceptMutationVariables>;
export const RuntimeCreateTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RuntimeCreateToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"n"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRuntimeToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"n"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"runtimeToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RuntimeCreateTokenMutation, RuntimeCreateTokenMutationVariables>;
export const RuntimeRevokeTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RuntimeRevokeToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeRuntimeToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RuntimeRevokeTokenMutation, RuntimeRevokeTokenMutationVariables>;
export const RuntimeTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RuntimeTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runtimeTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RuntimeTokensQuery, RuntimeTokensQueryVariables>;
export const RuntimeReportErrorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RuntimeReportErrors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"w"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportWindowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportErrors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}},{"kind":"Argument","name":{"kind":"Name","value":"count"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}},{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"w"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"replaced"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}}]}}]}}]} as unknown as DocumentNode<RuntimeReportErrorsMutation, RuntimeReportErrorsMutationVariables>;
export const RuntimeReportActionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RuntimeReportActions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"w"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportWindowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportActions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}},{"kind":"Argument","name":{"kind":"Name","value":"count"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}},{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"w"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"replaced"}}]}}]}}]} as unknown as DocumentNode<RuntimeReportActionsMutation, RuntimeReportActionsMutationVariables>;
export const RuntimeReportHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RuntimeReportHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportHealthInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportHealth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"replaced"}}]}}]}}]} as unknown as DocumentNode<RuntimeReportHealthMutation, RuntimeReportHealthMutationVariables>;
export const RuntimeMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RuntimeMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RuntimeMeQuery, RuntimeMeQueryVariables>;
export const RuntimeMyExtensionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RuntimeMyExtensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myExtensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}}]}}]}}]} as unknown as DocumentNode<RuntimeMyExtensionsQuery, RuntimeMyExtensionsQueryVariables>;
export const RuntimeOfVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RuntimeOfVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extensionVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"runtime"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"IntValue","value":"7"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"healthReports"}},{"kind":"Field","name":{"kind":"Name","value":"healthFailures"}},{"kind":"Field","name":{"kind":"Name","value":"lastHealth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"installationId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RuntimeOfVersionQuery, RuntimeOfVersionQueryVariables>;
export const WebhooksCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebhooksCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWebhookEndpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhookEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"appIds"}}]}}]}}]}}]} as unknown as DocumentNode<WebhooksCreateMutation, WebhooksCreateMutationVariables>;
export const WebhooksEndpointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhooksEndpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookEndpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"previousSecretExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"attemptLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"responseExcerpt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebhooksEndpointsQuery, WebhooksEndpointsQueryVariables>;
export const WebhooksDisabledNoticesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhooksDisabledNotices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"webhook.endpoint_disabled","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebhooksDisabledNoticesQuery, WebhooksDisabledNoticesQueryVariables>;
export const ScenarioGrantReviewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioGrantReviewer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"EnumValue","value":"REVIEWER"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ScenarioGrantReviewerMutation, ScenarioGrantReviewerMutationVariables>;
export const ScenarioClaimDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioClaim"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClaimExtensionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ScenarioClaimMutation, ScenarioClaimMutationVariables>;
export const ScenarioReviewQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScenarioReviewQueue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ScenarioReviewQueueQuery, ScenarioReviewQueueQueryVariables>;
export const ScenarioClaimReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioClaimReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ScenarioClaimReviewMutation, ScenarioClaimReviewMutationVariables>;
export const ScenarioReviewMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioReviewMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postReviewMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ScenarioReviewMessageMutation, ScenarioReviewMessageMutationVariables>;
export const ScenarioApproveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioApprove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"r"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"decision"},"value":{"kind":"EnumValue","value":"APPROVE"}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"r"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ScenarioApproveMutation, ScenarioApproveMutationVariables>;
export const ScenarioListingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioListing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ListingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateListing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<ScenarioListingMutation, ScenarioListingMutationVariables>;
export const ScenarioPublishDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioPublish"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ScenarioPublishMutation, ScenarioPublishMutationVariables>;
export const ScenarioListingOfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScenarioListingOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<ScenarioListingOfQuery, ScenarioListingOfQueryVariables>;
export const ScenarioExtensionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScenarioExtension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ScenarioExtensionQuery, ScenarioExtensionQueryVariables>;
export const ScenarioInstallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioInstall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"install"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"placement"}},{"kind":"Field","name":{"kind":"Name","value":"grantedScopes"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"extension"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}}]}}]}}]}}]} as unknown as DocumentNode<ScenarioInstallMutation, ScenarioInstallMutationVariables>;
export const ScenarioScopesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScenarioScopes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}}]}}]} as unknown as DocumentNode<ScenarioScopesQuery, ScenarioScopesQueryVariables>;