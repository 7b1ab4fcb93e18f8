import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../accounts/accounts.entities';

/** A stored package, keyed by the sha256 of its bytes (stored once however often submitted). */
@Entity('package_blobs')
export class PackageBlobEntity {
  @PrimaryColumn({ type: 'text' })
  sha256: string;

  @Column({ type: 'bigint' })
  sizeBytes: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export enum UploadStatus {
  PENDING = 'PENDING',
  RECEIVED = 'RECEIVED',
  USED = 'USED',
  EXPIRED = 'EXPIRED',
}

/** A slot a developer sends zip bytes to; it expires unused. */
@Entity('package_uploads')
@Index('ix_package_uploads_status_expires', ['status', 'expiresAt'])
export class PackageUploadEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_package_uploads_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: UploadStatus, enumName: 'upload_status', default: UploadStatus.PENDING })
  status: UploadStatus;

  @Column({ type: 'bigint' })
  maxBytes: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'text', nullable: true })
  sha256: string | null;

  @ManyToOne(() => PackageBlobEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sha256' })
  blob?: PackageBlobEntity;

  @Column({ type: 'bigint', nullable: true })
  sizeBytes: string | null;

  /** INFO/WARN issues the archive check produced (dropped paths, *.bak). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  archiveIssues: unknown[];

  @Column({ type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
