import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import { ExtensionVersionEntity } from '../versions/version.entity';
import { InstallationEntity } from './installation.entity';

export enum OfferStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(OfferStatus, { name: 'OfferStatus' });

/**
 * An opt-in upgrade (docs/marketplace.md, "Updating an installed extension"): the installation stays on its
 * version until its owner accepts, granting the new scopes. A newer version supersedes it.
 */
@Entity('upgrade_offers')
@Index('uq_upgrade_offers_open', ['installationId'], { unique: true, where: `"status" IN ('OPEN', 'DECLINED')` })
export class UpgradeOfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  installationId: string;

  @ManyToOne(() => InstallationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'installation_id' })
  installation?: InstallationEntity;

  @Column({ type: 'uuid' })
  fromVersionId: string;

  @ManyToOne(() => ExtensionVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_version_id' })
  fromVersion?: ExtensionVersionEntity;

  @Column({ type: 'uuid' })
  toVersionId: string;

  @ManyToOne(() => ExtensionVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_version_id' })
  toVersion?: ExtensionVersionEntity;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  newScopes: string[];

  @Column({ type: 'enum', enum: OfferStatus, enumName: 'offer_status', default: OfferStatus.OPEN })
  status: OfferStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;
}
