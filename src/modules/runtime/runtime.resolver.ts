import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext, type RuntimeContext } from '../../context';
import { Runtime } from '../../shared/auth/auth-checker';
import type { Clock } from '../../shared/clock';
import { BadUserInputError } from '../../shared/errors';
import { ExtensionVersion } from '../versions/versions.types';
import { RuntimeCountKind } from './runtime.entities';
import type { RuntimeReports } from './runtime-reports.service';
import type { RuntimeTokensService } from './runtime-tokens.service';
import { canSeeRuntimeData } from './runtime.policy';
import { CreatedRuntimeToken, ReportHealthInput, ReportWindowInput, RuntimeReportReceipt, RuntimeToken, VersionRuntime } from './runtime.types';

/** Runtime tokens and reports (docs/runtime.md), and ExtensionVersion.runtime. */
@Resolver(() => ExtensionVersion)
export class RuntimeResolver {
  constructor(
    private readonly tokens: RuntimeTokensService,
    private readonly reports: RuntimeReports,
    private readonly clock: Clock,
  ) {}

  @Authorized()
  @Query(() => [RuntimeToken], { description: 'The runtime tokens of an extension you own, newest first' })
  async runtimeTokens(@Arg('appId') appId: string, @Ctx() ctx: RequestContext): Promise<RuntimeToken[]> {
    return (await this.tokens.list(authed(ctx), appId)).map(RuntimeToken.from);
  }

  @Authorized()
  @Mutation(() => CreatedRuntimeToken, { description: 'A runtime token for an extension you own; the secret is shown only in this answer' })
  async createRuntimeToken(@Arg('appId') appId: string, @Arg('name') name: string, @Ctx() ctx: RequestContext): Promise<CreatedRuntimeToken> {
    const { entity, secret } = await this.tokens.create(authed(ctx), appId, name);
    return Object.assign(new CreatedRuntimeToken(), { runtimeToken: RuntimeToken.from(entity), secret });
  }

  @Authorized()
  @Mutation(() => RuntimeToken)
  async revokeRuntimeToken(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<RuntimeToken> {
    return RuntimeToken.from(await this.tokens.revoke(authed(ctx), id));
  }

  @Runtime()
  @Mutation(() => RuntimeReportReceipt, { description: 'Runtime token only: health of an installation or a version in a window; the same window again replaces it' })
  async reportHealth(@Arg('input') input: ReportHealthInput, @Ctx() ctx: RequestContext): Promise<RuntimeReportReceipt> {
    return RuntimeReportReceipt.from(await this.reports.reportHealth(ctx as RuntimeContext, input));
  }

  @Runtime()
  @Mutation(() => RuntimeReportReceipt, { description: 'Runtime token only: errors of a version in a window; the same window again replaces the count' })
  async reportErrors(
    @Arg('versionId', () => ID) versionId: string,
    @Arg('count', () => Int) count: number,
    @Arg('window') window: ReportWindowInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RuntimeReportReceipt> {
    return RuntimeReportReceipt.from(await this.reports.reportCount(ctx as RuntimeContext, RuntimeCountKind.ERRORS, versionId, count, window));
  }

  @Runtime()
  @Mutation(() => RuntimeReportReceipt, { description: 'Runtime token only: actions (tool calls) of a version in a window; the same window again replaces the count' })
  async reportActions(
    @Arg('versionId', () => ID) versionId: string,
    @Arg('count', () => Int) count: number,
    @Arg('window') window: ReportWindowInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RuntimeReportReceipt> {
    return RuntimeReportReceipt.from(await this.reports.reportCount(ctx as RuntimeContext, RuntimeCountKind.ACTIONS, versionId, count, window));
  }

  @FieldResolver(() => VersionRuntime, { nullable: true, description: 'Runtime reports of the last `days` days; null unless you own the extension (or are an admin)' })
  async runtime(
    @Root() version: ExtensionVersion,
    @Arg('days', () => Int, { defaultValue: 7 }) days: number,
    @Ctx() ctx: RequestContext,
  ): Promise<VersionRuntime | null> {
    if (!Number.isInteger(days) || days < 1 || days > 90) throw BadUserInputError.field('days', 'days must be 1 to 90');
    const extension = await ctx.loaders.extensionById.load(version.extensionId);
    if (!extension || !canSeeRuntimeData(ctx.actor, extension)) return null;
    const to = this.clock.now();
    const from = new Date(to.getTime() - days * 86_400_000);
    const [rates, latest] = await Promise.all([
      ctx.loaders.runtimeRatesByVersionSpan.load(`${version.id}|${from.toISOString()}|${to.toISOString()}`),
      ctx.loaders.latestRuntimeHealthByVersion.load(version.id),
    ]);
    return VersionRuntime.from(rates, from, to, latest);
  }
}
