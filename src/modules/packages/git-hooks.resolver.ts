import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { BadUserInputError } from '../../shared/errors';
import { Role } from '../../shared/auth/roles';
import { Extension } from '../extensions/extensions.types';
import { gitHookPath } from './git-hooks';
import type { GitHooksService } from './git-hooks';
import { mayManageGitSource } from './git-hooks.policy';
import { GitRevalidation, GitSourceInfo, GitWebhookSecret } from './git-hooks.types';

@Resolver(() => GitSourceInfo)
export class GitHooksResolver {
  constructor(
    private readonly gitHooks: GitHooksService,
    private readonly maxPageSize: number,
  ) {}

  @Authorized(Role.DEVELOPER)
  @Mutation(() => GitWebhookSecret, {
    description: "Make or replace the push-webhook secret of an extension's git repository; the secret is shown only in this answer. INVALID_STATE before a git submission",
  })
  async rotateGitWebhookSecret(@Arg('appId') appId: string, @Ctx() ctx: RequestContext): Promise<GitWebhookSecret> {
    const { secret, extension } = await this.gitHooks.rotateWebhookSecret(ctx, appId);
    const callbackPath = gitHookPath(extension.appId);
    return Object.assign(new GitWebhookSecret(), { appId: extension.appId, secret, callbackPath, callbackUrl: `${ctx.origin}${callbackPath}` });
  }

  @FieldResolver(() => [GitRevalidation], { description: 'Validation history, newest first: git submissions (with token changes) and push revalidations' })
  async history(@Root() source: GitSourceInfo, @Ctx() ctx: RequestContext, @Arg('first', () => Int, { defaultValue: 20 }) first: number): Promise<GitRevalidation[]> {
    if (first < 1 || first > this.maxPageSize) throw BadUserInputError.field('first', `first must be between 1 and ${this.maxPageSize}`);
    return (await this.gitHooks.history(ctx, source.extensionId, first)).map(GitRevalidation.from);
  }
}

@Resolver(() => Extension)
export class ExtensionGitSourceResolver {
  @FieldResolver(() => GitSourceInfo, { nullable: true, description: 'The tracked git repository and its validation history: the owner and admins only, null for everyone else' })
  async gitSource(@Root() extension: Extension, @Ctx() ctx: RequestContext): Promise<GitSourceInfo | null> {
    if (!mayManageGitSource(ctx, extension)) return null;
    const source = await ctx.loaders.gitSourceByExtensionId.load(extension.id);
    return source ? GitSourceInfo.from(source, extension.appId) : null;
  }
}
