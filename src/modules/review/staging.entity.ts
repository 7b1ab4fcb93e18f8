import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../accounts/accounts.entities';
import { ExtensionVersionEntity } from '../versions/version.entity';

/** A tester the developer invited (by email) to install a validated, unpublished version. */
@Entity('staging_invites')
@Index('uq_staging_invites_version_email', ['versionId', 'email'], { unique: true })
export class StagingInviteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => ExtensionVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: ExtensionVersionEntity;

  /** Lower-cased; the tester may not have an account yet. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'uuid' })
  invitedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invited_by_id' })
  invitedBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
