import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import { UserEntity } from '../accounts/accounts.entities';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { PackageBlobEntity } from '../packages/packages.entities';

/** DESIGN.md "Version lifecycle". */
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
}
registerEnumType(VersionStatus, { name: 'VersionStatus' });

/** Statuses that free a version number for reuse (a failed or withdrawn number may come back). */
export const DEAD_STATUSES = [VersionStatus.VALIDATION_FAILED, VersionStatus.WITHDRAWN, VersionStatus.REJECTED];

export enum VersionSource {
  UPLOAD = 'UPLOAD',
  GIT = 'GIT',
}
registerEnumType(VersionSource, { name: 'VersionSource' });

@Entity('extension_versions')
// At most one live submission per number: enforced by the database, not only by the service.
@Index('uq_extension_versions_live', ['extensionId', 'version'], {
  unique: true,
  where: `"status" NOT IN ('VALIDATION_FAILED', 'WITHDRAWN', 'REJECTED') AND "version" IS NOT NULL`,
})
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

  @Column({ type: 'uuid' })
  submittedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by_id' })
  submittedBy?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  validatedAt: Date | null;
}
