import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import { ExtensionEntity } from '../extensions/extensions.entities';

/**
 * An extension's tracked git repository (README "Publish a Kiket extension",
 * docs/http.md "Git push webhooks"): where its last git submission came from, the access token that reads it and
 * the push webhook's secret, both sealed (SecretBox), and the docs the last push synced.
 */
@Entity('extension_git_sources')
export class ExtensionGitSourceEntity {
  @PrimaryColumn({ type: 'uuid' })
  extensionId: string;

  @OneToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @Column({ type: 'text' })
  url: string;

  /** The tracked branch (or tag/sha) of the last git submission: pushes to it revalidate. */
  @Column({ type: 'text' })
  ref: string;

  /** The repository-scoped access token, sealed; reused by revalidations. Never returned. */
  @Column({ type: 'text', nullable: true })
  tokenSealed: string | null;

  /** The push webhook's HMAC secret, sealed; shown once when made or rotated. */
  @Column({ type: 'text', nullable: true })
  webhookSecretSealed: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  webhookSecretCreatedAt: Date | null;

  /** Docs discovered at the last revalidated push (listing docs follow them when newer than the published version). */
  @Column({ type: 'jsonb', nullable: true })
  docs: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  docsCommitSha: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  docsSyncedAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

export enum GitRevalidationTrigger {
  /** A submitVersion from git (the entry records whether the token changed). */
  SUBMIT = 'SUBMIT',
  /** A verified GitHub push to the tracked branch. */
  PUSH = 'PUSH',
}
registerEnumType(GitRevalidationTrigger, { name: 'GitRevalidationTrigger' });

export enum GitRevalidationStatus {
  /** A submission: its result is the version's own validation. */
  SUBMITTED = 'SUBMITTED',
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  /** A newer push arrived before this one ran. */
  SUPERSEDED = 'SUPERSEDED',
  VALID = 'VALID',
  INVALID = 'INVALID',
  /** The commit could not be fetched (token revoked, branch force-pushed away, …). */
  FETCH_FAILED = 'FETCH_FAILED',
}
registerEnumType(GitRevalidationStatus, { name: 'GitRevalidationStatus' });

/** The validation history of a git-sourced extension: one row per git submission and per push. */
@Entity('git_revalidations')
@Index('ix_git_revalidations_extension', ['extensionId', 'createdAt'])
export class GitRevalidationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  extensionId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @Column({ type: 'enum', enum: GitRevalidationTrigger, enumName: 'git_revalidation_trigger' })
  trigger: GitRevalidationTrigger;

  @Column({ type: 'enum', enum: GitRevalidationStatus, enumName: 'git_revalidation_status' })
  status: GitRevalidationStatus;

  @Column({ type: 'text' })
  ref: string;

  @Column({ type: 'text' })
  commitSha: string;

  /** The version a submission created (null for a push). */
  @Column({ type: 'uuid', nullable: true })
  versionId: string | null;

  /** This submission replaced the stored access token (or added or removed one). */
  @Column({ type: 'boolean', default: false })
  tokenChanged: boolean;

  @Column({ type: 'text', nullable: true })
  deliveryId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  report: Record<string, unknown> | null;

  @Column({ type: 'integer', nullable: true })
  errorCount: number | null;

  @Column({ type: 'integer', nullable: true })
  warningCount: number | null;

  /** Why a fetch failed (token-free, shown to the author). */
  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** Push deliveries already taken (X-GitHub-Delivery): a redelivery is answered and not run twice. */
@Entity('git_hook_deliveries')
export class GitHookDeliveryEntity {
  @PrimaryColumn({ type: 'uuid' })
  extensionId: string;

  @PrimaryColumn({ type: 'text' })
  deliveryId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @Column({ type: 'text' })
  event: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
