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
  /** The `SafeInt` scalar type represents non-fractional signed whole numeric values that are considered safe as defined by the ECMAScript specification. */
  SafeInt: { input: any; output: any; }
};

/** DAY, WEEK (ISO weeks, Monday first) or MONTH, in UTC */
export type AnalyticsGranularity =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

/** One period of an extension's figures (docs/analytics.md) */
export type AnalyticsPoint = {
  /** Tool calls the runtime reported */
  actions: Scalars['Float']['output'];
  /** Active installations at the end of the period */
  activeInstallations: Scalars['Int']['output'];
  /** errors / actions; null without actions */
  errorRate?: Maybe<Scalars['Float']['output']>;
  /** Errors the runtime reported */
  errors: Scalars['Float']['output'];
  /** New installations */
  installs: Scalars['Int']['output'];
  /** Accepted / (accepted + declined) answers in the period; null without answers */
  offerAcceptRate?: Maybe<Scalars['Float']['output']>;
  offersAccepted: Scalars['Int']['output'];
  /** Upgrade offers made (new scopes to consent to) */
  offersCreated: Scalars['Int']['output'];
  offersDeclined: Scalars['Int']['output'];
  /** Last day of the period (YYYY-MM-DD, UTC), clipped to the range */
  periodEnd: Scalars['String']['output'];
  /** First day of the period (YYYY-MM-DD, UTC), clipped to the range */
  periodStart: Scalars['String']['output'];
  /** Mean stars of the visible ratings at the end of the period; null without ratings */
  ratingAverage?: Maybe<Scalars['Float']['output']>;
  /** Visible ratings at the end of the period */
  ratingCount: Scalars['Int']['output'];
  /** Ratings first written in the period */
  ratingsNew: Scalars['Int']['output'];
  uninstalls: Scalars['Int']['output'];
  /** Installations moved to a newer version (accepted offers and automatic rollouts) */
  upgrades: Scalars['Int']['output'];
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

/** An attestation with its raw document (owner, reviewers, admins) */
export type Attestation = {
  attachedAt: Scalars['DateTime']['output'];
  /** The document as attached (parsed JSON) */
  document: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  kind: AttestationKind;
  sha256: Scalars['String']['output'];
  sizeBytes: Scalars['Int']['output'];
  summary: AttestationSummary;
};

/** CYCLONEDX or SPDX (an SBOM, JSON) or IN_TOTO (an in-toto statement, e.g. SLSA provenance; plain or in a DSSE envelope) */
export type AttestationKind =
  | 'CYCLONEDX'
  | 'IN_TOTO'
  | 'SPDX';

/** What an attestation says, parsed when it was attached (public once the version is published) */
export type AttestationSummary = {
  attachedAt: Scalars['DateTime']['output'];
  attestationId: Scalars['ID']['output'];
  /** SLSA provenance: the builder id */
  builderId?: Maybe<Scalars['String']['output']>;
  /** SBOM: components (CycloneDX, nested included) or packages (SPDX) */
  componentCount?: Maybe<Scalars['Int']['output']>;
  /** SBOM: what it describes (name@version) */
  describes?: Maybe<Scalars['String']['output']>;
  /** DSSE or SIGSTORE_BUNDLE when the statement came in an envelope */
  envelope?: Maybe<Scalars['String']['output']>;
  /** e.g. "CycloneDX 1.5", "SPDX-2.3", "in-toto Statement v1" */
  format: Scalars['String']['output'];
  kind: AttestationKind;
  /** SBOM: distinct SPDX license ids and license names, sorted (at most 100) */
  licenses: Array<Scalars['String']['output']>;
  /** More distinct licenses than `licenses` lists */
  licensesTruncated: Scalars['Boolean']['output'];
  /** in-toto: the predicate type (https://slsa.dev/provenance/v1 for SLSA provenance) */
  predicateType?: Maybe<Scalars['String']['output']>;
  /** sha256 of the document as attached */
  sha256: Scalars['String']['output'];
  /** Signatures the envelope carries. Plaza does not verify them (docs/trust.md) */
  signatureCount: Scalars['Int']['output'];
  /** SLSA provenance: the source repository built */
  sourceRepository?: Maybe<Scalars['String']['output']>;
  /** in-toto: whether a subject's sha256 is this version's package sha256 (null for SBOMs) */
  subjectMatchesPackage?: Maybe<Scalars['Boolean']['output']>;
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

export type BillingInterval =
  | 'MONTH'
  | 'YEAR';

/** A paid installation's subscription (its customer and admins only) */
export type BillingSubscription = {
  /** CANCELING: the end of the period the cancellation was asked in */
  cancelAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  installationId: Scalars['ID']['output'];
  /** A newer price offered after a price change, until accepted */
  offeredPricing?: Maybe<ExtensionPricing>;
  organizationId?: Maybe<Scalars['ID']['output']>;
  /** The price in force for this subscriber */
  pricing: ExtensionPricing;
  startedAt: Scalars['DateTime']['output'];
  status: SubscriptionStatus;
  trialEndsAt?: Maybe<Scalars['DateTime']['output']>;
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

/** What you earned in one period and currency */
export type DeveloperEarnings = {
  currency: Scalars['String']['output'];
  developerMinor: Scalars['SafeInt']['output'];
  grossMinor: Scalars['SafeInt']['output'];
  lines: Array<EarningsLine>;
  period: Scalars['String']['output'];
  platformFeeMinor: Scalars['SafeInt']['output'];
  /** Refunded to customers from these lines */
  refundedMinor: Scalars['SafeInt']['output'];
  /** Your share reversed by refunds made in this period */
  reversedMinor: Scalars['SafeInt']['output'];
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

/** A paid line of one of your extensions, split by the share in force at charge time */
export type EarningsLine = {
  amountMinor: Scalars['SafeInt']['output'];
  description: Scalars['String']['output'];
  developerAmountMinor: Scalars['SafeInt']['output'];
  /** Your share in basis points (8000 = 80 %) */
  developerShareBps: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: InvoiceLineKind;
  platformFeeMinor: Scalars['SafeInt']['output'];
  refundedMinor: Scalars['SafeInt']['output'];
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
  /** The price new installs pay; null: free */
  pricing?: Maybe<ExtensionPricing>;
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

/** An extension's analytics over a range (docs/analytics.md); its owner and admins only */
export type ExtensionAnalytics = {
  appId: Scalars['String']['output'];
  /** The last day the rollup computed after the day ended; later days are partial (today) or not computed yet */
  computedThrough?: Maybe<Scalars['String']['output']>;
  /** YYYY-MM-DD (UTC) */
  from: Scalars['String']['output'];
  granularity: AnalyticsGranularity;
  /** One point per period, oldest first, every period of the range present */
  points: Array<AnalyticsPoint>;
  /** YYYY-MM-DD (UTC) */
  to: Scalars['String']['output'];
  /** Versions with figures in the range, oldest first */
  versions: Array<VersionAnalytics>;
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

/** One revision of an extension's price (docs/billing.md). Amounts in minor units */
export type ExtensionPricing = {
  /** USAGE: the most one period costs */
  capMinor?: Maybe<Scalars['SafeInt']['output']>;
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  /** Acknowledge this id (InstallInput.price.pricingId) to install a paid extension */
  id: Scalars['ID']['output'];
  /** USAGE: units per period that cost nothing */
  includedUnits?: Maybe<Scalars['SafeInt']['output']>;
  /** FLAT: billed every month or every year */
  interval?: Maybe<BillingInterval>;
  model: PricingModel;
  /** FLAT: the price per interval */
  priceMinor?: Maybe<Scalars['SafeInt']['output']>;
  revision: Scalars['Int']['output'];
  trialDays?: Maybe<Scalars['Int']['output']>;
  /** USAGE: what a unit is (e.g. "request") */
  unitName?: Maybe<Scalars['String']['output']>;
  unitPriceMinor?: Maybe<Scalars['SafeInt']['output']>;
};

export type ExtensionVersion = {
  /** What its SBOMs and provenance say (formats, component counts, licenses, builder, source): public once the version is published; empty before for all but its owner, reviewers and admins */
  attestationSummaries: Array<AttestationSummary>;
  /** Attached attestations with their raw documents (owner, reviewers, admins; null for others) */
  attestations?: Maybe<Array<Attestation>>;
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
  /** The validator rule-set version that judged its validation report (owner, reviewers, admins; null for others and for reports from before rule-set versions) */
  ruleSetVersion?: Maybe<Scalars['String']['output']>;
  /** Runtime reports of the last `days` days; null unless you own the extension (or are an admin) */
  runtime?: Maybe<VersionRuntime>;
  /** Issues rescans with newer validator rule sets found that its original report does not hold, errors first (owner, reviewers, admins; null for others) */
  securityFindings?: Maybe<Array<SecurityFinding>>;
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
  /** For a paid extension: the price revision shown (Extension.pricing.id); CONSENT_REQUIRED carries missingPrice when missing or outdated */
  price?: InputMaybe<PriceConsentInput>;
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
  /** The extension's availability, or SUSPENDED when the installed version is: anything but LISTED flags an installation whose extension was paused, suspended or delisted (it keeps working) */
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

/** A customer's invoice for one period and currency (docs/billing.md); written once by the period close */
export type Invoice = {
  currency: Scalars['String']['output'];
  finalizedAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lines: Array<InvoiceLine>;
  organizationId?: Maybe<Scalars['ID']['output']>;
  /** YYYY-MM */
  period: Scalars['String']['output'];
  periodEnd: Scalars['DateTime']['output'];
  periodStart: Scalars['DateTime']['output'];
  totalMinor: Scalars['SafeInt']['output'];
};

/** A line of a customer's invoice */
export type InvoiceLine = {
  amountMinor: Scalars['SafeInt']['output'];
  currency: Scalars['String']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: InvoiceLineKind;
  quantity: Scalars['SafeInt']['output'];
  refundedMinor: Scalars['SafeInt']['output'];
};

export type InvoiceLineKind =
  | 'HOSTING'
  | 'SUBSCRIPTION'
  | 'USAGE';

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

export type MarkedSdkUnsupported = {
  /** Extensions whose live version is on it, each notified by extension.sdk_unsupported */
  notifiedExtensions: Scalars['Int']['output'];
  unsupportedSdk: UnsupportedSdk;
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
  /** Move your subscription to the price offered after a price change */
  acceptPriceChange: BillingSubscription;
  /** Invite someone by email (organization OWNER or ADMIN): a pending invitation, listed in `invitations`, until they accept with acceptOrganizationInvitation. The answer is the same whether or not the email has an account. CONFLICT when a member already has it */
  addOrganizationMember: Organization;
  /** Attach a CycloneDX or SPDX SBOM (JSON) or an in-toto statement / SLSA provenance (plain, DSSE envelope or Sigstore bundle) to your version. ATTESTATION_REJECTED (with a stable reason) for a document that does not parse or validate, PAYLOAD_TOO_LARGE over PLAZA_ATTESTATION_MAX_BYTES, CONFLICT when it is already attached */
  attachAttestation: Attestation;
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
  /** Mark an SDK range unsupported: extensions on it are notified and delisted after the grace period unless updated (ADMIN) */
  markSdkUnsupported: MarkedSdkUnsupported;
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
  /** Runtime token only: units used by an installation of the token's extension; the same idempotencyKey counts once */
  recordUsage: UsageRecord;
  /** Send a delivery again now, with a fresh retry window. INVALID_STATE when its endpoint is disabled */
  redeliverWebhook: WebhookDelivery;
  /** Refund (part of) an invoice line; the developer's share is reversed proportionally (ADMIN) */
  refund: Refund;
  /** List a suspended or delisted extension again, with a reason (audited; ADMIN) */
  reinstateExtension: Extension;
  /** Put a SUSPENDED version back to PUBLISHED, with a reason (audited; ADMIN) */
  reinstateVersion: ExtensionVersion;
  /** Remove an attestation from your version */
  removeAttestation: Scalars['Boolean']['output'];
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
  /** A new price for your extension (a published one must be paused first); subscribers keep theirs until they accept */
  setPricing: ExtensionPricing;
  /** A developer's revenue-share override in basis points (null removes it) and optionally their tier (ADMIN) */
  setRevenueShareOverride: RevenueShareTerms;
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


export type MutationAcceptPriceChangeArgs = {
  subscriptionId: Scalars['ID']['input'];
};


export type MutationAddOrganizationMemberArgs = {
  email: Scalars['String']['input'];
  organizationId: Scalars['ID']['input'];
  role: OrgRole;
};


export type MutationAttachAttestationArgs = {
  document: Scalars['String']['input'];
  versionId: Scalars['ID']['input'];
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


export type MutationMarkSdkUnsupportedArgs = {
  range: Scalars['String']['input'];
  reason: Scalars['String']['input'];
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


export type MutationRecordUsageArgs = {
  input: UsageInput;
};


export type MutationRedeliverWebhookArgs = {
  deliveryId: Scalars['ID']['input'];
};


export type MutationRefundArgs = {
  amountMinor: Scalars['SafeInt']['input'];
  invoiceLineId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationReinstateExtensionArgs = {
  appId: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};


export type MutationReinstateVersionArgs = {
  reason: Scalars['String']['input'];
  versionId: Scalars['ID']['input'];
};


export type MutationRemoveAttestationArgs = {
  id: Scalars['ID']['input'];
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


export type MutationSetPricingArgs = {
  appId: Scalars['String']['input'];
  input: PricingInput;
};


export type MutationSetRevenueShareOverrideArgs = {
  developerId: Scalars['ID']['input'];
  developerShareBps?: InputMaybe<Scalars['SafeInt']['input']>;
  reason: Scalars['String']['input'];
  tier?: InputMaybe<Scalars['String']['input']>;
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

/** A monthly payout and its statement (CSV and PDF downloads, owner only) */
export type PayoutStatement = {
  amountMinor: Scalars['SafeInt']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** GET with your Authorization header */
  csvPath: Scalars['String']['output'];
  currency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** GET with your Authorization header */
  pdfPath: Scalars['String']['output'];
  period: Scalars['String']['output'];
  provider: Scalars['String']['output'];
  providerReference?: Maybe<Scalars['String']['output']>;
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

export type PriceConsentInput = {
  pricingId: Scalars['ID']['input'];
};

export type PricingInput = {
  capMinor?: InputMaybe<Scalars['SafeInt']['input']>;
  /** ISO 4217 code; required unless FREE */
  currency?: InputMaybe<Scalars['String']['input']>;
  includedUnits?: InputMaybe<Scalars['SafeInt']['input']>;
  interval?: InputMaybe<BillingInterval>;
  model: PricingModel;
  priceMinor?: InputMaybe<Scalars['SafeInt']['input']>;
  trialDays?: InputMaybe<Scalars['Int']['input']>;
  unitName?: InputMaybe<Scalars['String']['input']>;
  unitPriceMinor?: InputMaybe<Scalars['SafeInt']['input']>;
};

export type PricingModel =
  | 'FLAT'
  | 'FREE'
  | 'USAGE';

export type Query = {
  /** The audit trail, newest first (ADMIN) */
  auditLog: AuditEntryConnection;
  /** The category catalog */
  categories: Array<Category>;
  /** What your extensions earned in a period (YYYY-MM; the current month when absent), per currency */
  developerEarnings: Array<DeveloperEarnings>;
  /** Replay of the event log in order: public events, plus your private ones (all for admins) */
  events: EventConnection;
  /** An extension; unpublished ones only to their owner */
  extension?: Maybe<Extension>;
  /** Installs, active installations, upgrade adoption per version, offer answers, runtime actions and errors, and ratings of your extension, by DAY (at most 366 days), WEEK or MONTH (at most 1098 days); from and to are UTC days (YYYY-MM-DD), to no later than today. Owner and admins only */
  extensionAnalytics: ExtensionAnalytics;
  /** A version as you may see it (docs/security.md): published ones for everyone; with its report and source for the owner, reviewers and admins */
  extensionVersion?: Maybe<ExtensionVersion>;
  /** Background jobs that failed for good, most recent first (ADMIN) */
  failedJobs: FailedJobList;
  /** Managed-hosting cost per month, per installation and in total: an organization’s (members and admins) or, without one, your personal installations’ */
  hostingCost: HostingCost;
  /** The hosting tiers a managed extension can run on, with their monthly cost (docs/hosting.md) */
  hostingTiers: Array<HostingTier>;
  /** One of your invoices (NOT_FOUND for anyone else's) */
  invoice: Invoice;
  /** Published extensions (never system apps): search, category, sort */
  marketplace: ExtensionConnection;
  /** The caller; null when anonymous */
  me?: Maybe<User>;
  /** Extensions you own */
  myExtensions: Array<Extension>;
  /** Your installations, or an organization’s you belong to */
  myInstallations: Array<Installation>;
  /** Your invoices, or an organization's (its owners and admins), newest first */
  myInvoices: Array<Invoice>;
  /** Invitations waiting for your email */
  myOrganizationInvitations: Array<OrganizationInvitation>;
  /** Your developer tier and the revenue share in force */
  myRevenueShare: RevenueShareTerms;
  /** Your own review of an extension (or your organization's), hidden or not */
  myReview?: Maybe<Review>;
  /** Your subscriptions, or an organization's (its owners and admins) */
  mySubscriptions: Array<BillingSubscription>;
  /** Your monthly payouts with their statements, newest first */
  payoutStatements: Array<PayoutStatement>;
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
  /** The current validator rule set's rescan of published versions; null before it starts (ADMIN) */
  securityRescan?: Maybe<SecurityRescan>;
  /** SDK ranges marked unsupported, newest first (ADMIN) */
  unsupportedSdks: Array<UnsupportedSdk>;
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


export type QueryDeveloperEarningsArgs = {
  period?: InputMaybe<Scalars['String']['input']>;
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


export type QueryExtensionAnalyticsArgs = {
  appId: Scalars['String']['input'];
  from: Scalars['String']['input'];
  granularity?: AnalyticsGranularity;
  to: Scalars['String']['input'];
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


export type QueryInvoiceArgs = {
  id: Scalars['ID']['input'];
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


export type QueryMyInvoicesArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMyReviewArgs = {
  appId: Scalars['String']['input'];
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMySubscriptionsArgs = {
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

export type Refund = {
  amountMinor: Scalars['SafeInt']['output'];
  createdAt: Scalars['DateTime']['output'];
  developerReversalMinor: Scalars['SafeInt']['output'];
  id: Scalars['ID']['output'];
  invoiceLineId: Scalars['ID']['output'];
  platformReversalMinor: Scalars['SafeInt']['output'];
  reason: Scalars['String']['output'];
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

/** A developer's tier and revenue share in force */
export type RevenueShareTerms = {
  developerId: Scalars['ID']['output'];
  developerShareBps: Scalars['Int']['output'];
  /** An admin's per-developer override is in force */
  overridden: Scalars['Boolean']['output'];
  /** Paid extensions allowed; null: unlimited */
  paidAppLimit?: Maybe<Scalars['Int']['output']>;
  tier: Scalars['String']['output'];
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
  /** SUBMISSION (its decision moves the version) or RESCAN (a published version with new security findings; its decision moves nothing) */
  kind: ReviewCaseKind;
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

export type ReviewCaseKind =
  | 'RESCAN'
  | 'SUBMISSION';

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

/** An issue a rescan with a newer validator rule set found on a published version, not in its original report (owner, reviewers, admins) */
export type SecurityFinding = {
  /** Path in the package ('' for the package as a whole) */
  file: Scalars['String']['output'];
  /** The rule set whose rescan first found it */
  firstSeenRuleSetVersion: Scalars['String']['output'];
  fix: Scalars['String']['output'];
  foundAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The latest rule set whose rescan found it */
  lastSeenRuleSetVersion: Scalars['String']['output'];
  /** ERROR or WARN; an ERROR opens a RESCAN review case */
  level: Scalars['String']['output'];
  line: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  /** The RESCAN review case it opened or joined (ERRORs only) */
  reviewCaseId?: Maybe<Scalars['ID']['output']>;
  /** The rule id (docs/validation.md) */
  rule: Scalars['String']['output'];
};

/** The rescan of published versions under one validator rule set (admins) */
export type SecurityRescan = {
  /** Versions whose package could not be judged */
  failedCount: Scalars['Int']['output'];
  /** New findings stored */
  findingCount: Scalars['Int']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  ruleSetVersion: Scalars['String']['output'];
  /** Versions judged again */
  scannedCount: Scalars['Int']['output'];
  startedAt: Scalars['DateTime']['output'];
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

export type SubscriptionStatus =
  | 'ACTIVE'
  | 'CANCELED'
  | 'CANCELING';

export type ToolSummary = {
  actionType?: Maybe<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

/** An SDK range the platform no longer supports (docs/runtime.md, "SDK delisting"; ADMIN) */
export type UnsupportedSdk = {
  /** Extensions still on it after this are delisted */
  delistAfter: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  markedAt: Scalars['DateTime']['output'];
  /** A semver range matched against manifests' sdk_version */
  range: Scalars['String']['output'];
  reason: Scalars['String']['output'];
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

export type UsageInput = {
  /** The same key is counted once (per installation) */
  idempotencyKey: Scalars['String']['input'];
  installationId: Scalars['ID']['input'];
  occurredAt: Scalars['DateTime']['input'];
  units: Scalars['SafeInt']['input'];
};

export type UsageRecord = {
  /** This key was already recorded: nothing new was counted */
  duplicate: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** YYYY-MM: the period the units are billed in */
  period: Scalars['String']['output'];
  units: Scalars['SafeInt']['output'];
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

export type VersionAnalytics = {
  points: Array<VersionAnalyticsPoint>;
  version?: Maybe<Scalars['String']['output']>;
  versionId: Scalars['ID']['output'];
};

/** One period of one version's figures: adoption, offers to it, runtime usage */
export type VersionAnalyticsPoint = {
  actions: Scalars['Float']['output'];
  /** Installations on this version at the end of the period */
  activeInstallations: Scalars['Int']['output'];
  /** Share (0..1) of the extension's active installations on this version at the end of the period */
  adoption?: Maybe<Scalars['Float']['output']>;
  errorRate?: Maybe<Scalars['Float']['output']>;
  errors: Scalars['Float']['output'];
  /** New installations made on this version */
  installs: Scalars['Int']['output'];
  offerAcceptRate?: Maybe<Scalars['Float']['output']>;
  offersAccepted: Scalars['Int']['output'];
  /** Upgrade offers to this version made in the period */
  offersCreated: Scalars['Int']['output'];
  offersDeclined: Scalars['Int']['output'];
  periodEnd: Scalars['String']['output'];
  periodStart: Scalars['String']['output'];
  /** Installations removed while on this version */
  uninstalls: Scalars['Int']['output'];
  /** Installations that moved to this version */
  upgradesIn: Scalars['Int']['output'];
  /** Installations that left this version for a newer one */
  upgradesOut: Scalars['Int']['output'];
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
  | 'SUSPENDED'
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

export type AnalyticsOfQueryVariables = Exact<{
  a: Scalars['String']['input'];
  f: Scalars['String']['input'];
  t: Scalars['String']['input'];
  g?: InputMaybe<AnalyticsGranularity>;
}>;


export type AnalyticsOfQuery = { extensionAnalytics: { appId: string, from: string, to: string, granularity: AnalyticsGranularity, computedThrough?: string | null, points: Array<{ periodStart: string, periodEnd: string, installs: number, uninstalls: number, upgrades: number, activeInstallations: number, offersCreated: number, offersAccepted: number, offersDeclined: number, offerAcceptRate?: number | null, actions: number, errors: number, errorRate?: number | null, ratingsNew: number, ratingCount: number, ratingAverage?: number | null }>, versions: Array<{ versionId: string, version?: string | null, points: Array<{ periodStart: string, installs: number, uninstalls: number, upgradesIn: number, upgradesOut: number, activeInstallations: number, adoption?: number | null, offersCreated: number, offersAccepted: number, offersDeclined: number, offerAcceptRate?: number | null, actions: number, errors: number, errorRate?: number | null }> }> } };

export type AnalyticsUninstallMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AnalyticsUninstallMutation = { uninstall: { status: InstallStatus } };

export type AnalyticsOffersQueryVariables = Exact<{ [key: string]: never; }>;


export type AnalyticsOffersQuery = { upgradeOffers: Array<{ id: string, toVersion: { version?: string | null } }> };

export type AnalyticsRespondMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  a: Scalars['Boolean']['input'];
  s?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type AnalyticsRespondMutation = { respondToUpgradeOffer: { status: OfferStatus } };

export type AnalyticsRateMutationVariables = Exact<{
  i: RateExtensionInput;
}>;


export type AnalyticsRateMutation = { rateExtension: { id: string } };

export type AnalyticsRuntimeTokenMutationVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type AnalyticsRuntimeTokenMutation = { createRuntimeToken: { secret: string } };

export type AnalyticsActionsMutationVariables = Exact<{
  v: Scalars['ID']['input'];
  c: Scalars['Int']['input'];
  w: ReportWindowInput;
}>;


export type AnalyticsActionsMutation = { reportActions: { replaced: boolean } };

export type AnalyticsErrorsMutationVariables = Exact<{
  v: Scalars['ID']['input'];
  c: Scalars['Int']['input'];
  w: ReportWindowInput;
}>;


export type AnalyticsErrorsMutation = { reportErrors: { replaced: boolean } };

export type BillingSetPricingMutationVariables = Exact<{
  a: Scalars['String']['input'];
  i: PricingInput;
}>;


export type BillingSetPricingMutation = { setPricing: { id: string, revision: number, model: PricingModel, interval?: BillingInterval | null, priceMinor?: any | null, currency: string, unitName?: string | null, unitPriceMinor?: any | null, includedUnits?: any | null, capMinor?: any | null, trialDays?: number | null } };

export type BillingPricingOfQueryVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type BillingPricingOfQuery = { extension?: { pricing?: { id: string, revision: number, model: PricingModel, priceMinor?: any | null, currency: string } | null } | null };

export type BillingInstallMutationVariables = Exact<{
  i: InstallInput;
}>;


export type BillingInstallMutation = { install: { id: string, status: InstallStatus } };

export type BillingUninstallMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BillingUninstallMutation = { uninstall: { id: string, status: InstallStatus } };

export type BillingSubscriptionsQueryVariables = Exact<{
  o?: InputMaybe<Scalars['ID']['input']>;
}>;


export type BillingSubscriptionsQuery = { mySubscriptions: Array<{ id: string, installationId: string, status: SubscriptionStatus, cancelAt?: string | null, trialEndsAt?: string | null, pricing: { id: string, priceMinor?: any | null }, offeredPricing?: { id: string, priceMinor?: any | null } | null }> };

export type BillingAcceptMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BillingAcceptMutation = { acceptPriceChange: { id: string, status: SubscriptionStatus, pricing: { id: string, priceMinor?: any | null }, offeredPricing?: { id: string } | null } };

export type BillingRuntimeTokenMutationVariables = Exact<{
  a: Scalars['String']['input'];
  n: Scalars['String']['input'];
}>;


export type BillingRuntimeTokenMutation = { createRuntimeToken: { secret: string, runtimeToken: { id: string } } };

export type BillingRevokeRuntimeTokenMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BillingRevokeRuntimeTokenMutation = { revokeRuntimeToken: { id: string, revokedAt?: string | null } };

export type BillingRecordUsageMutationVariables = Exact<{
  i: UsageInput;
}>;


export type BillingRecordUsageMutation = { recordUsage: { id: string, units: any, period: string, duplicate: boolean } };

export type BillingInvoicesQueryVariables = Exact<{
  o?: InputMaybe<Scalars['ID']['input']>;
}>;


export type BillingInvoicesQuery = { myInvoices: Array<{ id: string, period: string, currency: string, totalMinor: any, organizationId?: string | null, lines: Array<{ id: string, kind: InvoiceLineKind, description: string, quantity: any, amountMinor: any, refundedMinor: any, currency: string }> }> };

export type BillingInvoiceQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BillingInvoiceQuery = { invoice: { id: string, totalMinor: any, lines: Array<{ id: string, amountMinor: any }> } };

export type BillingEarningsQueryVariables = Exact<{
  p?: InputMaybe<Scalars['String']['input']>;
}>;


export type BillingEarningsQuery = { developerEarnings: Array<{ period: string, currency: string, grossMinor: any, developerMinor: any, platformFeeMinor: any, refundedMinor: any, reversedMinor: any, lines: Array<{ id: string, kind: InvoiceLineKind, amountMinor: any, developerShareBps: number, developerAmountMinor: any, platformFeeMinor: any, refundedMinor: any }> }> };

export type BillingPayoutsQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingPayoutsQuery = { payoutStatements: Array<{ id: string, period: string, currency: string, amountMinor: any, provider: string, providerReference?: string | null, csvPath: string, pdfPath: string }> };

export type BillingRefundMutationVariables = Exact<{
  l: Scalars['ID']['input'];
  a: Scalars['SafeInt']['input'];
  r: Scalars['String']['input'];
}>;


export type BillingRefundMutation = { refund: { id: string, amountMinor: any, developerReversalMinor: any, platformReversalMinor: any } };

export type BillingOverrideMutationVariables = Exact<{
  d: Scalars['ID']['input'];
  b?: InputMaybe<Scalars['SafeInt']['input']>;
  r: Scalars['String']['input'];
  t?: InputMaybe<Scalars['String']['input']>;
}>;


export type BillingOverrideMutation = { setRevenueShareOverride: { developerId: string, tier: string, developerShareBps: number, overridden: boolean, paidAppLimit?: number | null } };

export type BillingPauseMutationVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type BillingPauseMutation = { pauseExtension: { appId: string } };

export type BillingResumeMutationVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type BillingResumeMutation = { resumeExtension: { appId: string } };

export type BillingMarketplaceQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingMarketplaceQuery = { marketplace: { edges: Array<{ node: { appId: string, pricing?: { id: string, priceMinor?: any | null } | null } }> } };

export type BillingScopesQueryVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type BillingScopesQuery = { extension?: { scopes: Array<string> } | null };

export type BillingMyShareQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingMyShareQuery = { myRevenueShare: { tier: string, developerShareBps: number, overridden: boolean } };

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

export type SuspensionTokenMutationVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type SuspensionTokenMutation = { createRuntimeToken: { secret: string } };

export type SuspensionHealthMutationVariables = Exact<{
  i: ReportHealthInput;
}>;


export type SuspensionHealthMutation = { reportHealth: { id: string } };

export type SuspensionErrorsMutationVariables = Exact<{
  v: Scalars['ID']['input'];
  c: Scalars['Int']['input'];
  w: ReportWindowInput;
}>;


export type SuspensionErrorsMutation = { reportErrors: { id: string } };

export type SuspensionActionsMutationVariables = Exact<{
  v: Scalars['ID']['input'];
  c: Scalars['Int']['input'];
  w: ReportWindowInput;
}>;


export type SuspensionActionsMutation = { reportActions: { id: string } };

export type SuspensionStatusQueryVariables = Exact<{
  a: Scalars['String']['input'];
}>;


export type SuspensionStatusQuery = { extension?: { availability: ExtensionAvailability, availabilityReason?: string | null, versions: Array<{ version?: string | null, status: VersionStatus }> } | null };

export type SuspensionMineQueryVariables = Exact<{ [key: string]: never; }>;


export type SuspensionMineQuery = { myInstallations: Array<{ extensionAvailability: ExtensionAvailability, extension: { appId: string }, version: { version?: string | null, status: VersionStatus } }> };

export type SuspensionInstallMutationVariables = Exact<{
  i: InstallInput;
}>;


export type SuspensionInstallMutation = { install: { id: string, version: { version?: string | null } } };

export type SuspensionReinstateVersionMutationVariables = Exact<{
  v: Scalars['ID']['input'];
  r: Scalars['String']['input'];
}>;


export type SuspensionReinstateVersionMutation = { reinstateVersion: { id: string, status: VersionStatus } };

export type SuspensionWebhookMutationVariables = Exact<{
  i: CreateWebhookEndpointInput;
}>;


export type SuspensionWebhookMutation = { createWebhookEndpoint: { secret: string } };

export type SuspensionEventsQueryVariables = Exact<{
  a?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type SuspensionEventsQuery = { events: { edges: Array<{ node: { type: string, data: unknown } }> } };

export type SdkMarkUnsupportedMutationVariables = Exact<{
  r: Scalars['String']['input'];
  why: Scalars['String']['input'];
}>;


export type SdkMarkUnsupportedMutation = { markSdkUnsupported: { notifiedExtensions: number, unsupportedSdk: { id: string, range: string, delistAfter: string } } };

export type SdkUnsupportedListQueryVariables = Exact<{ [key: string]: never; }>;


export type SdkUnsupportedListQuery = { unsupportedSdks: Array<{ range: string, reason: string }> };

export type SdkEventsQueryVariables = Exact<{
  a?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type SdkEventsQuery = { events: { edges: Array<{ node: { type: string, data: unknown } }> } };

export type TrustOfVersionQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TrustOfVersionQuery = { version?: { id: string, status: VersionStatus, ruleSetVersion?: string | null, securityFindings?: Array<{ id: string, rule: string, level: string, message: string, file: string, line: number, firstSeenRuleSetVersion: string, lastSeenRuleSetVersion: string, reviewCaseId?: string | null, foundAt: string }> | null, attestations?: Array<{ id: string, kind: AttestationKind, sha256: string, sizeBytes: number, document: unknown, summary: { format: string } }> | null, attestationSummaries: Array<{ attestationId: string, kind: AttestationKind, format: string, componentCount?: number | null, licenses: Array<string>, describes?: string | null, predicateType?: string | null, builderId?: string | null, sourceRepository?: string | null, subjectMatchesPackage?: boolean | null, envelope?: string | null, signatureCount: number }> } | null };

export type TrustAttachMutationVariables = Exact<{
  v: Scalars['ID']['input'];
  d: Scalars['String']['input'];
}>;


export type TrustAttachMutation = { attachAttestation: { id: string, kind: AttestationKind, sha256: string, summary: { format: string, componentCount?: number | null, licenses: Array<string>, subjectMatchesPackage?: boolean | null, builderId?: string | null } } };

export type TrustRemoveMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TrustRemoveMutation = { removeAttestation: boolean };

export type TrustRescanQueryVariables = Exact<{ [key: string]: never; }>;


export type TrustRescanQuery = { securityRescan?: { ruleSetVersion: string, startedAt: string, finishedAt?: string | null, scannedCount: number, findingCount: number, failedCount: number } | null };

export type TrustCaseQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TrustCaseQuery = { reviewCase?: { id: string, kind: ReviewCaseKind, state: ReviewState, triggers: Array<{ kind: string, value?: string | null, reason: string }>, version: { id: string, status: VersionStatus } } | null };

export type TrustClaimMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TrustClaimMutation = { claimReview: { id: string, state: ReviewState } };

export type TrustDecideMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  r: Scalars['String']['input'];
}>;


export type TrustDecideMutation = { decideReview: { id: string, state: ReviewState, version: { status: VersionStatus } } };

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


export const AnalyticsOfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"f"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"t"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"g"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsGranularity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extensionAnalytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"f"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"t"}}},{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"g"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"granularity"}},{"kind":"Field","name":{"kind":"Name","value":"computedThrough"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"installs"}},{"kind":"Field","name":{"kind":"Name","value":"uninstalls"}},{"kind":"Field","name":{"kind":"Name","value":"upgrades"}},{"kind":"Field","name":{"kind":"Name","value":"activeInstallations"}},{"kind":"Field","name":{"kind":"Name","value":"offersCreated"}},{"kind":"Field","name":{"kind":"Name","value":"offersAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"offersDeclined"}},{"kind":"Field","name":{"kind":"Name","value":"offerAcceptRate"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"ratingsNew"}},{"kind":"Field","name":{"kind":"Name","value":"ratingCount"}},{"kind":"Field","name":{"kind":"Name","value":"ratingAverage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"versionId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"installs"}},{"kind":"Field","name":{"kind":"Name","value":"uninstalls"}},{"kind":"Field","name":{"kind":"Name","value":"upgradesIn"}},{"kind":"Field","name":{"kind":"Name","value":"upgradesOut"}},{"kind":"Field","name":{"kind":"Name","value":"activeInstallations"}},{"kind":"Field","name":{"kind":"Name","value":"adoption"}},{"kind":"Field","name":{"kind":"Name","value":"offersCreated"}},{"kind":"Field","name":{"kind":"Name","value":"offersAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"offersDeclined"}},{"kind":"Field","name":{"kind":"Name","value":"offerAcceptRate"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsOfQuery, AnalyticsOfQueryVariables>;
export const AnalyticsUninstallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnalyticsUninstall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uninstall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"installationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AnalyticsUninstallMutation, AnalyticsUninstallMutationVariables>;
export const AnalyticsOffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsOffers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upgradeOffers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"toVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsOffersQuery, AnalyticsOffersQueryVariables>;
export const AnalyticsRespondDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnalyticsRespond"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"s"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"respondToUpgradeOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"offerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"accept"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"grantedScopes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"s"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AnalyticsRespondMutation, AnalyticsRespondMutationVariables>;
export const AnalyticsRateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnalyticsRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RateExtensionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rateExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AnalyticsRateMutation, AnalyticsRateMutationVariables>;
export const AnalyticsRuntimeTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnalyticsRuntimeToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRuntimeToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"analytics test host","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}}]} as unknown as DocumentNode<AnalyticsRuntimeTokenMutation, AnalyticsRuntimeTokenMutationVariables>;
export const AnalyticsActionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnalyticsActions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"w"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportWindowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportActions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}},{"kind":"Argument","name":{"kind":"Name","value":"count"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}},{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"w"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replaced"}}]}}]}}]} as unknown as DocumentNode<AnalyticsActionsMutation, AnalyticsActionsMutationVariables>;
export const AnalyticsErrorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnalyticsErrors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"w"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportWindowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportErrors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}},{"kind":"Argument","name":{"kind":"Name","value":"count"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}},{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"w"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replaced"}}]}}]}}]} as unknown as DocumentNode<AnalyticsErrorsMutation, AnalyticsErrorsMutationVariables>;
export const BillingSetPricingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingSetPricing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PricingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPricing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"priceMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceMinor"}},{"kind":"Field","name":{"kind":"Name","value":"includedUnits"}},{"kind":"Field","name":{"kind":"Name","value":"capMinor"}},{"kind":"Field","name":{"kind":"Name","value":"trialDays"}}]}}]}}]} as unknown as DocumentNode<BillingSetPricingMutation, BillingSetPricingMutationVariables>;
export const BillingPricingOfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingPricingOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"priceMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<BillingPricingOfQuery, BillingPricingOfQueryVariables>;
export const BillingInstallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingInstall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"install"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<BillingInstallMutation, BillingInstallMutationVariables>;
export const BillingUninstallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingUninstall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uninstall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"installationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<BillingUninstallMutation, BillingUninstallMutationVariables>;
export const BillingSubscriptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingSubscriptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"o"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mySubscriptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"o"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"installationId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAt"}},{"kind":"Field","name":{"kind":"Name","value":"trialEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"priceMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offeredPricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"priceMinor"}}]}}]}}]}}]} as unknown as DocumentNode<BillingSubscriptionsQuery, BillingSubscriptionsQueryVariables>;
export const BillingAcceptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingAccept"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptPriceChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subscriptionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"priceMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offeredPricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<BillingAcceptMutation, BillingAcceptMutationVariables>;
export const BillingRuntimeTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingRuntimeToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"n"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRuntimeToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"n"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"runtimeToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<BillingRuntimeTokenMutation, BillingRuntimeTokenMutationVariables>;
export const BillingRevokeRuntimeTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingRevokeRuntimeToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeRuntimeToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<BillingRevokeRuntimeTokenMutation, BillingRevokeRuntimeTokenMutationVariables>;
export const BillingRecordUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingRecordUsage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"duplicate"}}]}}]}}]} as unknown as DocumentNode<BillingRecordUsageMutation, BillingRecordUsageMutationVariables>;
export const BillingInvoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingInvoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"o"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myInvoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"o"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"totalMinor"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"refundedMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<BillingInvoicesQuery, BillingInvoicesQueryVariables>;
export const BillingInvoiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingInvoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"totalMinor"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}}]}}]}}]}}]} as unknown as DocumentNode<BillingInvoiceQuery, BillingInvoiceQueryVariables>;
export const BillingEarningsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingEarnings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"p"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"developerEarnings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"p"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"grossMinor"}},{"kind":"Field","name":{"kind":"Name","value":"developerMinor"}},{"kind":"Field","name":{"kind":"Name","value":"platformFeeMinor"}},{"kind":"Field","name":{"kind":"Name","value":"refundedMinor"}},{"kind":"Field","name":{"kind":"Name","value":"reversedMinor"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"developerShareBps"}},{"kind":"Field","name":{"kind":"Name","value":"developerAmountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"platformFeeMinor"}},{"kind":"Field","name":{"kind":"Name","value":"refundedMinor"}}]}}]}}]}}]} as unknown as DocumentNode<BillingEarningsQuery, BillingEarningsQueryVariables>;
export const BillingPayoutsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingPayouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payoutStatements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerReference"}},{"kind":"Field","name":{"kind":"Name","value":"csvPath"}},{"kind":"Field","name":{"kind":"Name","value":"pdfPath"}}]}}]}}]} as unknown as DocumentNode<BillingPayoutsQuery, BillingPayoutsQueryVariables>;
export const BillingRefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"l"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SafeInt"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"r"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceLineId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"l"}}},{"kind":"Argument","name":{"kind":"Name","value":"amountMinor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"r"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"developerReversalMinor"}},{"kind":"Field","name":{"kind":"Name","value":"platformReversalMinor"}}]}}]}}]} as unknown as DocumentNode<BillingRefundMutation, BillingRefundMutationVariables>;
export const BillingOverrideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingOverride"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"d"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SafeInt"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"r"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"t"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setRevenueShareOverride"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"developerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"d"}}},{"kind":"Argument","name":{"kind":"Name","value":"developerShareBps"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"r"}}},{"kind":"Argument","name":{"kind":"Name","value":"tier"},"value":{"kind":"Variable","name":{"kind":"Name","value":"t"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"developerId"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"developerShareBps"}},{"kind":"Field","name":{"kind":"Name","value":"overridden"}},{"kind":"Field","name":{"kind":"Name","value":"paidAppLimit"}}]}}]}}]} as unknown as DocumentNode<BillingOverrideMutation, BillingOverrideMutationVariables>;
export const BillingPauseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingPause"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pauseExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}}]}}]}}]} as unknown as DocumentNode<BillingPauseMutation, BillingPauseMutationVariables>;
export const BillingResumeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingResume"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}}]}}]}}]} as unknown as DocumentNode<BillingResumeMutation, BillingResumeMutationVariables>;
export const BillingMarketplaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingMarketplace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"marketplace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"priceMinor"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BillingMarketplaceQuery, BillingMarketplaceQueryVariables>;
export const BillingScopesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingScopes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}}]}}]} as unknown as DocumentNode<BillingScopesQuery, BillingScopesQueryVariables>;
export const BillingMyShareDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingMyShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myRevenueShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"developerShareBps"}},{"kind":"Field","name":{"kind":"Name","value":"overridden"}}]}}]}}]} as unknown as DocumentNode<BillingMyShareQuery, BillingMyShareQueryVariables>;
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
export const SuspensionTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspensionToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRuntimeToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"host","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}}]} as unknown as DocumentNode<SuspensionTokenMutation, SuspensionTokenMutationVariables>;
export const SuspensionHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspensionHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportHealthInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportHealth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SuspensionHealthMutation, SuspensionHealthMutationVariables>;
export const SuspensionErrorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspensionErrors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"w"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportWindowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportErrors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}},{"kind":"Argument","name":{"kind":"Name","value":"count"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}},{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"w"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SuspensionErrorsMutation, SuspensionErrorsMutationVariables>;
export const SuspensionActionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspensionActions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"w"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportWindowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportActions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}},{"kind":"Argument","name":{"kind":"Name","value":"count"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}},{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"w"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SuspensionActionsMutation, SuspensionActionsMutationVariables>;
export const SuspensionStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SuspensionStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityReason"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SuspensionStatusQuery, SuspensionStatusQueryVariables>;
export const SuspensionMineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SuspensionMine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myInstallations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extension"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"extensionAvailability"}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SuspensionMineQuery, SuspensionMineQueryVariables>;
export const SuspensionInstallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspensionInstall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"install"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<SuspensionInstallMutation, SuspensionInstallMutationVariables>;
export const SuspensionReinstateVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspensionReinstateVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"r"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reinstateVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"r"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SuspensionReinstateVersionMutation, SuspensionReinstateVersionMutationVariables>;
export const SuspensionWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspensionWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWebhookEndpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhookEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}}]} as unknown as DocumentNode<SuspensionWebhookMutation, SuspensionWebhookMutationVariables>;
export const SuspensionEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SuspensionEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"version.suspended","block":false},{"kind":"StringValue","value":"version.reinstated","block":false},{"kind":"StringValue","value":"extension.suspended","block":false},{"kind":"StringValue","value":"extension.reinstated","block":false}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SuspensionEventsQuery, SuspensionEventsQueryVariables>;
export const SdkMarkUnsupportedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SdkMarkUnsupported"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"r"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"why"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markSdkUnsupported"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"r"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"why"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifiedExtensions"}},{"kind":"Field","name":{"kind":"Name","value":"unsupportedSdk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"range"}},{"kind":"Field","name":{"kind":"Name","value":"delistAfter"}}]}}]}}]}}]} as unknown as DocumentNode<SdkMarkUnsupportedMutation, SdkMarkUnsupportedMutationVariables>;
export const SdkUnsupportedListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SdkUnsupportedList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unsupportedSdks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"range"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<SdkUnsupportedListQuery, SdkUnsupportedListQueryVariables>;
export const SdkEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SdkEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"extension.sdk_unsupported","block":false},{"kind":"StringValue","value":"extension.delisted","block":false},{"kind":"StringValue","value":"extension.reinstated","block":false}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SdkEventsQuery, SdkEventsQueryVariables>;
export const TrustOfVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrustOfVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"version"},"name":{"kind":"Name","value":"extensionVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ruleSetVersion"}},{"kind":"Field","name":{"kind":"Name","value":"securityFindings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenRuleSetVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenRuleSetVersion"}},{"kind":"Field","name":{"kind":"Name","value":"reviewCaseId"}},{"kind":"Field","name":{"kind":"Name","value":"foundAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attestations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"document"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"attestationSummaries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attestationId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"componentCount"}},{"kind":"Field","name":{"kind":"Name","value":"licenses"}},{"kind":"Field","name":{"kind":"Name","value":"describes"}},{"kind":"Field","name":{"kind":"Name","value":"predicateType"}},{"kind":"Field","name":{"kind":"Name","value":"builderId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceRepository"}},{"kind":"Field","name":{"kind":"Name","value":"subjectMatchesPackage"}},{"kind":"Field","name":{"kind":"Name","value":"envelope"}},{"kind":"Field","name":{"kind":"Name","value":"signatureCount"}}]}}]}}]}}]} as unknown as DocumentNode<TrustOfVersionQuery, TrustOfVersionQueryVariables>;
export const TrustAttachDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TrustAttach"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"v"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"d"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachAttestation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}},{"kind":"Argument","name":{"kind":"Name","value":"document"},"value":{"kind":"Variable","name":{"kind":"Name","value":"d"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"componentCount"}},{"kind":"Field","name":{"kind":"Name","value":"licenses"}},{"kind":"Field","name":{"kind":"Name","value":"subjectMatchesPackage"}},{"kind":"Field","name":{"kind":"Name","value":"builderId"}}]}}]}}]}}]} as unknown as DocumentNode<TrustAttachMutation, TrustAttachMutationVariables>;
export const TrustRemoveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TrustRemove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeAttestation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<TrustRemoveMutation, TrustRemoveMutationVariables>;
export const TrustRescanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrustRescan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"securityRescan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleSetVersion"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scannedCount"}},{"kind":"Field","name":{"kind":"Name","value":"findingCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}}]}}]}}]} as unknown as DocumentNode<TrustRescanQuery, TrustRescanQueryVariables>;
export const TrustCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrustCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"triggers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<TrustCaseQuery, TrustCaseQueryVariables>;
export const TrustClaimDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TrustClaim"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<TrustClaimMutation, TrustClaimMutationVariables>;
export const TrustDecideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TrustDecide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"r"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"decision"},"value":{"kind":"EnumValue","value":"REJECT"}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"r"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<TrustDecideMutation, TrustDecideMutationVariables>;
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