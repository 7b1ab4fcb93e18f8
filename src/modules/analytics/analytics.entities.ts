import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { ExtensionVersionEntity } from '../versions/version.entity';

/**
 * The figures an extension's day and a version's day share: flows counted that day (installs,
 * offers, runtime usage) and active installations at its end. Each entity adds its own.
 */
abstract class DailyFigures {
  @Column({ type: 'int', default: 0 })
  installs: number;

  @Column({ type: 'int', default: 0 })
  uninstalls: number;

  @Column({ type: 'int', default: 0 })
  activeInstallations: number;

  @Column({ type: 'int', default: 0 })
  offersCreated: number;

  @Column({ type: 'int', default: 0 })
  offersAccepted: number;

  @Column({ type: 'int', default: 0 })
  offersDeclined: number;

  /** Tool calls the runtime reported that day. */
  @Column({ type: 'bigint', default: 0 })
  actions: string;

  @Column({ type: 'bigint', default: 0 })
  errors: string;
}

/**
 * One extension's figures for one UTC day (docs/analytics.md), written only by the rollup
 * (AnalyticsService.rollup), which replaces whole days: a re-run for the same day gives the same
 * rows. Flows (installs, offers, actions…) count what happened that day; `activeInstallations`,
 * `ratingCount` and `ratingSum` are the state at the end of the day.
 */
@Entity('analytics_extension_daily')
export class ExtensionDailyStatsEntity extends DailyFigures {
  @PrimaryColumn({ type: 'uuid' })
  extensionId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  @PrimaryColumn({ type: 'date' })
  day: string;

  /** Installations moved to a newer version that day (accepted offers and automatic rollouts). */
  @Column({ type: 'int', default: 0 })
  upgrades: number;

  /** Ratings first written that day. */
  @Column({ type: 'int', default: 0 })
  ratingsNew: number;

  /** Visible ratings at the end of the day, and the sum of their stars. */
  @Column({ type: 'int', default: 0 })
  ratingCount: number;

  @Column({ type: 'int', default: 0 })
  ratingSum: number;
}

/**
 * One version's figures for one UTC day: installs made on it, removals while on it, upgrade
 * adoption, offers to it, runtime usage; active installations on it at the end of the day.
 */
@Entity('analytics_version_daily')
@Index('ix_analytics_version_daily_extension_day', ['extensionId', 'day'])
export class VersionDailyStatsEntity extends DailyFigures {
  @PrimaryColumn({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => ExtensionVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: ExtensionVersionEntity;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'uuid' })
  extensionId: string;

  @ManyToOne(() => ExtensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'extension_id' })
  extension?: ExtensionEntity;

  /** Installations that moved to this version (adoption). */
  @Column({ type: 'int', default: 0 })
  upgradesIn: number;

  /** Installations that left this version for a newer one. */
  @Column({ type: 'int', default: 0 })
  upgradesOut: number;
}

/**
 * The days the rollup has computed, for every extension at once. A day's end-of-day state
 * (active installations) continues from the previous day's rows when that day is here, and is
 * rebuilt from the installations table and the moves logged since otherwise.
 */
@Entity('analytics_rollup_days')
export class RollupDayEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  /** The clock's time when the day was last computed; a day computed before it ended is partial. */
  @Column({ type: 'timestamptz' })
  computedAt: Date;

  @Column({ type: 'boolean' })
  complete: boolean;
}
