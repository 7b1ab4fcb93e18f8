import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Connection, PageArgs } from '../../shared/pagination';
import { DateTimeScalar } from '../../shared/scalars';
import type { AuthedContext } from '../../context';
import { Role } from '../../shared/auth/roles';
import { eventEnvelope } from './event-log';
import type { PlatformEventEntity } from './event.entity';

@ObjectType({ simpleResolvers: true, description: 'One entry of the append-only event log' })
export class PlatformEvent {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Position in the log; pass as `after` to resume' })
  cursor: string;

  @Field()
  type: string;

  @Field(() => String, { nullable: true })
  appId: string | null;

  @Field(() => String, { nullable: true })
  version: string | null;

  @Field()
  subjectType: string;

  @Field()
  subjectId: string;

  @Field(() => DateTimeScalar)
  occurredAt: Date;

  @Field(() => Int, { description: 'Version of the documented `data` shape for this type (docs/events.md)' })
  payloadVersion: number;

  @Field(() => GraphQLJSON, { description: 'The type\'s payload, as documented in docs/events.md' })
  data: Record<string, unknown>;

  /** The event as the caller may read it (only callers the visibility rule admitted get here). */
  static from(e: PlatformEventEntity, ctx: AuthedContext): PlatformEvent {
    const actor = ctx.actor;
    return Object.assign(new PlatformEvent(), eventEnvelope(e, { userId: actor.userId, isAdmin: actor.roles.has(Role.ADMIN) }));
  }
}

@ObjectType({ simpleResolvers: true })
export class EventConnection extends Connection(PlatformEvent, 'PlatformEvent') {}

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  appIds?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  types?: string[];
}
