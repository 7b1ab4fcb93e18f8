import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

export type NodeEnv = 'development' | 'production' | 'test';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map(s => s.trim())
        .filter(Boolean)
    : value;
const bool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const lower = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map(v => String(v).toLowerCase()) : value;

/**
 * Every setting Plaza reads, in one typed object. `loadConfig` is the only reader of
 * `process.env`; everything else receives a `PlazaConfig`. Names in comments are the
 * environment variables.
 */
export class PlazaConfig {
  /** NODE_ENV: production requires explicit secrets and masks internal errors. */
  @IsIn(['development', 'production', 'test'])
  nodeEnv: NodeEnv = 'development';

  /** PORT */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 4000;

  /** HOST */
  @IsString()
  host = '0.0.0.0';

  /** DATABASE_URL: when unset, an embedded PostgreSQL is started. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  databaseUrl?: string;

  /**
   * DATABASE_LISTEN_URL: the connection the event stream LISTENs on (docs/architecture.md,
   * "Scaling out"). Set it to a direct (session) connection when DATABASE_URL goes through a
   * pooler in transaction mode (PgBouncer), which cannot hold a LISTEN. Defaults to DATABASE_URL.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_LISTEN_URL must be a postgres:// URL' })
  databaseListenUrl?: string;

  /** PLAZA_DATA_DIR: local state (embedded database, dev secrets, blobs). */
  @IsString()
  dataDir = '.plaza';

  /**
   * PLAZA_BLOB_URL: where package blobs live. Unset: the local folder PLAZA_DATA_DIR/blobs.
   * `s3://bucket/prefix`: an S3-compatible object store (AWS S3, MinIO), shared by every node.
   */
  @IsOptional()
  @Matches(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[A-Za-z0-9!_.*'()\/-]*)?$/, {
    message: 'PLAZA_BLOB_URL must be s3://bucket or s3://bucket/prefix (a valid bucket name, a plain key prefix)',
  })
  blobUrl?: string;

  /** AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL): the S3 endpoint, e.g. http://minio:9000; unset for AWS itself. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/.*)?$/, { message: 'AWS_ENDPOINT_URL_S3 must be an http(s):// URL' })
  s3Endpoint?: string;

  /** AWS_REGION (or AWS_DEFAULT_REGION): the bucket's region. */
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'AWS_REGION (or AWS_DEFAULT_REGION) must be a region name such as eu-west-1' })
  s3Region = 'us-east-1';

  /**
   * AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN for temporary keys).
   * Unset: the SDK's default chain (an instance or task role, web identity).
   */
  @IsOptional()
  @IsString()
  s3AccessKeyId?: string;

  @IsOptional()
  @IsString()
  s3SecretAccessKey?: string;

  @IsOptional()
  @IsString()
  s3SessionToken?: string;

  /** PLAZA_S3_FORCE_PATH_STYLE: bucket in the path, not the host name (MinIO); defaults on when an endpoint is set. */
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  s3ForcePathStyle?: boolean;

  /** PLAZA_BLOB_REQUEST_TIMEOUT_MS: one object-store request's deadline (connect, and silence mid-transfer). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  blobRequestTimeoutMs = 30_000;

  /** PLAZA_BLOB_TRANSFER_TIMEOUT_MS: a whole upload or download of one blob (multipart included). */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  blobTransferTimeoutMs = 10 * 60 * 1000;

  /** PLAZA_BLOB_CACHE_BYTES: this node's local copy of object-store blobs (read by the archive checks and icons). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  blobCacheBytes = 2 * 1024 * 1024 * 1024;

  /** PLAZA_EMBEDDED_PG_PORT: port of the embedded PostgreSQL. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  embeddedPgPort = 54329;

  /** PLAZA_JWT_SECRET: HMAC key that signs session tokens. */
  @IsString()
  @MinLength(32, { message: 'PLAZA_JWT_SECRET must be at least 32 characters' })
  jwtSecret: string;

  /** PLAZA_ENCRYPTION_KEY: 32 bytes as 64 hex characters, for secrets stored at rest. */
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'PLAZA_ENCRYPTION_KEY must be 64 hex characters' })
  encryptionKey: string;

  /**
   * PLAZA_ENCRYPTION_PREVIOUS_KEYS: comma list of former PLAZA_ENCRYPTION_KEY values (64 hex each).
   * Values sealed under them still open; `plaza secrets reseal` moves them to the current key.
   */
  @Transform(list)
  @Matches(/^[0-9a-fA-F]{64}$/, { each: true, message: 'PLAZA_ENCRYPTION_PREVIOUS_KEYS must be a comma list of 64-hex-character keys' })
  encryptionPreviousKeys: string[] = [];

  /** PLAZA_GIT_FETCH_CACHE_SECONDS: how long a fetched commit is reused by later submissions (0 turns the cache off). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  gitFetchCacheSeconds = 300;

  /** PLAZA_SESSION_TTL_SECONDS: lifetime of a login token. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  sessionTtlSeconds = 12 * 3600;

  /** PLAZA_ADMIN_EMAILS: comma list; these accounts hold ADMIN. */
  @Transform(params => lower({ value: list(params) }))
  @IsEmail({}, { each: true, message: 'PLAZA_ADMIN_EMAILS must be a comma list of emails' })
  adminEmails: string[] = [];

  /** PLAZA_FIRST_PARTY_AUTHOR_IDS: comma list of author ids allowed to publish system apps. */
  @Transform(list)
  @IsString({ each: true })
  firstPartyAuthorIds: string[] = [];

  /** PLAZA_ALLOW_LOCAL_GIT */
  @Transform(bool)
  @IsBoolean()
  allowLocalGit = false;

  /** PLAZA_ALLOW_LOOPBACK_WEBHOOKS */
  @Transform(bool)
  @IsBoolean()
  allowLoopbackWebhooks = false;

  /** PLAZA_WEBHOOK_RETRY_BASE_MS: delay before the first webhook retry; later ones double, with jitter. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  webhookRetryBaseMs = 30_000;

  /** PLAZA_WEBHOOK_RETRY_MAX_DELAY_MS: the longest pause between two attempts. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  webhookRetryMaxDelayMs = 6 * 3600 * 1000;

  /** PLAZA_WEBHOOK_RETRY_WINDOW_SECONDS: how long a delivery is retried (docs/events.md: at least 3 days). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  webhookRetryWindowSeconds = 3 * 86400;

  /** PLAZA_WEBHOOK_DISABLE_AFTER_SECONDS: an endpoint failing continuously this long is disabled. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  webhookDisableAfterSeconds = 5 * 86400;

  /** PLAZA_WEBHOOK_TIMEOUT_MS: one attempt's deadline (connect, send, response). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  webhookTimeoutMs = 10_000;

  /** PLAZA_HEALTH_CHECK_TIMEOUT_MS: one health-check attempt's deadline (connect, send, response). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  healthCheckTimeoutMs = 5_000;

  /** PLAZA_BILLING_CLOSE_SCHEDULE: cron (UTC) of the billing period-close job; it closes every period whose end has passed (docs/billing.md). */
  @IsString()
  @Matches(/^\S+\s+\S+\s+\S+\s+\S+\s+\S+$/, { message: 'PLAZA_BILLING_CLOSE_SCHEDULE must be a five-field cron expression' })
  billingCloseSchedule = '15 0 1 * *';

  /** PLAZA_HEALTH_CHECK_RETRY_DELAY_MS: the pause between health-check attempts (3 retries after the first). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  healthCheckRetryDelayMs = 2_000;

  /**
   * PLAZA_ROLLOUT_BATCH_SIZE: the most installations one rollout batch (one short transaction)
   * moves. Batches grow from 1,000 toward it while they stay under PLAZA_ROLLOUT_BATCH_TARGET_MS.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  rolloutBatchSize = 20_000;

  /**
   * PLAZA_ROLLOUT_BATCH_TARGET_MS: how long one rollout batch should hold its transaction. Longer
   * batches cost less per installation (each batch re-reads its range and the rollout row); the
   * installations a batch moves stay locked that long (docs/marketplace.md, "Rollouts").
   */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  rolloutBatchTargetMs = 250;

  /**
   * PLAZA_ROLLOUT_MAX_ERROR_RATIO: a staged rollout pauses when the new version's error rate
   * exceeds the previous version's by this factor (and by PLAZA_ROLLOUT_MIN_ERROR_DELTA).
   */
  @Type(() => Number)
  @IsNumber()
  @Min(1)
  rolloutMaxErrorRatio = 2;

  /** PLAZA_ROLLOUT_MIN_ERROR_DELTA: ...and by at least this much in absolute terms (0.01 = one point). */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  rolloutMinErrorDelta = 0.01;

  /** PLAZA_ROLLOUT_MIN_ACTIONS: fewer actions than this in the cohort's window is too little to judge. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  rolloutMinActions = 100;
  /** PLAZA_RUNTIME_CLOCK_SKEW_SECONDS: how far past Plaza's clock a runtime report's window may end (docs/runtime.md). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  runtimeClockSkewSeconds = 300;

  /** PLAZA_RUNTIME_MAX_WINDOW_SECONDS: the longest window one runtime report may cover. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(7 * 86400)
  runtimeMaxWindowSeconds = 86400;

  /** PLAZA_RUNTIME_MAX_REPORT_AGE_SECONDS: how long after a window began a report for it is still taken. */
  @Type(() => Number)
  @IsInt()
  @Min(3600)
  runtimeMaxReportAgeSeconds = 7 * 86400;

  /** PLAZA_SUSPENSION_HEALTH_FAILURES: this many consecutive FAILING health reports suspend a version (0: off). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  suspensionHealthFailures = 5;

  /** PLAZA_SUSPENSION_CRASH_RATE: errors per action over the crash window at or above which a version is suspended (0: off). */
  @Type(() => Number)
  @Min(0)
  @Max(1000)
  suspensionCrashRate = 0.25;

  /** PLAZA_SUSPENSION_CRASH_WINDOW_SECONDS: how long the crash rate must hold (the trailing window it is measured over). */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  suspensionCrashWindowSeconds = 3600;

  /** PLAZA_SUSPENSION_MIN_ACTIONS: fewer actions than this in the crash window never suspend (too small a sample). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  suspensionMinActions = 100;

  /** PLAZA_SDK_DELIST_AFTER_DAYS: days after an SDK is marked unsupported until extensions still on it are delisted. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  sdkDelistAfterDays = 30;

  /** PLAZA_WEBHOOK_CONCURRENCY: deliveries in flight per worker process. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  webhookConcurrency = 20;

  /** PLAZA_WS_MAX_SUBSCRIPTIONS: subscriptions one WebSocket connection may hold. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  wsMaxSubscriptions = 20;

  /** PLAZA_WS_MAX_QUEUED_BYTES: bytes waiting for a slow WebSocket client before it is closed (4008). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  wsMaxQueuedBytes = 1024 * 1024;

  /** PLAZA_WS_MAX_STALL_SECONDS: a WebSocket client whose unsent bytes do not go down this long is closed (4008). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  wsMaxStallSeconds = 30;

  /** PLAZA_EVENT_POLL_MS: fallback poll of live event tails (NOTIFY wakes them at once). */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  eventPollMs = 1000;

  /**
   * PLAZA_EVENT_RETENTION_DAYS: events older than this many days are dropped by an hourly batched
   * pass (docs/events.md, "Retention"); a cursor older than what is kept gets CURSOR_EXPIRED.
   * 0 keeps every event.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(36500)
  eventRetentionDays = 180;

  /** LOG_LEVEL */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel = 'info';

  /** PLAZA_MAX_QUERY_DEPTH */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  maxQueryDepth = 10;

  /** PLAZA_MAX_QUERY_COST: complexity points; list fields cost `first` times their children. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  maxQueryCost = 5000;

  /** PLAZA_MAX_ALIASES: aliases in one operation. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  maxAliases = 20;

  /** PLAZA_MAX_BATCH: operations in one batched HTTP request. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  maxBatch = 5;

  /** PLAZA_MAX_PAGE_SIZE: the cap on every connection's `first`. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  maxPageSize = 100;

  /** PLAZA_MAX_BODY_BYTES: the JSON request body limit (GraphQL over HTTP and WebSocket frames). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  maxBodyBytes = 1024 * 1024;

  /** PLAZA_ATTESTATION_MAX_BYTES: the largest attestation document (UTF-8 bytes) attachAttestation accepts (docs/trust.md). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  attestationMaxBytes = 512 * 1024;

  /** PLAZA_RESCAN_BATCH_SIZE: published versions one rescan job judges before it queues the next batch (docs/trust.md). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  rescanBatchSize = 20;

  /** PLAZA_LOGIN_MAX_FAILURES_PER_EMAIL within PLAZA_LOGIN_WINDOW_SECONDS */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  loginMaxFailuresPerEmail = 5;

  /** PLAZA_LOGIN_MAX_FAILURES_PER_ADDRESS within PLAZA_LOGIN_WINDOW_SECONDS */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  loginMaxFailuresPerAddress = 20;

  /** PLAZA_LOGIN_WINDOW_SECONDS */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  loginWindowSeconds = 15 * 60;

  /** PLAZA_MAX_UPLOAD_BYTES: largest package upload (zip bytes). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  maxUploadBytes = 50 * 1024 * 1024;

  /** PLAZA_UPLOAD_TTL_SECONDS: how long an upload slot stays usable. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  uploadTtlSeconds = 3600;

  /** PLAZA_RUN_WORKERS: run background job workers in this process (turn off for API-only nodes). */
  @Transform(bool)
  @IsBoolean()
  runWorkers = true;

  /** PLAZA_DB_CONNECT_TIMEOUT_MS: opening one database connection (pool, job queue, LISTEN). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  dbConnectTimeoutMs = 5_000;

  /**
   * PLAZA_DB_STATEMENT_TIMEOUT_MS: the server cancels a statement running longer (statement_timeout).
   * Work that legitimately runs longer (migrations, rollouts) raises it locally, for its own transaction.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  dbStatementTimeoutMs = 10_000;

  /** PLAZA_DB_LOCK_TIMEOUT_MS: a statement waiting this long for a lock fails (lock_timeout). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  dbLockTimeoutMs = 5_000;

  /**
   * PLAZA_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: the server ends a session idle inside a transaction
   * this long (idle_in_transaction_session_timeout), releasing its locks when its client is gone.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  dbIdleInTransactionTimeoutMs = 10_000;

  /**
   * PLAZA_DB_QUERY_TIMEOUT_MS: the client gives up on a reply this late and drops the connection
   * (a silently dead connection never answers, so the server-side timeouts cannot help). Must
   * exceed the statement timeout.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  dbQueryTimeoutMs = 12_000;

  /** PLAZA_DB_KEEPALIVE_MS: idle time before TCP keepalive probes start on database connections. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  dbKeepAliveMs = 10_000;

  /** PLAZA_DB_POOL_SIZE: connections in the API's pool. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  dbPoolSize = 10;

  /**
   * PLAZA_DB_PREPARED_STATEMENTS: keep the write path's statements prepared on each pooled
   * connection (docs/architecture.md, "Prepared statements"). Turn off behind a pooler in
   * transaction mode that cannot carry prepared statements (PgBouncer before 1.21, or with
   * max_prepared_statements = 0).
   */
  @Transform(bool)
  @IsBoolean()
  dbPreparedStatements = true;

  /** PLAZA_DB_LONG_STATEMENT_TIMEOUT_MS: the local statement timeout of migrations and rollouts. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  dbLongStatementTimeoutMs = 15 * 60 * 1000;

  /** PLAZA_DB_PROBE_INTERVAL_MS: how often a connection outside the pool checks the database. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  dbProbeIntervalMs = 1_000;

  /**
   * PLAZA_DB_PROBE_TIMEOUT_MS: a probe slower than this fails; after two failed probes in a row
   * requests are answered SERVICE_UNAVAILABLE at once, until a probe succeeds.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  dbProbeTimeoutMs = 1_000;

  /** PLAZA_READYZ_TIMEOUT_MS: /readyz answers 503 when the database has not answered within this. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  readyzTimeoutMs = 2_000;

  /** PLAZA_HEALTHZ_MAX_LOOP_DELAY_MS: /healthz fails while every event-loop sample of the last 10 s is later than this. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  healthzMaxLoopDelayMs = 1_000;

  /** PLAZA_HEALTHZ_POOL_STALL_SECONDS: /healthz fails when requests have waited for a pool connection this long with none returned. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  healthzPoolStallSeconds = 30;

  /** PLAZA_RETRY_AFTER_SECONDS: the Retry-After of a 503 answered during a database outage. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  retryAfterSeconds = 5;

  /** PLAZA_TRUST_PROXY: trust X-Forwarded-For (behind a load balancer). */
  @Transform(bool)
  @IsBoolean()
  trustProxy = false;

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  /** Database URL in use: the explicit one, or the embedded server's. */
  get embeddedDataDir(): string {
    return path.resolve(this.dataDir, 'pgdata');
  }
}

/** Maps environment variable names onto config fields. */
const ENV_NAMES: Record<string, keyof PlazaConfig> = {
  NODE_ENV: 'nodeEnv',
  PORT: 'port',
  HOST: 'host',
  DATABASE_URL: 'databaseUrl',
  PLAZA_DATA_DIR: 'dataDir',
  DATABASE_LISTEN_URL: 'databaseListenUrl',
  PLAZA_BLOB_URL: 'blobUrl',
  AWS_ENDPOINT_URL: 's3Endpoint',
  AWS_ENDPOINT_URL_S3: 's3Endpoint',
  AWS_DEFAULT_REGION: 's3Region',
  AWS_REGION: 's3Region',
  AWS_ACCESS_KEY_ID: 's3AccessKeyId',
  AWS_SECRET_ACCESS_KEY: 's3SecretAccessKey',
  AWS_SESSION_TOKEN: 's3SessionToken',
  PLAZA_S3_FORCE_PATH_STYLE: 's3ForcePathStyle',
  PLAZA_BLOB_REQUEST_TIMEOUT_MS: 'blobRequestTimeoutMs',
  PLAZA_BLOB_TRANSFER_TIMEOUT_MS: 'blobTransferTimeoutMs',
  PLAZA_BLOB_CACHE_BYTES: 'blobCacheBytes',
  PLAZA_EMBEDDED_PG_PORT: 'embeddedPgPort',
  PLAZA_JWT_SECRET: 'jwtSecret',
  PLAZA_ENCRYPTION_KEY: 'encryptionKey',
  PLAZA_ENCRYPTION_PREVIOUS_KEYS: 'encryptionPreviousKeys',
  PLAZA_GIT_FETCH_CACHE_SECONDS: 'gitFetchCacheSeconds',
  PLAZA_SESSION_TTL_SECONDS: 'sessionTtlSeconds',
  PLAZA_ADMIN_EMAILS: 'adminEmails',
  PLAZA_FIRST_PARTY_AUTHOR_IDS: 'firstPartyAuthorIds',
  PLAZA_ALLOW_LOCAL_GIT: 'allowLocalGit',
  PLAZA_ALLOW_LOOPBACK_WEBHOOKS: 'allowLoopbackWebhooks',
  PLAZA_WEBHOOK_RETRY_BASE_MS: 'webhookRetryBaseMs',
  PLAZA_WEBHOOK_RETRY_MAX_DELAY_MS: 'webhookRetryMaxDelayMs',
  PLAZA_WEBHOOK_RETRY_WINDOW_SECONDS: 'webhookRetryWindowSeconds',
  PLAZA_WEBHOOK_DISABLE_AFTER_SECONDS: 'webhookDisableAfterSeconds',
  PLAZA_WEBHOOK_TIMEOUT_MS: 'webhookTimeoutMs',
  PLAZA_WEBHOOK_CONCURRENCY: 'webhookConcurrency',
  PLAZA_RUNTIME_CLOCK_SKEW_SECONDS: 'runtimeClockSkewSeconds',
  PLAZA_RUNTIME_MAX_WINDOW_SECONDS: 'runtimeMaxWindowSeconds',
  PLAZA_RUNTIME_MAX_REPORT_AGE_SECONDS: 'runtimeMaxReportAgeSeconds',
  PLAZA_SUSPENSION_HEALTH_FAILURES: 'suspensionHealthFailures',
  PLAZA_SUSPENSION_CRASH_RATE: 'suspensionCrashRate',
  PLAZA_SUSPENSION_CRASH_WINDOW_SECONDS: 'suspensionCrashWindowSeconds',
  PLAZA_SUSPENSION_MIN_ACTIONS: 'suspensionMinActions',
  PLAZA_SDK_DELIST_AFTER_DAYS: 'sdkDelistAfterDays',
  PLAZA_HEALTH_CHECK_TIMEOUT_MS: 'healthCheckTimeoutMs',
  PLAZA_BILLING_CLOSE_SCHEDULE: 'billingCloseSchedule',
  PLAZA_HEALTH_CHECK_RETRY_DELAY_MS: 'healthCheckRetryDelayMs',
  PLAZA_ROLLOUT_BATCH_SIZE: 'rolloutBatchSize',
  PLAZA_ROLLOUT_BATCH_TARGET_MS: 'rolloutBatchTargetMs',
  PLAZA_ROLLOUT_MAX_ERROR_RATIO: 'rolloutMaxErrorRatio',
  PLAZA_ROLLOUT_MIN_ERROR_DELTA: 'rolloutMinErrorDelta',
  PLAZA_ROLLOUT_MIN_ACTIONS: 'rolloutMinActions',
  PLAZA_WS_MAX_SUBSCRIPTIONS: 'wsMaxSubscriptions',
  PLAZA_WS_MAX_QUEUED_BYTES: 'wsMaxQueuedBytes',
  PLAZA_WS_MAX_STALL_SECONDS: 'wsMaxStallSeconds',
  PLAZA_EVENT_POLL_MS: 'eventPollMs',
  PLAZA_EVENT_RETENTION_DAYS: 'eventRetentionDays',
  LOG_LEVEL: 'logLevel',
  PLAZA_MAX_QUERY_DEPTH: 'maxQueryDepth',
  PLAZA_MAX_QUERY_COST: 'maxQueryCost',
  PLAZA_MAX_ALIASES: 'maxAliases',
  PLAZA_MAX_BATCH: 'maxBatch',
  PLAZA_MAX_PAGE_SIZE: 'maxPageSize',
  PLAZA_MAX_BODY_BYTES: 'maxBodyBytes',
  PLAZA_ATTESTATION_MAX_BYTES: 'attestationMaxBytes',
  PLAZA_RESCAN_BATCH_SIZE: 'rescanBatchSize',
  PLAZA_LOGIN_MAX_FAILURES_PER_EMAIL: 'loginMaxFailuresPerEmail',
  PLAZA_LOGIN_MAX_FAILURES_PER_ADDRESS: 'loginMaxFailuresPerAddress',
  PLAZA_LOGIN_WINDOW_SECONDS: 'loginWindowSeconds',
  PLAZA_TRUST_PROXY: 'trustProxy',
  PLAZA_MAX_UPLOAD_BYTES: 'maxUploadBytes',
  PLAZA_UPLOAD_TTL_SECONDS: 'uploadTtlSeconds',
  PLAZA_RUN_WORKERS: 'runWorkers',
  PLAZA_DB_CONNECT_TIMEOUT_MS: 'dbConnectTimeoutMs',
  PLAZA_DB_STATEMENT_TIMEOUT_MS: 'dbStatementTimeoutMs',
  PLAZA_DB_LOCK_TIMEOUT_MS: 'dbLockTimeoutMs',
  PLAZA_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 'dbIdleInTransactionTimeoutMs',
  PLAZA_DB_QUERY_TIMEOUT_MS: 'dbQueryTimeoutMs',
  PLAZA_DB_KEEPALIVE_MS: 'dbKeepAliveMs',
  PLAZA_DB_POOL_SIZE: 'dbPoolSize',
  PLAZA_DB_PREPARED_STATEMENTS: 'dbPreparedStatements',
  PLAZA_DB_LONG_STATEMENT_TIMEOUT_MS: 'dbLongStatementTimeoutMs',
  PLAZA_DB_PROBE_INTERVAL_MS: 'dbProbeIntervalMs',
  PLAZA_DB_PROBE_TIMEOUT_MS: 'dbProbeTimeoutMs',
  PLAZA_READYZ_TIMEOUT_MS: 'readyzTimeoutMs',
  PLAZA_HEALTHZ_MAX_LOOP_DELAY_MS: 'healthzMaxLoopDelayMs',
  PLAZA_HEALTHZ_POOL_STALL_SECONDS: 'healthzPoolStallSeconds',
  PLAZA_RETRY_AFTER_SECONDS: 'retryAfterSeconds',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map(p => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function envNameOf(field: string): string {
  return Object.entries(ENV_NAMES).find(([, f]) => f === field)?.[0] ?? field;
}

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap(e =>
    Object.values(e.constraints ?? {}).map(msg =>
      msg.includes(envNameOf(e.property)) ? msg : `${envNameOf(e.property)}: ${msg}`,
    ),
  );
}

/**
 * Development secrets are generated once and kept in the data folder (mode 0600), so sessions
 * survive a restart; production refuses to start without explicit ones.
 */
function developmentSecrets(dataDir: string): { jwtSecret: string; encryptionKey: string } {
  const file = path.resolve(dataDir, 'dev-secrets.json');
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8'));
  }
  const secrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    encryptionKey: randomBytes(32).toString('hex'),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

/**
 * Builds and validates the configuration from environment variables plus explicit overrides
 * (tests pass overrides). Throws ConfigError with one readable line per problem.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Record<keyof PlazaConfig, unknown>> = {},
): PlazaConfig {
  const raw: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[field] = value;
  }
  Object.assign(raw, overrides);
  const nodeEnv = (raw.nodeEnv as string) ?? 'development';
  if (nodeEnv !== 'production' && (raw.jwtSecret === undefined || raw.encryptionKey === undefined)) {
    const generated = developmentSecrets((raw.dataDir as string) ?? '.plaza');
    raw.jwtSecret ??= generated.jwtSecret;
    raw.encryptionKey ??= generated.encryptionKey;
  }
  const config = plainToInstance(PlazaConfig, raw, { exposeDefaultValues: true });
  const problems = flatten(validateSync(config, { forbidUnknownValues: false }));
  if (config.isProduction) {
    if (!raw.jwtSecret) problems.push('PLAZA_JWT_SECRET is required when NODE_ENV=production');
    if (!raw.encryptionKey) problems.push('PLAZA_ENCRYPTION_KEY is required when NODE_ENV=production');
    if (!config.databaseUrl) problems.push('DATABASE_URL is required when NODE_ENV=production');
  }
  if (config.blobUrl && (config.s3AccessKeyId === undefined) !== (config.s3SecretAccessKey === undefined)) {
    problems.push('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set together (or neither, for the default credential chain)');
  }
  if (config.blobTransferTimeoutMs < config.blobRequestTimeoutMs) {
    problems.push('PLAZA_BLOB_TRANSFER_TIMEOUT_MS must be at least PLAZA_BLOB_REQUEST_TIMEOUT_MS');
  }
  if (config.dbQueryTimeoutMs <= config.dbStatementTimeoutMs) {
    problems.push('PLAZA_DB_QUERY_TIMEOUT_MS must exceed PLAZA_DB_STATEMENT_TIMEOUT_MS (the server cancels a slow statement first)');
  }
  if (problems.length) throw new ConfigError([...new Set(problems)]);
  return config;
}
