import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ExtensionEntity } from '../extensions/extensions.entities';

/** The marketplace presentation of an extension (docs/marketplace.md, "Listing"). */
@Entity('listings')
// A GIN index created by the migration (TypeORM cannot describe its method): not synchronized.
@Index('ix_listings_search', { synchronize: false })
// Also the migration's (HotReadIndexes): lower(title) for exact-name search hits, GIN on
// categories, and the published listings' (published_at, extension_id) for whole-catalogue orders.
@Index('ix_listings_title_lower', { synchronize: false })
@Index('ix_listings_categories', { synchronize: false })
@Index('ix_listings_published', { synchronize: false })
export class ListingEntity {
  @PrimaryColumn({ type: 'uuid' })
  extensionId: string;

  @OneToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  shortDescription: string | null;

  @Column({ type: 'text', nullable: true })
  fullDescription: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  screenshots: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  supportedLanguages: string[];

  @Column({ type: 'text', nullable: true })
  privacyPolicyUrl: string | null;

  @Column({ type: 'text', nullable: true })
  supportContact: string | null;

  /** The first-response time support commits to, in hours (the listing's SLA expectation). */
  @Column({ type: 'int', nullable: true })
  supportResponseHours: number | null;

  /** Full-text document (title, descriptions, tool descriptions), refreshed on update and publish. */
  @Column({ type: 'tsvector', nullable: true, select: false })
  searchDocument: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
