import { Field, ObjectType } from 'type-graphql';
import { ExtensionVersion } from '../versions/versions.types';
import { Installation } from './installs.types';
import { HostingChange } from '../hosting/hosting.types';

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
