import { ExtensionAvailability } from '../extensions/extension-availability';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { Extension } from '../extensions/extensions.types';
import { ExtensionVersion } from '../versions/versions.types';
import type { InstallsService } from './installs.service';
import { InstallInput, Installation } from './installs.types';

@Resolver(() => Installation)
export class InstallsResolver {
  constructor(private readonly installs: InstallsService) {}

  @Authorized()
  @Query(() => [Installation], { description: 'Your installations, or an organization’s you belong to' })
  async myInstallations(@Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null, @Ctx() ctx: RequestContext): Promise<Installation[]> {
    return (await this.installs.listMine(authed(ctx), organizationId)).map(Installation.from);
  }

  @Authorized()
  @Mutation(() => Installation, { description: 'Install with consent: CONSENT_REQUIRED lists scopes not granted; installing twice returns the same installation' })
  async install(@Arg('input') input: InstallInput, @Ctx() ctx: RequestContext): Promise<Installation> {
    return Installation.from(await this.installs.install(authed(ctx), input));
  }

  @Authorized()
  @Mutation(() => Installation, { description: 'FORBIDDEN for system apps' })
  async uninstall(@Arg('installationId', () => ID) installationId: string, @Ctx() ctx: RequestContext): Promise<Installation> {
    return Installation.from(await this.installs.uninstall(authed(ctx), installationId));
  }

  @FieldResolver(() => Extension)
  async extension(@Root() installation: Installation, @Ctx() ctx: RequestContext): Promise<Extension> {
    return Extension.from((await ctx.loaders.extensionById.load(installation.extensionId))!);
  }

  @FieldResolver(() => ExtensionAvailability, {
    description: 'The extension\'s availability: anything but LISTED flags an installation whose extension was paused, suspended or delisted (it keeps working)',
  })
  async extensionAvailability(@Root() installation: Installation, @Ctx() ctx: RequestContext): Promise<ExtensionAvailability> {
    return (await ctx.loaders.extensionById.load(installation.extensionId))!.availability;
  }

  @FieldResolver(() => ExtensionVersion)
  async version(@Root() installation: Installation, @Ctx() ctx: RequestContext): Promise<ExtensionVersion> {
    return (await ExtensionVersion.visible(ctx, await ctx.loaders.versionById.load(installation.versionId)))!;
  }
}
