import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { AuditEntry } from '../audit/audit.resolver';
import { User } from './accounts.types';
import type { AuthService } from './auth.service';

/**
 * `AuditEntry.actor`: the audit module records who acted by id; the accounts module, which owns
 * users and their visibility (user.policy.ts), turns the id into a `User`.
 */
@Resolver(() => AuditEntry)
export class AuditActorResolver {
  constructor(private readonly auth: AuthService) {}

  @FieldResolver(() => User, { nullable: true, description: 'null for system actions' })
  async actor(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): Promise<User | null> {
    if (!entry.actorId) return null;
    const user = await ctx.loaders.userById.load(entry.actorId);
    return user && User.visible(ctx, user, this.auth.effectiveRoles(user));
  }
}
