import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { HostingCostConsentInput } from '../hosting/hosting.types';
import { DateTimeScalar } from '../../shared/scalars';
import { InstallationEntity, InstallSource, InstallStatus, Placement } from './installation.entity';

@ObjectType({ simpleResolvers: true })
export class Installation {
  @Field(() => ID)
  id: string;

  extensionId: string;
  versionId: string;

  @Field(() => ID, { nullable: true })
  organizationId: string | null;

  @Field(() => [String])
  grantedScopes: string[];

  @Field(() => InstallSource)
  source: InstallSource;

  @Field(() => Placement)
  placement: Placement;

  @Field(() => InstallStatus)
  status: InstallStatus;

  @Field(() => DateTimeScalar)
  installedAt: Date;

  static from(e: InstallationEntity): Installation {
    return Object.assign(new Installation(), {
      id: e.id,
      extensionId: e.extensionId,
      versionId: e.versionId,
      organizationId: e.organizationId,
      grantedScopes: e.grantedScopes,
      source: e.source,
      placement: e.placement,
      status: e.status,
      installedAt: e.installedAt,
    });
  }
}

/** The price revision the installer was shown (Extension.pricing.id); a paid extension needs it (docs/billing.md). */
@InputType()
export class PriceConsentInput {
  @Field(() => ID)
  @Length(1, 64)
  pricingId: string;
}

@InputType()
export class InstallInput {
  @Field()
  @Length(1, 64)
  appId: string;

  @Field(() => [String], { description: 'Every scope the version requires must be granted' })
  @ArrayMaxSize(200)
  grantedScopes: string[];

  @Field(() => ID, { nullable: true, description: 'Install for an organization you administer' })
  @IsOptional()
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A specific version (a staging version for its developer and invited testers)' })
  @IsOptional()
  versionId?: string | null;

  @Field(() => HostingCostConsentInput, {
    nullable: true,
    description: 'For a managed extension: the tier and monthly cost shown (ExtensionVersion.hosting); CONSENT_REQUIRED lists them when missing or different',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => HostingCostConsentInput)
  hostingCost?: HostingCostConsentInput | null;

  @Field(() => PriceConsentInput, {
    nullable: true,
    description: 'For a paid extension: the price revision shown (Extension.pricing.id); CONSENT_REQUIRED carries missingPrice when missing or outdated',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PriceConsentInput)
  price?: PriceConsentInput | null;
}
