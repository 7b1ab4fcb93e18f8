import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ExtensionEntity } from '../extensions/extensions.entities';

/** What a stored listing medium is (docs/marketplace.md, "Screenshots and compliance documents"). */
export enum ListingMediaKind {
  SCREENSHOT = 'SCREENSHOT',
  SECURITY_REVIEW = 'SECURITY_REVIEW',
  DATA_HANDLING = 'DATA_HANDLING',
}

/**
 * A screenshot (re-encoded, metadata stripped) or a compliance PDF of a listing. Screenshots take
 * positions 1..8; a compliance document has position 0 and one row per kind.
 */
@Entity('listing_media')
@Index('ux_listing_media_slot', ['extensionId', 'kind', 'position'], { unique: true })
@Index('ix_listing_media_sha256', ['sha256'])
export class ListingMediaEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  extensionId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @Column({ type: 'enum', enum: ListingMediaKind, enumName: 'listing_media_kind' })
  kind: ListingMediaKind;

  @Column({ type: 'int' })
  position: number;

  /** Detected from the bytes, never taken from the request. */
  @Column({ type: 'text' })
  contentType: string;

  /** Of the stored bytes (the re-encoded image): the serving URL and ETag. */
  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'int', nullable: true })
  width: number | null;

  @Column({ type: 'int', nullable: true })
  height: number | null;

  @Column({ type: 'bytea', select: false })
  bytes: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
