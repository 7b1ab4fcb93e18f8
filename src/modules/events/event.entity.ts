import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only event log (an outbox): one row per state change, written in the same
 * transaction as the change. Appends are serialized until commit (EventLog.append), so `id`
 * grows in commit order and is itself the replay cursor.
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
