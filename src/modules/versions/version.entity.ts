import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import { UserEntity } from '../accounts/accounts.entities';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { PackageBlobEntity } from '../packages/packages.entities';

/** docs/marketplace.md "Version lifecycle". */
export enum VersionStatus {
  SUBMITTED = 'SUBMITTED',
  VALIDATING = 'VALIDATING',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  PENDING_REVIEW = 'PENDING_REVIEW',
  IN_REVIEW = 'IN_REVIEW',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  DEPRECATED = 'DEPRECATED',
  /** Taken off the marketplace by the runtime health policy (docs/runtime.md); an admin can reinstate it. */
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(VersionStatus, { name: 'VersionStatus' });

/** Published versions, deprecated ones included: what the marketplace shows and users can install. */
export const LIVE_STATUSES: readonly VersionStatus[] = [VersionStatus.PUBLISHED, VersionStatus.DEPRECATED];

/** Statuses that free a version number for reuse (a failed or withdrawn number may come back). */
export const DEAD_STATUSES = [VersionStatus.VALIDATION_FAILED, VersionStatus.WITHDRAWN, VersionStatus.REJECTED];

export enum VersionSource {
  UPLOAD = 'UPLOAD',
  GIT = 'GIT',
}
registerEnumType(VersionSource, { name: 'VersionSource' });

export enum ApprovalKind {
  SCOPE = 'SCOPE',
  DESTRUCTIVE_TOOL = 'DESTRUCTIVE_TOOL',
  EGRESS_DOMAIN = 'EGRESS_DOMAIN',
}

/**
 * What review (or an automatic approval) has cleared for an extension: a later version that
 * only repeats these does not trigger review again.
 */
@Entity('extension_approvals')
export class ExtensionApprovalEntity {
  @PrimaryColumn({ type: 'uuid' })
  extensionId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @PrimaryColumn({ type: 'enum', enum: ApprovalKind, enumName: 'approval_kind' })
  kind: ApprovalKind;

  @PrimaryColumn({ type: 'text' })
  value: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  approvedAt: Date;
}

@Entity('extension_versions')
// At most one live submission per number: enforced by the database, not only by the service.
@Index('uq_extension_versions_live', ['extensionId', 'version'], {
  unique: true,
  where: `"status" NOT IN ('VALIDATION_FAILED', 'WITHDRAWN', 'REJECTED') AND "version" IS NOT NULL`,
})
// Expression and ordered partial indexes written by the migration HotReadIndexes (the newest live
// version in semver order; the latest published): not synchronized.
@Index('ix_extension_versions_live_semver', { synchronize: false })
@Index('ix_extension_versions_published', { synchronize: false })
export class ExtensionVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_extension_versions_extension_id')
  @Column({ type: 'uuid' })
  extensionId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  /** From the manifest; null when the manifest could not be read (then validation fails). */
  @Column({ type: 'text', nullable: true })
  version: string | null;

  @Column({ type: 'enum', enum: VersionStatus, enumName: 'version_status', default: VersionStatus.SUBMITTED })
  status: VersionStatus;

  @Column({ type: 'enum', enum: VersionSource, enumName: 'version_source' })
  source: VersionSource;

  @Column({ type: 'text' })
  packageSha256: string;

  @ManyToOne(() => PackageBlobEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'package_sha256' })
  blob?: PackageBlobEntity;

  @Column({ type: 'text', nullable: true })
  gitUrl: string | null;

  @Column({ type: 'text', nullable: true })
  gitRef: string | null;

  @Column({ type: 'text', nullable: true })
  gitCommitSha: string | null;

  /** The git access token sealed with PLAZA_ENCRYPTION_KEY (never stored in clear). */
  @Column({ type: 'text', nullable: true })
  gitTokenSealed: string | null;

  @Column({ type: 'jsonb', nullable: true })
  manifest: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  report: Record<string, unknown> | null;

  /** The bump from the latest published version (null for a first version). */
  @Column({ type: 'text', nullable: true })
  declaredBump: string | null;

  /** The bump the manifest diff requires (SEMVER-1 when the declared one is smaller). */
  @Column({ type: 'text', nullable: true })
  requiredBump: string | null;

  @Column({ type: 'jsonb', nullable: true })
  changeSummary: Record<string, unknown> | null;

  /** Why human review is needed: [{kind, value, reason}]; empty when approved automatically. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  reviewTriggers: { kind: string; value: string | null; reason: string }[];

  @Column({ type: 'uuid' })
  submittedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by_id' })
  submittedBy?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  validatedAt: Date | null;

  /** The validator rule-set version that judged `report` (docs/validation.md); null for reports from before rule-set versions. */
  @Column({ type: 'text', nullable: true })
  rulesetVersion: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Documentation discovered in the package (docs/marketplace.md, "Listing"), rendered to safe HTML at validation. */
  @Column({ type: 'jsonb', nullable: true })
  docs: Record<string, unknown> | null;
}
