import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { ExtensionVersionEntity } from '../versions/version.entity';

/**
 * Where a rollout stands (docs/marketplace.md, "Rollouts"). ACTIVE: moving installations in
 * batches toward `percent`, or staged and waiting for its next step; PAUSED: stopped by a health
 * regression or by hand; COMPLETED: every eligible installation moved; ROLLING_BACK: moving the
 * cohort back in batches; ROLLED_BACK: done with that.
 */
export enum RolloutState {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  COMPLETED = 'COMPLETED',
  ROLLING_BACK = 'ROLLING_BACK',
  ROLLED_BACK = 'ROLLED_BACK',
}
registerEnumType(RolloutState, { name: 'RolloutState' });

/**
 * The durable state of one version's rollout: which share of the installations it may move
 * (`percent`, by the stable hash bucket of each installation id) and how far the current pass got
 * (`cursor`, the last installation id a committed batch covered). Each batch moves its
 * installations, writes their events and advances the cursor in one short transaction, so a
 * crash resumes after the last committed batch and nobody is moved or told twice.
 */
@Entity('rollouts')
@Check('ck_rollouts_state', `"state" IN ('ACTIVE', 'PAUSED', 'COMPLETED', 'ROLLING_BACK', 'ROLLED_BACK')`)
@Check('ck_rollouts_percent', `"percent" BETWEEN 1 AND 100 AND ("step_percent" IS NULL OR "step_percent" BETWEEN 1 AND 100)`)
export class RolloutEntity {
  @PrimaryColumn({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => ExtensionVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: ExtensionVersionEntity;

  @Column({ type: 'uuid' })
  extensionId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @Column({ type: 'varchar', length: 16, default: RolloutState.ACTIVE })
  state: RolloutState;

  /** The share of installations (1–100) the rollout may move, chosen by hash bucket. */
  @Column({ type: 'smallint', default: 100 })
  percent: number;

  /** A staged rollout widens by this many points every `stepEveryHours` (null: no schedule). */
  @Column({ type: 'smallint', nullable: true })
  stepPercent: number | null;

  @Column({ type: 'int', nullable: true })
  stepEveryHours: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  nextStepAt: Date | null;

  /** The last installation id the current pass covered (null: the pass starts from the first). */
  @Column({ type: 'uuid', nullable: true })
  cursor: string | null;

  /** The current pass (toward `percent`, or the rollback) has covered every installation. */
  @Column({ type: 'boolean', default: false })
  passDone: boolean;

  /** Installations moved to this version by the rollout (less those rolled back). */
  @Column({ type: 'int', default: 0 })
  moved: number;

  @Column({ type: 'int', default: 0 })
  offered: number;

  @Column({ type: 'int', default: 0 })
  rolledBack: number;

  @Column({ type: 'int', default: 0 })
  batches: number;

  /** The newest published version below this one when the rollout started: the health baseline. */
  @Column({ type: 'uuid', nullable: true })
  previousVersionId: string | null;

  /** When the current observation window began (start, last widening or resume), from the Clock. */
  @Column({ type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ type: 'text', nullable: true })
  pausedReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One step of a rollout's history (`rollout(versionId) { history }`). */
@Entity('rollout_history')
@Index('ix_rollout_history_version', ['versionId', 'id'])
export class RolloutHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => RolloutEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  rollout?: RolloutEntity;

  /** STARTED, WIDENED, PAUSED, RESUMED, COMPLETED, ROLLING_BACK, ROLLED_BACK. */
  @Column({ type: 'varchar', length: 16 })
  action: string;

  @Column({ type: 'smallint' })
  percent: number;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Who did it (null: the platform, e.g. the schedule or the health check). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'double precision', nullable: true })
  errorRate: number | null;

  @Column({ type: 'double precision', nullable: true })
  baselineErrorRate: number | null;

  /** From the Clock. */
  @Column({ type: 'timestamptz' })
  at: Date;
}
