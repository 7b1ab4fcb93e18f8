import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Connection, PageArgs } from '../../shared/pagination';
import { DateTimeScalar } from '../../shared/scalars';
import { Extension } from '../extensions/extensions.types';
import type { ListingEntity } from './listing.entity';
import type { ListingMediaEntity } from './listing-media.entity';
import { FILE_EXTENSIONS } from './media-checks';
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

  @Field(() => Int, { nullable: true, description: 'Hours within which support answers a first request (the SLA expectation)' })
  supportResponseHours: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  /** Not a field: the extension whose listing this is, for the media field resolvers. */
  extensionId: string;

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
    out.supportResponseHours = e.supportResponseHours ?? null;
    out.publishedAt = e.publishedAt;
    out.extensionId = e.extensionId;
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

  @Field(() => Int, { nullable: true, description: 'Support first-response time in hours, 1 to 720' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  supportResponseHours?: number | null;
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


@ObjectType({ simpleResolvers: true, description: 'An uploaded screenshot: re-encoded, metadata stripped, served by content hash' })
export class ListingScreenshot {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '1 to 8, the display order' })
  position: number;

  @Field({ description: 'Server-relative, immutable (keyed by the content hash)' })
  url: string;

  @Field()
  contentType: string;

  @Field(() => Int)
  width: number;

  @Field(() => Int)
  height: number;

  @Field(() => Int)
  sizeBytes: number;

  static from(m: ListingMediaEntity): ListingScreenshot {
    return Object.assign(new ListingScreenshot(), {
      id: m.id,
      position: m.position,
      url: screenshotUrl(m),
      contentType: m.contentType,
      width: m.width ?? 0,
      height: m.height ?? 0,
      sizeBytes: m.sizeBytes,
    });
  }
}

export function screenshotUrl(m: { sha256: string; contentType: string }): string {
  return `/marketplace/screenshots/${m.sha256}.${FILE_EXTENSIONS[m.contentType] ?? 'bin'}`;
}

/** The kinds of compliance document (a subset of ListingMediaKind). */
export enum ComplianceDocumentKind {
  SECURITY_REVIEW = 'SECURITY_REVIEW',
  DATA_HANDLING = 'DATA_HANDLING',
}
registerEnumType(ComplianceDocumentKind, { name: 'ComplianceDocumentKind' });

@ObjectType({ simpleResolvers: true, description: 'A compliance PDF: never public (docs/marketplace.md)' })
export class ComplianceDocument {
  @Field(() => ID)
  id: string;

  @Field(() => ComplianceDocumentKind)
  kind: ComplianceDocumentKind;

  @Field({ description: 'Server-relative; needs the same Authorization header as GraphQL' })
  url: string;

  @Field()
  sha256: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field(() => DateTimeScalar)
  uploadedAt: Date;

  static from(m: ListingMediaEntity): ComplianceDocument {
    return Object.assign(new ComplianceDocument(), {
      id: m.id,
      kind: m.kind as string as ComplianceDocumentKind,
      url: `/listings/compliance/${m.id}.pdf`,
      sha256: m.sha256,
      sizeBytes: m.sizeBytes,
      uploadedAt: m.createdAt,
    });
  }
}
