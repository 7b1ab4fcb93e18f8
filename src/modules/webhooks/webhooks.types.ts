import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { DateTimeScalar } from '../../shared/scalars';
import { DeliveryStatus, EndpointStatus, WebhookAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entities';

@ObjectType({ simpleResolvers: true, description: 'One HTTP attempt of a delivery' })
export class WebhookAttempt {
  @Field(() => DateTimeScalar)
  attemptedAt: Date;

  @Field(() => Int, { nullable: true, description: 'Null when no response arrived' })
  statusCode: number | null;

  @Field(() => Int)
  latencyMs: number;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => String, { nullable: true, description: 'The first 1 KiB of the response body' })
  responseExcerpt: string | null;

  static from(e: WebhookAttemptEntity): WebhookAttempt {
    return Object.assign(new WebhookAttempt(), e);
  }
}

@ObjectType({ simpleResolvers: true, description: 'One event for one endpoint, retried until it succeeds or gives up' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Sent as `webhook-id` (msg_<id>); the same on every attempt' })
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => DeliveryStatus)
  status: DeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field(() => DateTimeScalar, { nullable: true })
  nextAttemptAt: Date | null;

  @Field(() => Int, { nullable: true })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  deliveredAt: Date | null;

  static from(e: WebhookDeliveryEntity): WebhookDelivery {
    return Object.assign(new WebhookDelivery(), {
      id: e.id,
      eventId: e.eventId,
      status: e.status,
      attempts: e.attempts,
      nextAttemptAt: e.status === DeliveryStatus.PENDING ? e.nextAttemptAt : null,
      lastStatusCode: e.lastStatusCode,
      lastError: e.lastError,
      createdAt: e.createdAt,
      deliveredAt: e.deliveredAt,
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class WebhookEndpoint {
  @Field(() => ID)
  id: string;

  @Field()
  url: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [String], { description: 'Empty: every event you may see' })
  eventTypes: string[];

  @Field(() => [String], { description: 'Empty: every app' })
  appIds: string[];

  @Field(() => EndpointStatus)
  status: EndpointStatus;

  @Field(() => String, { nullable: true })
  disabledReason: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start of the current run of failures' })
  failingSince: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Until then, deliveries are also signed with the previous secret' })
  previousSecretExpiresAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: WebhookEndpointEntity): WebhookEndpoint {
    return Object.assign(new WebhookEndpoint(), {
      id: e.id,
      url: e.url,
      description: e.description,
      eventTypes: e.eventTypes,
      appIds: e.appIds,
      status: e.status,
      disabledReason: e.disabledReason,
      failingSince: e.failingSince,
      previousSecretExpiresAt: e.previousSecretExpiresAt && e.previousSecretExpiresAt > new Date() ? e.previousSecretExpiresAt : null,
      createdAt: e.createdAt,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'An endpoint with its signing secret: shown this once, never again' })
export class WebhookEndpointSecret {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field({ description: 'whsec_…: verify `webhook-signature` with it (Standard Webhooks)' })
  secret: string;
}

@InputType()
export class CreateWebhookEndpointInput {
  @Field({ description: 'https:// (plain http only to loopback when the server allows it)' })
  @MaxLength(2000)
  url: string;

  @Field(() => [String], { nullable: true, description: 'Catalogued event types (docs/events.md); none: every event you may see' })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  eventTypes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only these apps; none: all you may see' })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(64, { each: true })
  appIds?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  description?: string | null;
}
