import { ArgsType, Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Connection, PageArgs } from '../../shared/pagination';
import { DateTimeScalar } from '../../shared/scalars';
import { Extension } from '../extensions/extensions.types';
import type { ListingEntity } from './listing.entity';
import { MarketplaceSort } from './listings.service';

registerEnumType(MarketplaceSort, { name: 'MarketplaceSort' });

@ObjectType({ simpleResolvers: true })
export class Listing {
  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  shortDescription: string | null;

  @Field(() => String, { nullable: true })
  fullDescription: string | null;

  @Field(() => [String])
  categories: string[];

  @Field(() => [String])
  screenshots: string[];

  @Field(() => [String])
  supportedLanguages: string[];

  @Field(() => String, { nullable: true })
  privacyPolicyUrl: string | null;

  @Field(() => String, { nullable: true })
  supportContact: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  static from(e: ListingEntity): Listing {
    const out = new Listing();
    out.title = e.title;
    out.shortDescription = e.shortDescription;
    out.fullDescription = e.fullDescription;
    out.categories = e.categories;
    out.screenshots = e.screenshots;
    out.supportedLanguages = e.supportedLanguages;
    out.privacyPolicyUrl = e.privacyPolicyUrl;
    out.supportContact = e.supportContact;
    out.publishedAt = e.publishedAt;
    return out;
  }
}

@InputType({ description: 'Only the fields given change' })
export class ListingInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 160 characters' })
  @IsOptional()
  @MaxLength(400)
  shortDescription?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 2,000 characters' })
  @IsOptional()
  @MaxLength(4000)
  fullDescription?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  categories?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  screenshots?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  supportedLanguages?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  privacyPolicyUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Email or https URL' })
  @IsOptional()
  @MaxLength(500)
  supportContact?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class ToolSummary {
  @Field()
  name: string;

  @Field()
  description: string;

  @Field(() => String, { nullable: true })
  actionType: string | null;
}

@ObjectType({ simpleResolvers: true })
export class ExtensionConnection extends Connection(Extension, 'Extension') {}

@ArgsType()
export class MarketplaceArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  query?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  category?: string | null;

  @Field(() => MarketplaceSort, { nullable: true, description: 'Default: RELEVANCE with a query, else NEWEST' })
  @IsOptional()
  sort?: MarketplaceSort | null;
}
