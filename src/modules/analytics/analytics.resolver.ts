import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { Granularity, type AnalyticsService } from './analytics.service';
import { ExtensionAnalytics } from './analytics.types';

/** Publisher analytics (docs/analytics.md). */
@Resolver()
export class AnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  @Authorized()
  @Query(() => ExtensionAnalytics, {
    description:
      'Installs, active installations, upgrade adoption per version, offer answers, runtime actions and errors, and ratings of your extension, ' +
      'by DAY (at most 366 days), WEEK or MONTH (at most 1098 days); from and to are UTC days (YYYY-MM-DD), to no later than today. Owner and admins only',
  })
  async extensionAnalytics(
    @Arg('appId') appId: string,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('granularity', () => Granularity, { defaultValue: Granularity.DAY }) granularity: Granularity,
    @Ctx() ctx: RequestContext,
  ): Promise<ExtensionAnalytics> {
    return ExtensionAnalytics.from(await this.analytics.report(authed(ctx), { appId, from, to, granularity }));
  }
}
