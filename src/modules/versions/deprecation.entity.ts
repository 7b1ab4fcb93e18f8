import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ExtensionVersionEntity } from '../versions/version.entity';

/** A published version's end of life (docs/marketplace.md, "Deprecations and sunsets"): a reason and an optional sunset date. */
@Entity('deprecations')
export class DeprecationEntity {
  @PrimaryColumn({ type: 'uuid' })
  versionId: string;

  @OneToOne(() => ExtensionVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: ExtensionVersionEntity;

  @Column({ type: 'text' })
  reason: string;

  /** After this instant the version can no longer be installed. */
  @Column({ type: 'timestamptz', nullable: true })
  sunsetAt: Date | null;

  /** When the sunset job announced it (version.sunset event). */
  @Column({ type: 'timestamptz', nullable: true })
  sunsetAnnouncedAt: Date | null;

  @Column({ type: 'uuid' })
  deprecatedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
