import { Arg, Args, Authorized, Ctx, Extensions, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { Role } from '../../shared/auth/roles';
import { PageArgs, pageSize, toConnection } from '../../shared/pagination';
import { Extension } from '../extensions/extensions.types';
import { ModerationDecision } from './ratings.entities';
import type { RatingsService } from './ratings.service';
import { RateExtensionInput, RatingSummary, Review, ReviewConnection, ReviewModerationConnection, ReviewModerationItem, ReviewsArgs } from './ratings.types';

/** Ratings and reviews (docs/ratings.md): the mutations, the moderation queue, and Extension.rating / Extension.reviews. */
@Resolver(() => Extension)
export class RatingsResolver {
  constructor(
    private readonly ratings: RatingsService,
    private readonly maxPageSize: number,
  ) {}

  @FieldResolver(() => RatingSummary, { description: 'Average, count and star histogram of its visible reviews' })
  async rating(@Root() extension: Extension, @Ctx() ctx: RequestContext): Promise<RatingSummary> {
    return RatingSummary.from(await ctx.loaders.ratingSummaryByExtensionId.load(extension.id));
  }

  @Extensions({ connection: true })
  @FieldResolver(() => ReviewConnection, { description: 'Visible reviews, newest first, each with the developer\'s reply' })
  async reviews(@Root() extension: Extension, @Args() args: ReviewsArgs, @Ctx() ctx: RequestContext): Promise<ReviewConnection> {
    // The list holds visible reviews only (hidden_at IS NULL): public under rating.policy.ts.
    return toConnection(await this.ratings.reviews(ctx, extension.id, pageSize(args.first, this.maxPageSize), args.after), Review.from);
  }

  @Authorized()
  @Query(() => Review, { nullable: true, description: 'Your own review of an extension (or your organization\'s), hidden or not' })
  async myReview(
    @Arg('appId') appId: string,
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Review | null> {
    const row = await this.ratings.mine(authed(ctx), appId, organizationId);
    return row && Review.from(row);
  }

  @Authorized(Role.REVIEWER)
  @Extensions({ connection: true })
  @Query(() => ReviewModerationConnection, { description: 'Reported reviews awaiting a decision, longest-waiting first (REVIEWER)' })
  async ratingModerationQueue(@Args() args: PageArgs, @Ctx() ctx: RequestContext): Promise<ReviewModerationConnection> {
    return toConnection(await this.ratings.moderationQueue(authed(ctx), pageSize(args.first, this.maxPageSize), args.after), ReviewModerationItem.from);
  }

  @Authorized()
  @Mutation(() => Review, { description: 'Rate an extension you installed (1-5 stars, optional plain-text title and body); again to edit' })
  async rateExtension(@Arg('input') input: RateExtensionInput, @Ctx() ctx: RequestContext): Promise<Review> {
    return Review.from(await this.ratings.rate(authed(ctx), input));
  }

  @Authorized()
  @Mutation(() => Review, { description: 'The developer\'s reply to a review of their extension; again to edit it' })
  async replyToReview(@Arg('reviewId', () => ID) reviewId: string, @Arg('body') body: string, @Ctx() ctx: RequestContext): Promise<Review> {
    return Review.from(await this.ratings.reply(authed(ctx), reviewId, body));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Report a review to the moderators (once per reporter)' })
  async reportReview(
    @Arg('reviewId', () => ID) reviewId: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return this.ratings.report(authed(ctx), reviewId, reason);
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Review, { description: 'HIDE or KEEP a reported review, with a reason (audited; REVIEWER)' })
  async moderateReview(
    @Arg('reviewId', () => ID) reviewId: string,
    @Arg('decision', () => ModerationDecision) decision: ModerationDecision,
    @Arg('reason') reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Review> {
    return Review.from(await this.ratings.moderate(authed(ctx), reviewId, decision, reason));
  }
}
