import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import { UserEntity } from '../accounts/accounts.entities';
import { PlatformEventEntity } from '../events/event.entity';

export enum EndpointStatus {
  ACTIVE = 'ACTIVE',
  /** Failed continuously for PLAZA_WEBHOOK_DISABLE_AFTER_SECONDS, or disabled by its owner. */
  DISABLED = 'DISABLED',
}

export enum DeliveryStatus {
  /** Waiting for its first or next attempt. */
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  /** Gave up: a 4xx other than 429, the retry window ran out, or the endpoint was disabled. */
  FAILED = 'FAILED',
}

registerEnumType(EndpointStatus, { name: 'WebhookEndpointStatus' });
registerEnumType(DeliveryStatus, { name: 'WebhookDeliveryStatus' });

/** A partner's receiver: where matching events are POSTed, signed with the endpoint's secret. */
@Entity('webhook_endpoints')
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_webhook_endpoints_owner')
  @Column({ type: 'uuid' })
  ownerUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_user_id' })
  owner?: UserEntity;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Empty: every type the owner may see. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  eventTypes: string[];

  /** Empty: every app. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  appIds: string[];

  /** The signing secret (`whsec_…`), sealed with PLAZA_ENCRYPTION_KEY: Plaza must sign with it. */
  @Column({ type: 'text' })
  secretSealed: string;

  /** The secret before the last rotation, still signed with until `previousSecretExpiresAt`. */
  @Column({ type: 'text', nullable: true })
  previousSecretSealed: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  @Column({ type: 'text', default: EndpointStatus.ACTIVE })
  status: EndpointStatus;

  @Column({ type: 'text', nullable: true })
  disabledReason: string | null;

  /** Start of the current run of failed attempts (null after any success). */
  @Column({ type: 'timestamptz', nullable: true })
  failingSince: Date | null;

  /** Events up to this log position were written before the endpoint existed: never sent. */
  @Column({ type: 'bigint' })
  startsAfterEventId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One event for one endpoint; retried until it succeeds or gives up. */
@Entity('webhook_deliveries')
@Unique('uq_webhook_deliveries_endpoint_event', ['endpointId', 'eventId'])
@Index('ix_webhook_deliveries_endpoint', ['endpointId', 'createdAt'])
// Event retention drops deliveries by event id range, and its foreign-key checks look them up by event.
@Index('ix_webhook_deliveries_event', ['eventId'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  endpointId: string;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: WebhookEndpointEntity;

  @Column({ type: 'bigint' })
  eventId: string;

  @ManyToOne(() => PlatformEventEntity)
  @JoinColumn({ name: 'event_id' })
  event?: PlatformEventEntity;

  @Column({ type: 'text', default: DeliveryStatus.PENDING })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Bumped by a manual redelivery: jobs of an older generation stand down. */
  @Column({ type: 'int', default: 0 })
  generation: number;

  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  /** Retries stop after this moment (first attempt + PLAZA_WEBHOOK_RETRY_WINDOW_SECONDS). */
  @Column({ type: 'timestamptz', nullable: true })
  retryUntil: Date | null;

  @Column({ type: 'int', nullable: true })
  lastStatusCode: number | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}

/** Every HTTP attempt, kept for the partner's debugging. */
@Entity('webhook_attempts')
@Index('ix_webhook_attempts_delivery', ['deliveryId', 'attemptedAt'])
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  deliveryId: string;

  @ManyToOne(() => WebhookDeliveryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id' })
  delivery?: WebhookDeliveryEntity;

  @Column({ type: 'timestamptz' })
  attemptedAt: Date;

  /** Null when no HTTP response arrived (refused address, DNS, connection, timeout). */
  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'int' })
  latencyMs: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** The first 1 KiB of the response body. */
  @Column({ type: 'text', nullable: true })
  responseExcerpt: string | null;
}

/** The dispatcher's position in the event log (a single row, locked while dispatching). */
@Entity('webhook_dispatch_cursor')
export class WebhookDispatchCursorEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'bigint' })
  lastEventId: string;
}
