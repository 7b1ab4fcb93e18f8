import { registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../accounts/accounts.entities';
import { ExtensionAvailability } from './extension-availability';

/** The seeded category catalog (marketplace discovery filters). */
@Entity('categories')
export class CategoryEntity {
  @PrimaryColumn({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}

/** The platform capability registry (scopes the platform grants), seeded from PLATFORM_SCOPES. */
@Entity('platform_scopes')
export class PlatformScopeEntity {
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @Column({ type: 'text' })
  description: string;
}

/**
 * The package format an extension publishes in: the manifest its packages carry (imperal.json
 * or .kiket/manifest.yaml). Fixed by the first submission; every later one keeps it.
 */
export enum PackageFormatKind {
  IMPERAL = 'IMPERAL',
  KIKET = 'KIKET',
}
registerEnumType(PackageFormatKind, { name: 'PackageFormat', description: 'The manifest an extension\'s packages carry: imperal.json (IMPERAL) or .kiket/manifest.yaml (KIKET)' });

/** A claimed app id. The id is permanent and unique; the claim, not the package, owns it. */
@Entity('extensions')
export class ExtensionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_extensions_app_id', { unique: true })
  @Column({ type: 'text' })
  appId: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  category: string;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category' })
  categoryRef?: CategoryEntity;

  @Index('ix_extensions_owner_id')
  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity;

  /** Set from the first validated manifest that declares system=true (first-party only, V31). */
  @Column({ type: 'boolean', default: false })
  system: boolean;

  /** IMPERAL until a first submission says otherwise (docs/validation.md, "Kiket manifests"). */
  @Column({ type: 'enum', enum: PackageFormatKind, enumName: 'package_format', default: PackageFormatKind.IMPERAL })
  format: PackageFormatKind;

  /** On the marketplace or not, and why (extension-availability.ts; docs/runtime.md). */
  @Column({ type: 'enum', enum: ExtensionAvailability, enumName: 'extension_availability', default: ExtensionAvailability.LISTED })
  availability: ExtensionAvailability;

  /** The reason given with the latest availability change (owner and admins only). */
  @Column({ type: 'text', nullable: true })
  availabilityReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  availabilityChangedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The developer paused (unlisted) it: billing changes prices only while paused. */
  get paused(): boolean {
    return this.availability === ExtensionAvailability.PAUSED;
  }
}
