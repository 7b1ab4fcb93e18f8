import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { Public } from '../../shared/auth/auth-checker';
import { User } from '../accounts/accounts.types';
import type { AuthService } from '../accounts/auth.service';
import { Role } from '../../shared/auth/roles';
import type { ExtensionsService } from './extensions.service';
import { Category, ClaimExtensionInput, Extension } from './extensions.types';
import { canManageExtension } from './extension.policy';

@Resolver(() => Extension)
export class ExtensionsResolver {
  constructor(
    private readonly extensions: ExtensionsService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Query(() => [Category], { description: 'The category catalog' })
  async categories(@Ctx() ctx: RequestContext): Promise<Category[]> {
    return (await this.extensions.listCategories(ctx)).map(Category.from);
  }

  @Public()
  @Query(() => Extension, { nullable: true, description: 'An extension; unpublished ones only to their owner' })
  async extension(@Arg('appId') appId: string, @Ctx() ctx: RequestContext): Promise<Extension | null> {
    const extension = await this.extensions.findVisible(ctx, appId);
    return extension && Extension.from(extension);
  }

  @Authorized(Role.DEVELOPER)
  @Query(() => [Extension], { description: 'Extensions you own' })
  async myExtensions(@Ctx() ctx: RequestContext): Promise<Extension[]> {
    return (await this.extensions.listMine(authed(ctx))).map(Extension.from);
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => Extension, { description: 'Claim a permanent app id; CONFLICT when taken' })
  async claimExtension(@Arg('input') input: ClaimExtensionInput, @Ctx() ctx: RequestContext): Promise<Extension> {
    return Extension.from(await this.extensions.claim(authed(ctx), input));
  }

  @FieldResolver(() => String, { nullable: true, description: 'The reason given with the latest availability change; the owner and admins only' })
  availabilityReason(@Root() extension: Extension, @Ctx() ctx: RequestContext): string | null {
    return canManageExtension(ctx.actor, extension) ? extension.availabilityReasonText : null;
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => Extension, { description: 'Unlist your extension (PAUSED): off the marketplace, no new installs; existing installations keep working' })
  async pauseExtension(@Arg('appId') appId: string, @Ctx() ctx: RequestContext): Promise<Extension> {
    return Extension.from(await this.extensions.pause(authed(ctx), appId));
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => Extension, { description: 'List your paused extension again' })
  async resumeExtension(@Arg('appId') appId: string, @Ctx() ctx: RequestContext): Promise<Extension> {
    return Extension.from(await this.extensions.resume(authed(ctx), appId));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Extension, { description: 'Suspend any extension, with a reason (audited; ADMIN)' })
  async suspendExtension(@Arg('appId') appId: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<Extension> {
    return Extension.from(await this.extensions.suspend(authed(ctx), appId, reason));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Extension, { description: 'List a suspended or delisted extension again, with a reason (audited; ADMIN)' })
  async reinstateExtension(@Arg('appId') appId: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<Extension> {
    return Extension.from(await this.extensions.reinstate(authed(ctx), appId, reason));
  }

  @FieldResolver(() => User)
  async owner(@Root() extension: Extension, @Ctx() ctx: RequestContext): Promise<User> {
    const user = (await ctx.loaders.userById.load(extension.ownerId))!;
    return User.visible(ctx, user, this.auth.effectiveRoles(user));
  }
}
