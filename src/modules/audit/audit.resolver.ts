import { Args, Authorized, Ctx, Extensions, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { RequestContext } from '../../context';
import { Connection, PageArgs, pageSize, toConnection } from '../../shared/pagination';
import { DateTimeScalar } from '../../shared/scalars';
import { Role } from '../../shared/auth/roles';
import type { AuditEntryEntity } from './audit-entry.entity';
import type { AuditTrail } from './audit-trail';

@ObjectType({ simpleResolvers: true, description: 'Who did what to which record, and when' })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  /** Resolved to a `User` by the accounts module (AuditActorResolver), which owns users. */
  actorId: string | null;

  @Field()
  action: string;

  @Field()
  targetType: string;

  @Field()
  targetId: string;

  @Field(() => GraphQLJSON)
  data: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  requestId: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: AuditEntryEntity): AuditEntry {
    return Object.assign(new AuditEntry(), {
      id: e.id,
      actorId: e.actorId,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      data: e.data,
      requestId: e.requestId,
      createdAt: e.createdAt,
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry') {}

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(
    private readonly audit: AuditTrail,
    private readonly maxPageSize: number,
  ) {}

  @Authorized(Role.ADMIN)
  @Extensions({ connection: true })
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first (ADMIN)' })
  async auditLog(@Args() args: PageArgs, @Ctx() ctx: RequestContext): Promise<AuditEntryConnection> {
    const page = await this.audit.list(ctx, pageSize(args.first, this.maxPageSize), args.after);
    return toConnection(page, AuditEntry.from);
  }
}
