import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import { OrganizationEntity, UserEntity } from '../accounts/accounts.entities';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { ExtensionVersionEntity } from '../versions/version.entity';

export enum InstallSource {
  USER = 'USER',
  AUTO_SYSTEM = 'AUTO_SYSTEM',
  STAGING = 'STAGING',
}
registerEnumType(InstallSource, { name: 'InstallSource' });

/** docs/marketplace.md "System apps": system apps sit in the sidebar's bottom block, everything else in the middle list. */
export enum Placement {
  SIDEBAR_BOTTOM = 'SIDEBAR_BOTTOM',
  MIDDLE_LIST = 'MIDDLE_LIST',
}
registerEnumType(Placement, { name: 'Placement' });

export enum InstallStatus {
  ACTIVE = 'ACTIVE',
  UNINSTALLED = 'UNINSTALLED',
}
registerEnumType(InstallStatus, { name: 'InstallStatus' });

/**
 * One extension installed for one user (personal workspace) or one organization. At most one
 * active installation per owner and extension, enforced by partial unique indexes.
 */
@Entity('installations')
@Index('uq_installations_user', ['extensionId', 'ownerUserId'], { unique: true, where: `"status" = 'ACTIVE' AND "organization_id" IS NULL` })
@Index('uq_installations_org', ['extensionId', 'organizationId'], { unique: true, where: `"status" = 'ACTIVE' AND "organization_id" IS NOT NULL` })
@Index('ix_installations_owner', ['ownerUserId', 'status'])
@Index('ix_installations_extension_active', ['extensionId', 'id'], { where: `"status" = 'ACTIVE'` })
export class InstallationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  extensionId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => ExtensionVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id' })
  version?: ExtensionVersionEntity;

  /** The user whose data namespace it is (for an organization install: null). */
  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_user_id' })
  ownerUser?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  grantedScopes: string[];

  @Column({ type: 'enum', enum: InstallSource, enumName: 'install_source' })
  source: InstallSource;

  @Column({ type: 'enum', enum: Placement, enumName: 'install_placement' })
  placement: Placement;

  @Column({ type: 'enum', enum: InstallStatus, enumName: 'install_status', default: InstallStatus.ACTIVE })
  status: InstallStatus;

  @Column({ type: 'uuid', nullable: true })
  installedById: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  installedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  uninstalledAt: Date | null;

  /**
   * The version an automatic rollout moved this installation from (null when it was installed,
   * or last moved, by its owner): a rollback returns it there.
   */
  @Column({ type: 'uuid', nullable: true })
  rolledFromVersionId: string | null;
}

/**
 * Active, non-staging installations per extension (docs/benchmarks.md, "Catalogue of millions"):
 * the INSTALLS sort and `Extension.installCount` read this instead of counting millions of rows.
 * Kept by statement-level triggers on `installations` (migration InstallCounts), so every writer
 * (install, uninstall, system apps for everyone, rollouts) keeps it right in its own transaction;
 * no code writes it.
 */
@Entity('extension_install_counts')
export class ExtensionInstallCountEntity {
  @PrimaryColumn({ type: 'uuid' })
  extensionId: string;

  @OneToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @Column({ type: 'integer', default: 0 })
  activeCount: number;
}
