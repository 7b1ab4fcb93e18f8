import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { Role } from '../../shared/auth/roles';
import type { DeprecationsService } from './deprecations.service';
import { DeprecateVersionInput, Deprecation } from './deprecations.types';
import { ExtensionVersion } from './versions.types';

@Resolver(() => ExtensionVersion)
export class DeprecationsResolver {
  constructor(private readonly deprecations: DeprecationsService) {}

  @Authorized(Role.DEVELOPER)
  @Mutation(() => Deprecation, { description: 'Deprecate a published version, optionally with a sunset date' })
  async deprecateVersion(@Arg('input') input: DeprecateVersionInput, @Ctx() ctx: RequestContext): Promise<Deprecation> {
    return Deprecation.from(await this.deprecations.deprecate(authed(ctx), input));
  }

  @FieldResolver(() => Deprecation, { nullable: true })
  async deprecation(@Root() version: ExtensionVersion, @Ctx() ctx: RequestContext): Promise<Deprecation | null> {
    const found = await this.deprecations.forVersion(ctx, version.id);
    return found && Deprecation.from(found);
  }
}
