import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext, type RuntimeContext } from '../../context';
import { Runtime } from '../../shared/auth/auth-checker';
import { ExtensionVersion } from '../versions/versions.types';
import { RuntimeCountKind } from './runtime.entities';
import type { RuntimeReports } from './runtime-reports.service';
import type { RuntimeTokensService } from './runtime-tokens.service';
import type { SuspensionService } from './suspension.service';
import type { SdkSupportService } from './sdk-support.service';
import { Role } from '../../shared/auth/roles';
import { VersionView } from '../versions/version.policy';
import { MarkedSdkUnsupported, UnsupportedSdk, CreatedRuntimeToken, ReportHealthInput, ReportWindowInput, RuntimeReportReceipt, RuntimeToken, VersionRuntime } from './runtime.types';

/** Runtime tokens and reports (docs/runtime.md), and ExtensionVersion.runtime. */
@Resolver(() => ExtensionVersion)
export class RuntimeResolver {
  constructor(
    private readonly tokens: RuntimeTokensService,
    private readonly reports: RuntimeReports,
    private readonly suspension: SuspensionService,
    private readonly sdkSupport: SdkSupportService,
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

  @Authorized(Role.ADMIN)
  @Mutation(() => ExtensionVersion, { description: 'Put a SUSPENDED version back to PUBLISHED, with a reason (audited; ADMIN)' })
  async reinstateVersion(@Arg('versionId', () => ID) versionId: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<ExtensionVersion> {
    return ExtensionVersion.from(await this.suspension.reinstateVersion(authed(ctx), versionId, reason), VersionView.FULL);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => MarkedSdkUnsupported, { description: 'Mark an SDK range unsupported: extensions on it are notified and delisted after the grace period unless updated (ADMIN)' })
  async markSdkUnsupported(@Arg('range') range: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<MarkedSdkUnsupported> {
    const { sdk, notified } = await this.sdkSupport.markUnsupported(authed(ctx), range, reason);
    return Object.assign(new MarkedSdkUnsupported(), { unsupportedSdk: UnsupportedSdk.from(sdk), notifiedExtensions: notified });
  }

  @Authorized(Role.ADMIN)
  @Query(() => [UnsupportedSdk], { description: 'SDK ranges marked unsupported, newest first (ADMIN)' })
  async unsupportedSdks(@Ctx() ctx: RequestContext): Promise<UnsupportedSdk[]> {
    return (await this.sdkSupport.list(ctx)).map(UnsupportedSdk.from);
  }

  @FieldResolver(() => VersionRuntime, { nullable: true, description: 'Runtime reports of the last `days` days; null unless you own the extension (or are an admin)' })
  async runtime(
    @Root() version: ExtensionVersion,
    @Arg('days', () => Int, { defaultValue: 7 }) days: number,
    @Ctx() ctx: RequestContext,
  ): Promise<VersionRuntime | null> {
    const runtime = await this.reports.versionRuntime(ctx, version, days);
    return runtime && VersionRuntime.from(runtime.rates, runtime.from, runtime.to, runtime.latest);
  }
}
