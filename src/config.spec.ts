import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'plaza-config-'));

describe('loadConfig', () => {
  it('reads typed values from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      PLAZA_DATA_DIR: tmp(),
      PLAZA_ADMIN_EMAILS: ' Root@Example.com , ops@example.com ',
      PLAZA_ALLOW_LOCAL_GIT: '1',
      DATABASE_URL: 'postgres://u:p@db:5432/plaza',
    });
    expect(config.port).toBe(8080);
    expect(config.adminEmails).toEqual(['root@example.com', 'ops@example.com']);
    expect(config.allowLocalGit).toBe(true);
    expect(config.allowLoopbackWebhooks).toBe(false);
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/plaza');
  });

  it('stops with one readable line per malformed setting', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', PLAZA_DATA_DIR: tmp(), DATABASE_URL: 'mysql://x', PLAZA_ADMIN_EMAILS: 'not-an-email' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(message).toMatch(/PLAZA_ADMIN_EMAILS/);
  });

  it('requires explicit secrets and a database in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PLAZA_DATA_DIR: tmp() })).toThrow(
      /PLAZA_JWT_SECRET is required[\s\S]*PLAZA_ENCRYPTION_KEY is required[\s\S]*DATABASE_URL is required/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        PLAZA_JWT_SECRET: 'short',
        PLAZA_ENCRYPTION_KEY: 'zz',
        DATABASE_URL: 'postgres://db/plaza',
      }),
    ).toThrow(/PLAZA_JWT_SECRET must be at least 32 characters[\s\S]*PLAZA_ENCRYPTION_KEY must be 64 hex/);
  });

  it('generates development secrets once, private to the owner, and reuses them', () => {
    const dir = tmp();
    const first = loadConfig({ PLAZA_DATA_DIR: dir });
    const second = loadConfig({ PLAZA_DATA_DIR: dir });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.encryptionKey).toMatch(/^[0-9a-f]{64}$/);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(statSync(path.join(dir, 'dev-secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses a client read timeout that does not exceed the statement timeout', () => {
    expect(() => loadConfig({ PLAZA_DATA_DIR: tmp(), PLAZA_DB_STATEMENT_TIMEOUT_MS: '20000', PLAZA_DB_QUERY_TIMEOUT_MS: '15000' })).toThrow(
      /PLAZA_DB_QUERY_TIMEOUT_MS must exceed PLAZA_DB_STATEMENT_TIMEOUT_MS/,
    );
    const config = loadConfig({ PLAZA_DATA_DIR: tmp() });
    expect([config.dbStatementTimeoutMs, config.dbQueryTimeoutMs, config.dbLockTimeoutMs, config.dbIdleInTransactionTimeoutMs]).toEqual([10_000, 12_000, 5_000, 10_000]);
  });

  it('reads the object store and the LISTEN connection, the usual AWS names included', () => {
    const config = loadConfig({
      PLAZA_DATA_DIR: tmp(),
      PLAZA_BLOB_URL: 's3://plaza-blobs/prod/packages',
      AWS_ENDPOINT_URL: 'http://ignored:9000',
      AWS_ENDPOINT_URL_S3: 'http://minio:9000',
      AWS_DEFAULT_REGION: 'us-west-2',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'plaza',
      AWS_SECRET_ACCESS_KEY: 'secret',
      DATABASE_URL: 'postgres://u@pgbouncer:6432/plaza',
      DATABASE_LISTEN_URL: 'postgres://u@db:5432/plaza',
    });
    expect(config).toMatchObject({
      blobUrl: 's3://plaza-blobs/prod/packages',
      s3Endpoint: 'http://minio:9000',
      s3Region: 'eu-west-1',
      s3AccessKeyId: 'plaza',
      s3SecretAccessKey: 'secret',
      databaseListenUrl: 'postgres://u@db:5432/plaza',
      blobRequestTimeoutMs: 30_000,
    });
    const local = loadConfig({ PLAZA_DATA_DIR: tmp() });
    expect([local.blobUrl, local.databaseListenUrl]).toEqual([undefined, undefined]);
  });

  it('refuses a malformed blob URL, half a key pair, and a LISTEN URL that is not postgres', () => {
    let error: unknown;
    try {
      loadConfig({
        PLAZA_DATA_DIR: tmp(),
        PLAZA_BLOB_URL: 's3://Not_A_Bucket/x',
        AWS_ACCESS_KEY_ID: 'only-the-id',
        DATABASE_LISTEN_URL: 'mysql://db/plaza',
        AWS_ENDPOINT_URL_S3: 'minio:9000',
        PLAZA_BLOB_REQUEST_TIMEOUT_MS: '5000',
        PLAZA_BLOB_TRANSFER_TIMEOUT_MS: '2000',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PLAZA_BLOB_URL must be s3:\/\/bucket/);
    expect(message).toMatch(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set together/);
    expect(message).toMatch(/DATABASE_LISTEN_URL must be a postgres:\/\/ URL/);
    expect(message).toMatch(/AWS_ENDPOINT_URL_S3 must be an http\(s\):\/\/ URL/);
    expect(message).toMatch(/PLAZA_BLOB_TRANSFER_TIMEOUT_MS must be at least PLAZA_BLOB_REQUEST_TIMEOUT_MS/);
  });
});
