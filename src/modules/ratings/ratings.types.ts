import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { DateTimeScalar } from '../../shared/scalars';
import { Connection, PageArgs } from '../../shared/pagination';
import type { ModerationItem, RatingSummaryRow, ReviewRow } from './ratings.service';

@ObjectType({ simpleResolvers: true, description: 'Visible reviews only; hidden ones count nowhere' })
export class RatingSummary {
  @Field(() => Float, { nullable: true, description: 'Mean stars, two decimals; null without reviews' })
  average: number | null;

  @Field(() => Int)
  count: number;

  @Field(() => [Int], { description: 'Counts of 1, 2, 3, 4 and 5 stars, in that order (always 5 entries)' })
  histogram: number[];

  static from(row: RatingSummaryRow): RatingSummary {
    return Object.assign(new RatingSummary(), row);
  }
}

@ObjectType({ simpleResolvers: true, description: "The developer's reply to a review" })
export class ReviewReply {
  @Field({ description: 'Plain text; links are not turned into anchors' })
  body: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;
}

@ObjectType({ simpleResolvers: true, description: 'A rating with its optional text (docs/ratings.md). The author shows as a display name only' })
export class Review {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  stars: number;

  @Field(() => String, { nullable: true, description: 'Plain text' })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'Plain text; links are not turned into anchors' })
  body: string | null;

  @Field({ description: "The author's display name (never an email or id)" })
  authorName: string;

  @Field({ description: 'Written for an organization by one of its admins' })
  forOrganization: boolean;

  @Field({ description: 'Hidden by a moderator: seen only by its author and moderators' })
  hidden: boolean;

  @Field(() => ReviewReply, { nullable: true })
  reply: ReviewReply | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  /** Only from a row that passed `canSeeReview` (rating.policy.ts). */
  static from(row: ReviewRow): Review {
    return Object.assign(new Review(), {
      id: row.id,
      stars: row.stars,
      title: row.title,
      body: row.body,
      authorName: row.authorName,
      forOrganization: row.organizationId !== null,
      hidden: row.hiddenAt !== null,
      reply: row.reply && Object.assign(new ReviewReply(), row.reply),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

@ObjectType()
export class ReviewConnection extends Connection(Review, 'Review') {}

@ObjectType({ simpleResolvers: true, description: 'A reported review waiting for a moderator (REVIEWER, ADMIN)' })
export class ReviewModerationItem {
  @Field(() => Review)
  review: Review;

  @Field({ description: 'The appId of the reviewed extension' })
  appId: string;

  @Field(() => Int, { description: 'Reports not yet decided' })
  openReports: number;

  @Field(() => [String], { description: "The reporters' reasons (reporters stay anonymous)" })
  reasons: string[];

  @Field(() => DateTimeScalar)
  firstReportedAt: Date;

  static from(item: ModerationItem): ReviewModerationItem {
    return Object.assign(new ReviewModerationItem(), { ...item, review: Review.from(item.review) });
  }
}

@ObjectType()
export class ReviewModerationConnection extends Connection(ReviewModerationItem, 'ReviewModerationItem') {}

@InputType()
export class RateExtensionInput {
  @Field()
  @MaxLength(200)
  appId: string;

  @Field(() => Int, { description: '1 to 5' })
  stars: number;

  @Field(() => String, { nullable: true, description: 'Plain text, at most 120 characters' })
  @IsOptional()
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Plain text, at most 4000 characters; HTML is refused' })
  @IsOptional()
  body?: string | null;

  @Field(() => ID, { nullable: true, description: 'Rate for this organization (its owners and admins only)' })
  @IsOptional()
  organizationId?: string | null;
}

@ArgsType()
export class ReviewsArgs extends PageArgs {}
