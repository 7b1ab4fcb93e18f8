import { Arg, Args, Authorized, Ctx, Extensions, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { pageSize, toConnection } from '../../shared/pagination';
import { User } from '../accounts/accounts.types';
import type { AuthService } from '../accounts/auth.service';
import { Role } from '../../shared/auth/roles';
import { ExtensionVersion } from '../versions/versions.types';
import { ReviewDecision } from './review.entities';
import type { ReviewService } from './review.service';
import { ReviewCase, ReviewCaseConnection, ReviewMessage, ReviewQueueArgs, StagingInvite } from './review.types';
import type { StagingService } from './staging.service';

@Resolver(() => ReviewCase)
export class ReviewResolver {
  constructor(
    private readonly review: ReviewService,
    private readonly staging: StagingService,
    private readonly auth: AuthService,
    private readonly maxPageSize: number,
  ) {}

  @Authorized(Role.REVIEWER)
  @Extensions({ connection: true })
  @Query(() => ReviewCaseConnection, { description: 'Review cases, oldest due date first (REVIEWER)' })
  async reviewQueue(@Args() args: ReviewQueueArgs, @Ctx() ctx: RequestContext): Promise<ReviewCaseConnection> {
    const page = await this.review.queue(ctx, { state: args.state, overdueOnly: args.overdueOnly }, pageSize(args.first, this.maxPageSize), args.after);
    return toConnection(page, ReviewCase.from);
  }

  @Authorized()
  @Query(() => ReviewCase, { nullable: true, description: 'A case, for reviewers and the extension owner' })
  async reviewCase(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ReviewCase | null> {
    const found = await this.review.get(authed(ctx), id);
    return found && ReviewCase.from(found);
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => ReviewCase, { description: 'Take an open case; not for your own extensions' })
  async claimReview(@Arg('caseId', () => ID) caseId: string, @Ctx() ctx: RequestContext): Promise<ReviewCase> {
    return ReviewCase.from(await this.review.claim(authed(ctx), caseId));
  }

  @Authorized()
  @Mutation(() => ReviewMessage, { description: 'Write in the case thread (reviewers and the developer)' })
  async postReviewMessage(@Arg('caseId', () => ID) caseId: string, @Arg('body') body: string, @Ctx() ctx: RequestContext): Promise<ReviewMessage> {
    return ReviewMessage.from(await this.review.postMessage(authed(ctx), caseId, body));
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => ReviewCase, { description: 'APPROVE, REQUEST_CHANGES or REJECT a claimed case, with a reason' })
  async decideReview(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('decision', () => ReviewDecision) decision: ReviewDecision,
    @Arg('reason') reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ReviewCase> {
    return ReviewCase.from(await this.review.decide(authed(ctx), caseId, decision, reason));
  }

  @Authorized(Role.DEVELOPER)
  @Mutation(() => StagingInvite, { description: 'Invite a tester by email to a validated version (owner)' })
  async inviteStagingTester(@Arg('versionId', () => ID) versionId: string, @Arg('email') email: string, @Ctx() ctx: RequestContext): Promise<StagingInvite> {
    return StagingInvite.from(await this.staging.invite(authed(ctx), versionId, email));
  }

  @FieldResolver(() => ExtensionVersion)
  async version(@Root() reviewCase: ReviewCase, @Ctx() ctx: RequestContext): Promise<ExtensionVersion> {
    return (await ExtensionVersion.visible(ctx, await ctx.loaders.versionById.load(reviewCase.versionId)))!;
  }

  @FieldResolver(() => User, { nullable: true })
  async assignee(@Root() reviewCase: ReviewCase, @Ctx() ctx: RequestContext): Promise<User | null> {
    const user = reviewCase.assigneeId ? await ctx.loaders.userById.load(reviewCase.assigneeId) : null;
    return user && User.visible(ctx, user, this.auth.effectiveRoles(user));
  }

  @FieldResolver(() => [ReviewMessage])
  async messages(@Root() reviewCase: ReviewCase, @Ctx() ctx: RequestContext): Promise<ReviewMessage[]> {
    return (await this.review.messages(ctx, reviewCase.id)).map(ReviewMessage.from);
  }
}
