import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import { UserEntity } from '../accounts/accounts.entities';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { ExtensionVersionEntity } from '../versions/version.entity';

export enum ReviewState {
  OPEN = 'OPEN',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ReviewState, { name: 'ReviewState' });

export enum ReviewDecision {
  APPROVE = 'APPROVE',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  REJECT = 'REJECT',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });

/**
 * Why a case exists: SUBMISSION reviews a submitted version before it may be published (its
 * decision moves the version); RESCAN reviews a published version that a rescan with a newer
 * rule set found ERRORs in (docs/validation.md, "Rule-set versions and rescans"): its decision is
 * recorded and never moves the version.
 */
export enum ReviewCaseKind {
  SUBMISSION = 'SUBMISSION',
  RESCAN = 'RESCAN',
}
registerEnumType(ReviewCaseKind, { name: 'ReviewCaseKind' });

/** One human review of one version, with its SLA due date. */
@Entity('review_cases')
@Index('ix_review_cases_state_due', ['state', 'dueAt'])
// One submission case per version; at most one undecided rescan case per version (later findings join it).
@Index('uq_review_cases_version_id', ['versionId'], { unique: true, where: `"kind" = 'SUBMISSION'` })
@Index('uq_review_cases_open_rescan', ['versionId'], { unique: true, where: `"kind" = 'RESCAN' AND "state" IN ('OPEN', 'IN_REVIEW')` })
export class ReviewCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @Column({ type: 'enum', enum: ReviewCaseKind, enumName: 'review_case_kind', default: ReviewCaseKind.SUBMISSION })
  kind: ReviewCaseKind;

  @ManyToOne(() => ExtensionVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: ExtensionVersionEntity;

  @Column({ type: 'uuid' })
  extensionId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @Column({ type: 'enum', enum: ReviewState, enumName: 'review_state', default: ReviewState.OPEN })
  state: ReviewState;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  triggers: { kind: string; value: string | null; reason: string }[];

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: UserEntity;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'enum', enum: ReviewDecision, enumName: 'review_decision', nullable: true })
  decision: ReviewDecision | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The thread between reviewers and the developer on one case. */
@Entity('review_messages')
@Index('ix_review_messages_case', ['caseId', 'createdAt'])
export class ReviewMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => ReviewCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  reviewCase?: ReviewCaseEntity;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
