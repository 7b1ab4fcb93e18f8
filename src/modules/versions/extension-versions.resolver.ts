import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Extension } from '../extensions/extensions.types';
import { visibleVersions } from './version.policy';
import { ExtensionVersion } from './versions.types';

/** `Extension.versions`: the versions module adds its rows to the extension it belongs to. */
@Resolver(() => Extension)
export class ExtensionVersionsResolver {
  @FieldResolver(() => [ExtensionVersion], {
    description: 'Versions you may see, newest first: published and deprecated ones for everyone, every one for the owner, reviewers and admins',
  })
  async versions(@Root() extension: Extension, @Ctx() ctx: RequestContext): Promise<ExtensionVersion[]> {
    const versions = await ctx.loaders.versionsByExtensionId.load(extension.id);
    return (await visibleVersions(ctx, versions, extension.ownerId)).map(({ version, view }) => ExtensionVersion.from(version, view));
  }
}
