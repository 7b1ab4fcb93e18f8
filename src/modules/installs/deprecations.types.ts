import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { DateTimeScalar } from '../../shared/scalars';
import type { DeprecationEntity } from './deprecation.entity';
import { Installation } from './installs.types';
import { HostingChange } from '../hosting/hosting.types';
import { ExtensionVersion } from '../versions/versions.types';

@ObjectType({ simpleResolvers: true })
export class Deprecation {
  @Field(() => ID)
  versionId: string;

  @Field()
  reason: string;

  @Field(() => DateTimeScalar, { nullable: true })
  sunsetAt: Date | null;

  @Field({ description: 'Past the sunset date: no longer installable' })
  sunset: boolean;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: DeprecationEntity): Deprecation {
    return Object.assign(new Deprecation(), {
      versionId: e.versionId,
      reason: e.reason,
      sunsetAt: e.sunsetAt,
      sunset: !!e.sunsetAt && e.sunsetAt.getTime() <= Date.now(),
      createdAt: e.createdAt,
    });
  }
}

@InputType()
export class DeprecateVersionInput {
  @Field(() => ID)
  versionId: string;

  @Field()
  @Length(1, 1000)
  reason: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  sunsetAt?: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class UpgradeRecommendation {
  @Field(() => Installation)
  installation: Installation;

  @Field(() => ExtensionVersion)
  currentVersion: ExtensionVersion;

  @Field(() => ExtensionVersion, { nullable: true, description: 'Newest supported version, same major when one exists' })
  recommendedVersion: ExtensionVersion | null;

  @Field({ description: 'Moving needs new scopes granted' })
  needsConsent: boolean;

  @Field(() => [String])
  newScopes: string[];

  @Field(() => Date, { nullable: true })
  sunsetAt: Date | null;

  @Field(() => HostingChange, { nullable: true, description: 'The recommended version runs on another hosting tier (docs/hosting.md)' })
  hostingChange: HostingChange | null;
}
