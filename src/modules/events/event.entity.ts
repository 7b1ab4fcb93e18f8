import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only event log (an outbox): one row per state change, written in the same
 * transaction as the change. `id` is the replay cursor: readers read only up to the safe id
 * (EventLog.safeId), so no event commits below a cursor a reader has passed.
 */
@Entity('platform_events')
@Index('ix_platform_events_app_id', ['appId', 'id'])
// BRIN on occurred_at WITH (autosummarize = on) (migration Analytics): the analytics rollup reads
// one day of the log at a time; rows arrive in time order, so a block-range index stays tiny and
// cheap to maintain.
@Index('ix_platform_events_occurred_at_brin', { synchronize: false })
export class PlatformEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text', nullable: true })
  appId: string | null;

  @Column({ type: 'text', nullable: true })
  version: string | null;

  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'text' })
  subjectId: string;

  /** Who may read a private event (null: every authenticated reader). */
  @Index('ix_platform_events_audience')
  @Column({ type: 'uuid', nullable: true })
  audienceUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** Version of `data`'s documented shape for this type (docs/events.md). */
  @Column({ type: 'smallint', default: 1 })
  payloadVersion: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}

/**
 * The retention floor of the log (one row): every event with an id at or below `floorId` has been
 * dropped (docs/events.md, "Retention"). A cursor below it has expired (CURSOR_EXPIRED).
 */
@Entity('platform_event_floor')
@Check('ck_platform_event_floor_singleton', '"id" = 1')
export class PlatformEventFloorEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'bigint', default: '0' })
  floorId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
