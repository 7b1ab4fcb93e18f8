import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { Public } from '../../shared/auth/auth-checker';
import { Role } from '../../shared/auth/roles';
import { Extension } from '../extensions/extensions.types';
import type { VersionsService } from './versions.service';
import { ExtensionVersion, RolloutInput, SubmitVersionInput } from './versions.types';

@Resolver(() => ExtensionVersion)
export class VersionsResolver {
  constructor(private readonly versions: VersionsService) {}

  @Public()
  @Query(() => ExtensionVersion, {
    nullable: true,
    description: 'A version as you may see it (docs/security.md): published ones for everyone; with its report and source for the owner, reviewers and admins',
  })
  async extensionVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ExtensionVersion | null> {
    return ExtensionVersion.visible(ctx, await this.versions.get(ctx, id));
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => ExtensionVersion, {
    description: 'Submit a package (uploadId) or a git source; validation runs as a job. PACKAGE_REJECTED for an unsafe archive',
  })
  async submitVersion(@Arg('input') input: SubmitVersionInput, @Ctx() ctx: RequestContext): Promise<ExtensionVersion> {
    return (await ExtensionVersion.visible(ctx, await this.versions.submit(ctx, input)))!;
  }

  @FieldResolver(() => Extension)
  async extension(@Root() version: ExtensionVersion, @Ctx() ctx: RequestContext): Promise<Extension> {
    return Extension.from((await ctx.loaders.extensionById.load(version.extensionId))!);
  }

  @Authorized()
  @Mutation(() => ExtensionVersion, { description: 'Withdraw a version not yet approved (its review closes)' })
  async withdrawVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ExtensionVersion> {
    return (await ExtensionVersion.visible(ctx, await this.versions.withdraw(authed(ctx), id)))!;
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => ExtensionVersion, { description: 'APPROVED → PUBLISHED; the first publish needs a complete listing. With `rollout`, only that share of installations moves at first (a staged rollout)' })
  async publishVersion(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('rollout', () => RolloutInput, { nullable: true }) rollout?: RolloutInput | null,
  ): Promise<ExtensionVersion> {
    return (await ExtensionVersion.visible(ctx, await this.versions.publish(ctx, id, rollout ?? null)))!;
  }
}
