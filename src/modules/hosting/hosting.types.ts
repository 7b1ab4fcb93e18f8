import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsInt, Length, Matches, Min } from 'class-validator';
import { DateTimeScalar } from '../../shared/scalars';
import { HealthCheckEntity, HealthCheckStatus, HostingTierEntity } from './hosting.entities';

@ObjectType({ simpleResolvers: true, description: 'An amount of money in the currency’s minor unit (cents)' })
export class Money {
  @Field(() => Int, { description: 'Minor units: 1500 = 15.00' })
  amountMinor: number;

  @Field({ description: 'ISO 4217 code' })
  currency: string;

  static of(amountMinor: number, currency: string): Money {
    return Object.assign(new Money(), { amountMinor, currency });
  }
}

@ObjectType({ simpleResolvers: true, description: 'A hosting tier a managed extension runs on (docs/hosting.md)' })
export class HostingTier {
  @Field()
  name: string;

  @Field(() => Int, { description: 'Thousandths of a CPU core' })
  cpuMillicores: number;

  @Field(() => Int)
  memoryMib: number;

  @Field({ description: 'Kubernetes quantity, e.g. 250m' })
  cpu: string;

  @Field({ description: 'Kubernetes quantity, e.g. 512Mi' })
  memory: string;

  @Field(() => Money)
  monthlyCost: Money;

  @Field()
  useCase: string;

  static from(e: HostingTierEntity): HostingTier {
    return Object.assign(new HostingTier(), {
      name: e.name,
      cpuMillicores: e.cpuMillicores,
      memoryMib: e.memoryMib,
      cpu: cpuQuantity(e.cpuMillicores),
      memory: memoryQuantity(e.memoryMib),
      monthlyCost: Money.of(e.monthlyCostMinor, e.currency),
      useCase: e.useCase,
    });
  }
}

export const cpuQuantity = (millicores: number) => (millicores % 1000 === 0 ? String(millicores / 1000) : `${millicores}m`);
export const memoryQuantity = (mib: number) => (mib % 1024 === 0 ? `${mib / 1024}Gi` : `${mib}Mi`);

@ObjectType({ simpleResolvers: true, description: 'What a version declares about hosting' })
export class VersionHosting {
  @Field(() => String, { nullable: true, description: 'null when the version is not managed and names no tier' })
  tier: string | null;

  @Field()
  managed: boolean;

  @Field(() => [String], { description: 'Normalised egress hosts (punycode, lower case)' })
  egress: string[];

  @Field()
  healthPath: string;

  @Field(() => String, { nullable: true })
  webhookPath: string | null;

  @Field(() => Money, { nullable: true, description: 'Monthly cost of a managed version (billed to the installing customer)' })
  monthlyCost: Money | null;
}

@ObjectType({ simpleResolvers: true, description: 'Kubernetes manifests an orchestrator can run for a published managed version' })
export class VersionDeployment {
  @Field({ description: 'Multi-document YAML: Namespace-less Deployment, Service and CiliumNetworkPolicy' })
  yaml: string;

  @Field(() => [String], { description: 'The kinds, in document order' })
  kinds: string[];

  @Field(() => [String], { description: 'Hosts the network policy allows (exactly the declared egress)' })
  allowedEgress: string[];
}

@ObjectType({ simpleResolvers: true, description: 'The review’s sanity call of a hosted version’s health endpoint' })
export class HealthCheck {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  versionId: string;

  @Field()
  url: string;

  @Field(() => HealthCheckStatus)
  status: HealthCheckStatus;

  @Field(() => Int, { nullable: true })
  httpStatus: number | null;

  @Field(() => Int, { nullable: true })
  latencyMs: number | null;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true })
  bodyExcerpt: string | null;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt: Date | null;

  static from(e: HealthCheckEntity): HealthCheck {
    return Object.assign(new HealthCheck(), {
      id: e.id,
      versionId: e.versionId,
      url: e.url,
      status: e.status,
      httpStatus: e.httpStatus,
      latencyMs: e.latencyMs,
      attempts: e.attempts,
      bodyExcerpt: e.bodyExcerpt,
      error: e.error,
      createdAt: e.createdAt,
      finishedAt: e.finishedAt,
    });
  }
}

@InputType({ description: 'The hosting cost the installer agrees to: the tier and its monthly cost as shown' })
export class HostingCostConsentInput {
  @Field()
  @Length(1, 64)
  tier: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  monthlyCostMinor: number;

  @Field()
  @Matches(/^[A-Z]{3}$/)
  currency: string;
}

@ObjectType({ simpleResolvers: true })
export class HostingCostLine {
  @Field(() => ID)
  installationId: string;

  @Field()
  appId: string;

  @Field(() => String, { nullable: true })
  version: string | null;

  @Field()
  tier: string;

  @Field(() => Money)
  monthlyCost: Money;
}

@ObjectType({ simpleResolvers: true, description: 'An organization’s managed-hosting cost per month (the lines billing turns into invoice lines)' })
export class HostingCost {
  @Field(() => ID, { nullable: true, description: 'null: your personal installations' })
  organizationId: string | null;

  @Field(() => [HostingCostLine])
  lines: HostingCostLine[];

  @Field(() => [Money], { description: 'One total per currency' })
  totals: Money[];
}

@ObjectType({ simpleResolvers: true, description: 'A newer version runs on another hosting tier (customers are notified; a dearer tier needs the cost acknowledged)' })
export class HostingChange {
  @Field(() => String, { nullable: true, description: 'null: the current version is not managed' })
  fromTier: string | null;

  @Field(() => String, { nullable: true, description: 'null: the newer version is not managed' })
  toTier: string | null;

  @Field(() => Money, { nullable: true })
  fromMonthlyCost: Money | null;

  @Field(() => Money, { nullable: true })
  toMonthlyCost: Money | null;

  @Field({ description: 'The new cost exceeds what was agreed: accepting the upgrade needs hostingCost' })
  needsConsent: boolean;
}
