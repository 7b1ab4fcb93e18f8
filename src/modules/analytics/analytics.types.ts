import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Granularity, type AnalyticsPointRow, type AnalyticsReport, type VersionPointRow } from './analytics.service';

registerEnumType(Granularity, { name: 'AnalyticsGranularity', description: 'DAY, WEEK (ISO weeks, Monday first) or MONTH, in UTC' });

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

@ObjectType({ simpleResolvers: true, description: "One period of an extension's figures (docs/analytics.md)" })
export class AnalyticsPoint {
  @Field({ description: 'First day of the period (YYYY-MM-DD, UTC), clipped to the range' })
  periodStart: string;

  @Field({ description: 'Last day of the period (YYYY-MM-DD, UTC), clipped to the range' })
  periodEnd: string;

  @Field(() => Int, { description: 'New installations' })
  installs: number;

  @Field(() => Int)
  uninstalls: number;

  @Field(() => Int, { description: 'Installations moved to a newer version (accepted offers and automatic rollouts)' })
  upgrades: number;

  @Field(() => Int, { description: 'Active installations at the end of the period' })
  activeInstallations: number;

  @Field(() => Int, { description: 'Upgrade offers made (new scopes to consent to)' })
  offersCreated: number;

  @Field(() => Int)
  offersAccepted: number;

  @Field(() => Int)
  offersDeclined: number;

  @Field(() => Float, { nullable: true, description: 'Accepted / (accepted + declined) answers in the period; null without answers' })
  offerAcceptRate: number | null;

  @Field(() => Float, { description: 'Tool calls the runtime reported' })
  actions: number;

  @Field(() => Float, { description: 'Errors the runtime reported' })
  errors: number;

  @Field(() => Float, { nullable: true, description: 'errors / actions; null without actions' })
  errorRate: number | null;

  @Field(() => Int, { description: 'Ratings first written in the period' })
  ratingsNew: number;

  @Field(() => Int, { description: 'Visible ratings at the end of the period' })
  ratingCount: number;

  @Field(() => Float, { nullable: true, description: 'Mean stars of the visible ratings at the end of the period; null without ratings' })
  ratingAverage: number | null;

  static from(row: AnalyticsPointRow): AnalyticsPoint {
    const { ratingSum, ...rest } = row;
    return Object.assign(new AnalyticsPoint(), rest, {
      offerAcceptRate: rate(row.offersAccepted, row.offersAccepted + row.offersDeclined),
      errorRate: rate(row.errors, row.actions),
      ratingAverage: row.ratingCount > 0 ? Math.round((ratingSum / row.ratingCount) * 100) / 100 : null,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: "One period of one version's figures: adoption, offers to it, runtime usage" })
export class VersionAnalyticsPoint {
  @Field()
  periodStart: string;

  @Field()
  periodEnd: string;

  @Field(() => Int, { description: 'New installations made on this version' })
  installs: number;

  @Field(() => Int, { description: 'Installations removed while on this version' })
  uninstalls: number;

  @Field(() => Int, { description: 'Installations that moved to this version' })
  upgradesIn: number;

  @Field(() => Int, { description: 'Installations that left this version for a newer one' })
  upgradesOut: number;

  @Field(() => Int, { description: 'Installations on this version at the end of the period' })
  activeInstallations: number;

  @Field(() => Float, { nullable: true, description: "Share (0..1) of the extension's active installations on this version at the end of the period" })
  adoption: number | null;

  @Field(() => Int, { description: 'Upgrade offers to this version made in the period' })
  offersCreated: number;

  @Field(() => Int)
  offersAccepted: number;

  @Field(() => Int)
  offersDeclined: number;

  @Field(() => Float, { nullable: true })
  offerAcceptRate: number | null;

  @Field(() => Float)
  actions: number;

  @Field(() => Float)
  errors: number;

  @Field(() => Float, { nullable: true })
  errorRate: number | null;

  static from(row: VersionPointRow): VersionAnalyticsPoint {
    return Object.assign(new VersionAnalyticsPoint(), row, {
      offerAcceptRate: rate(row.offersAccepted, row.offersAccepted + row.offersDeclined),
      errorRate: rate(row.errors, row.actions),
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class VersionAnalytics {
  @Field(() => ID)
  versionId: string;

  @Field(() => String, { nullable: true })
  version: string | null;

  @Field(() => [VersionAnalyticsPoint])
  points: VersionAnalyticsPoint[];
}

@ObjectType({ simpleResolvers: true, description: "An extension's analytics over a range (docs/analytics.md); its owner and admins only" })
export class ExtensionAnalytics {
  @Field()
  appId: string;

  @Field({ description: 'YYYY-MM-DD (UTC)' })
  from: string;

  @Field({ description: 'YYYY-MM-DD (UTC)' })
  to: string;

  @Field(() => Granularity)
  granularity: Granularity;

  @Field(() => String, { nullable: true, description: 'The last day the rollup computed after the day ended; later days are partial (today) or not computed yet' })
  computedThrough: string | null;

  @Field(() => [AnalyticsPoint], { description: 'One point per period, oldest first, every period of the range present' })
  points: AnalyticsPoint[];

  @Field(() => [VersionAnalytics], { description: 'Versions with figures in the range, oldest first' })
  versions: VersionAnalytics[];

  static from(report: AnalyticsReport): ExtensionAnalytics {
    return Object.assign(new ExtensionAnalytics(), {
      ...report,
      points: report.points.map(AnalyticsPoint.from),
      versions: report.versions.map(v => Object.assign(new VersionAnalytics(), { ...v, points: v.points.map(VersionAnalyticsPoint.from) })),
    });
  }
}
