import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only event log (an outbox): one row per state change, written in the same
 * transaction as the change. `txId` is the writing transaction's id; readers order by
 * (txId, id) and only read transactions older than every running one, so a cursor never
 * skips an event that commits late (see EventLog.readAfter).
 */
@Entity('platform_events')
@Index('ix_platform_events_position', ['txId', 'id'])
@Index('ix_platform_events_app_id', ['appId', 'id'])
export class PlatformEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'bigint' })
  txId: string;

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

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
