import { registerEnumType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../accounts/accounts.entities';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { ExtensionVersionEntity } from '../versions/version.entity';

/** What a runtime host says of a version or installation in one window (docs/runtime.md). */
export enum RuntimeHealthStatus {
  HEALTHY = 'HEALTHY',
  DEGRADED = 'DEGRADED',
  /** Counts toward automatic suspension (docs/runtime.md, "Automatic suspension"). */
  FAILING = 'FAILING',
}
registerEnumType(RuntimeHealthStatus, { name: 'RuntimeHealthStatus', description: 'FAILING counts toward automatic suspension; DEGRADED and HEALTHY end a failing streak' });

export enum RuntimeCountKind {
  ACTIONS = 'ACTIONS',
  ERRORS = 'ERRORS',
}

/**
 * A runtime token: the credential a runtime host reports with, one extension's only. The secret
 * is shown once and stored as sha256, like API tokens.
 */
@Entity('runtime_tokens')
export class RuntimeTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_runtime_tokens_extension_id')
  @Column({ type: 'uuid' })
  extensionId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @Column({ type: 'text' })
  name: string;

  @Index('uq_runtime_tokens_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  /** The first characters of the secret, so a person can tell tokens apart. */
  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * Actions (tool calls) or errors a runtime counted for a version in one window. One row per
 * (version, kind, window): a re-sent report for the same window replaces the count.
 */
@Entity('runtime_counts')
@Index('uq_runtime_counts_window', ['versionId', 'kind', 'windowStart', 'windowEnd'], { unique: true })
@Index('ix_runtime_counts_extension_start', ['extensionId', 'windowStart'])
@Check('ck_runtime_counts_window', 'window_end > window_start')
@Check('ck_runtime_counts_count', 'count >= 0')
export class RuntimeCountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  extensionId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => ExtensionVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: ExtensionVersionEntity;

  @Column({ type: 'enum', enum: RuntimeCountKind, enumName: 'runtime_count_kind' })
  kind: RuntimeCountKind;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'timestamptz' })
  windowEnd: Date;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  count: number;

  /** The token that sent the latest report for this window (null once that token is deleted). */
  @Column({ type: 'uuid', nullable: true })
  tokenId: string | null;

  @ManyToOne(() => RuntimeTokenEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'token_id' })
  token?: RuntimeTokenEntity;

  /** Plaza's clock when the latest report for this window arrived. */
  @Column({ type: 'timestamptz' })
  receivedAt: Date;
}

/**
 * A health report for one window, about a version as a whole or about one installation (then
 * `versionId` is the version that installation ran when the report arrived). One row per
 * (subject, window): a re-sent report replaces status and detail.
 */
@Entity('runtime_health_reports')
@Index('uq_runtime_health_reports_window', ['subjectId', 'windowStart', 'windowEnd'], { unique: true })
@Index('ix_runtime_health_reports_version_end', ['versionId', 'windowEnd'])
@Check('ck_runtime_health_reports_window', 'window_end > window_start')
export class RuntimeHealthReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  extensionId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => ExtensionVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: ExtensionVersionEntity;

  /** The installation reported on; null for a report about the version as a whole. */
  @Column({ type: 'uuid', nullable: true })
  installationId: string | null;

  /** The installation id, or the version id for a version-wide report: the idempotency key's subject. */
  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'timestamptz' })
  windowEnd: Date;

  @Column({ type: 'enum', enum: RuntimeHealthStatus, enumName: 'runtime_health_status' })
  status: RuntimeHealthStatus;

  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'uuid', nullable: true })
  tokenId: string | null;

  @ManyToOne(() => RuntimeTokenEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'token_id' })
  token?: RuntimeTokenEntity;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;
}
