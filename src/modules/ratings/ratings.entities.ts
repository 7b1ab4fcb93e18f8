import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import { OrganizationEntity, UserEntity } from '../accounts/accounts.entities';
import { ExtensionEntity } from '../extensions/extensions.entities';

export enum ModerationDecision {
  HIDE = 'HIDE',
  KEEP = 'KEEP',
}
registerEnumType(ModerationDecision, { name: 'ModerationDecision', description: 'HIDE: the review leaves public lists; KEEP: it stays' });

/**
 * One installer's rating of one extension (docs/ratings.md): a user's own, or an organization's
 * (written by one of its admins). One per installer, enforced by partial unique indexes, so an
 * edit is an upsert and concurrent first ratings give one row.
 */
@Entity('extension_ratings')
@Index('uq_extension_ratings_user', ['extensionId', 'authorUserId'], { unique: true, where: `"organization_id" IS NULL` })
@Index('uq_extension_ratings_org', ['extensionId', 'organizationId'], { unique: true, where: `"organization_id" IS NOT NULL` })
@Index('ix_extension_ratings_extension_created', ['extensionId', 'createdAt'])
@Check('ck_extension_ratings_stars', `"stars" BETWEEN 1 AND 5`)
export class ExtensionRatingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  extensionId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  /** Who wrote it (for an organization's rating: the admin who wrote or last edited it). */
  @Column({ type: 'uuid' })
  authorUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_user_id' })
  authorUser?: UserEntity;

  /** Set when the rating is the organization's, not the author's own. */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'smallint' })
  stars: number;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  /** Set by a moderator's HIDE: the review leaves every public list and the aggregates. */
  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The developer's one reply to one review, editable. */
@Entity('rating_replies')
export class RatingReplyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_rating_replies_rating_id', { unique: true })
  @Column({ type: 'uuid' })
  ratingId: string;

  @ManyToOne(() => ExtensionRatingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rating_id' })
  rating?: ExtensionRatingEntity;

  @Column({ type: 'uuid' })
  authorUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_user_id' })
  authorUser?: UserEntity;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One signed-in user's report of one review (once per reporter); open until a moderator decides. */
@Entity('rating_reports')
@Index('uq_rating_reports_reporter', ['ratingId', 'reporterId'], { unique: true })
@Index('ix_rating_reports_open', ['createdAt'], { where: `"decision" IS NULL` })
export class RatingReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  ratingId: string;

  @ManyToOne(() => ExtensionRatingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rating_id' })
  rating?: ExtensionRatingEntity;

  @Column({ type: 'uuid' })
  reporterId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporter_id' })
  reporter?: UserEntity;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'enum', enum: ModerationDecision, enumName: 'rating_moderation_decision', nullable: true })
  decision: ModerationDecision | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
