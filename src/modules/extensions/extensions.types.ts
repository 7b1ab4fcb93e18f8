import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Length } from 'class-validator';
import { DateTimeScalar } from '../../shared/scalars';
import { PackageFormatKind, type CategoryEntity, type ExtensionEntity } from './extensions.entities';
import { ExtensionAvailability } from './extension-availability';

@ObjectType({ simpleResolvers: true })
export class Category {
  @Field()
  slug: string;

  @Field()
  name: string;

  static from(e: CategoryEntity): Category {
    return Object.assign(new Category(), { slug: e.slug, name: e.name });
  }
}

@ObjectType({ simpleResolvers: true })
export class Extension {
  @Field(() => ID)
  id: string;

  @Field()
  appId: string;

  @Field()
  displayName: string;

  @Field()
  category: string;

  @Field()
  system: boolean;

  @Field(() => PackageFormatKind, { description: 'The manifest its packages carry; fixed by the first submission' })
  format: PackageFormatKind;

  ownerId: string;

  @Field(() => ExtensionAvailability, { description: 'LISTED, or why it is off the marketplace (docs/runtime.md)' })
  availability: ExtensionAvailability;

  @Field(() => DateTimeScalar, { nullable: true })
  availabilityChangedAt: Date | null;

  /** Read through the `availabilityReason` field resolver (owner and admins only). */
  availabilityReasonText: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: ExtensionEntity): Extension {
    const out = new Extension();
    out.id = e.id;
    out.appId = e.appId;
    out.displayName = e.displayName;
    out.category = e.category;
    out.system = e.system;
    out.format = e.format;
    out.ownerId = e.ownerId;
    out.availability = e.availability;
    out.availabilityChangedAt = e.availabilityChangedAt;
    out.availabilityReasonText = e.availabilityReason;
    out.createdAt = e.createdAt;
    return out;
  }
}

@InputType()
export class ClaimExtensionInput {
  @Field({ description: 'Permanent app id: [a-z0-9][a-z0-9-]*[a-z0-9] (V1)' })
  @Length(2, 64)
  appId: string;

  @Field()
  @Length(3, 80)
  displayName: string;

  @Field({ description: 'A category slug from the categories query' })
  @Length(1, 64)
  category: string;
}

