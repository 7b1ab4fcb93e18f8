import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/scalars';
import { RuntimeHealthStatus, type RuntimeTokenEntity } from './runtime.entities';
import type { RuntimeRates } from './runtime-reports.service';

@ObjectType({ simpleResolvers: true, description: 'A runtime token of an extension (docs/runtime.md); its owner and admins only' })
export class RuntimeToken {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The first characters of the secret, to tell tokens apart' })
  prefix: string;

  @Field(() => DateTimeScalar, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: RuntimeTokenEntity): RuntimeToken {
    return Object.assign(new RuntimeToken(), { id: e.id, name: e.name, prefix: e.prefix, lastUsedAt: e.lastUsedAt, revokedAt: e.revokedAt, createdAt: e.createdAt });
  }
}

@ObjectType({ simpleResolvers: true })
export class CreatedRuntimeToken {
  @Field(() => RuntimeToken)
  runtimeToken: RuntimeToken;

  @Field({ description: 'The secret (Authorization: Bearer plzr_…), shown this once; only its hash is stored' })
  secret: string;
}

@InputType({ description: 'The span a report covers: start < end, at most PLAZA_RUNTIME_MAX_WINDOW_SECONDS long, not in the future' })
export class ReportWindowInput {
  @Field(() => DateTimeScalar)
  start: Date;

  @Field(() => DateTimeScalar)
  end: Date;
}

@InputType()
export class ReportHealthInput {
  @Field(() => ID, { nullable: true, description: 'The installation reported on (give this or versionId)' })
  installationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The version reported on as a whole (give this or installationId)' })
  versionId?: string | null;

  @Field(() => RuntimeHealthStatus)
  status: RuntimeHealthStatus;

  @Field(() => String, { nullable: true, description: 'Plain text, at most 2000 characters' })
  detail?: string | null;

  @Field(() => ReportWindowInput)
  window: ReportWindowInput;
}

@ObjectType({ simpleResolvers: true, description: 'A stored runtime report' })
export class RuntimeReportReceipt {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeScalar)
  windowStart: Date;

  @Field(() => DateTimeScalar)
  windowEnd: Date;

  @Field({ description: 'True when this report replaced an earlier one for the same window' })
  replaced: boolean;

  @Field(() => Int, { nullable: true, description: 'The count stored (errors and actions reports)' })
  count: number | null;

  @Field(() => RuntimeHealthStatus, { nullable: true, description: 'The status stored (health reports)' })
  status: RuntimeHealthStatus | null;

  static from(r: { id: string; windowStart: Date; windowEnd: Date; replaced: boolean; count?: number; status?: RuntimeHealthStatus }): RuntimeReportReceipt {
    return Object.assign(new RuntimeReportReceipt(), { ...r, count: r.count ?? null, status: r.status ?? null });
  }
}

@ObjectType({ simpleResolvers: true })
export class RuntimeHealthSnapshot {
  @Field(() => RuntimeHealthStatus)
  status: RuntimeHealthStatus;

  @Field(() => String, { nullable: true })
  detail: string | null;

  @Field(() => ID, { nullable: true, description: 'The installation it was about; null for the version as a whole' })
  installationId: string | null;

  @Field(() => DateTimeScalar)
  windowStart: Date;

  @Field(() => DateTimeScalar)
  windowEnd: Date;
}

@ObjectType({ simpleResolvers: true, description: 'What the runtime reported about a version over the last days (its owner and admins only)' })
export class VersionRuntime {
  @Field(() => DateTimeScalar)
  from: Date;

  @Field(() => DateTimeScalar)
  to: Date;

  @Field(() => Float)
  actions: number;

  @Field(() => Float)
  errors: number;

  @Field(() => Float, { nullable: true, description: 'errors / actions; null with no actions' })
  errorRate: number | null;

  @Field(() => Int)
  healthReports: number;

  @Field(() => Int)
  healthFailures: number;

  @Field(() => RuntimeHealthSnapshot, { nullable: true, description: 'The latest health report, whenever it came' })
  lastHealth: RuntimeHealthSnapshot | null;

  static from(rates: RuntimeRates, from: Date, to: Date, lastHealth: RuntimeHealthSnapshot | null): VersionRuntime {
    const { versionId: _versionId, ...counts } = rates;
    return Object.assign(new VersionRuntime(), { ...counts, from, to, lastHealth });
  }
}
