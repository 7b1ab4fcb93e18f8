import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to which record, and when. Append-only; written in the acting transaction. */
@Entity('audit_entries')
@Index('ix_audit_entries_target', ['targetType', 'targetId'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  targetType: string;

  @Column({ type: 'text' })
  targetId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
