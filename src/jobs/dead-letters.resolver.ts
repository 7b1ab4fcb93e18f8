import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { Role } from '../shared/auth/roles';
import { pageSize } from '../shared/pagination';
import { DateTimeScalar } from '../shared/scalars';
import type { DeadLetters, FailedJob as FailedJobRecord } from './dead-letters';

@ObjectType({ simpleResolvers: true, description: 'A background job that failed every attempt it was allowed (the dead-letter view)' })
export class FailedJob {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The queue, e.g. validate-version, rollout-version, webhook-deliver' })
  queue: string;

  @Field(() => String, { nullable: true, description: 'What the job was about: ExtensionVersion, WebhookDelivery; null for periodic jobs' })
  subjectType: string | null;

  @Field(() => ID, { nullable: true })
  subjectId: string | null;

  @Field({ description: "The last attempt's error message" })
  error: string;

  @Field(() => Int, { description: 'Attempts made, the last failed one included' })
  attempts: number;

  @Field(() => Int, { description: 'Retries the queue allowed after the first attempt' })
  retryLimit: number;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  startedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  failedAt: Date | null;

  static from(job: FailedJobRecord): FailedJob {
    return Object.assign(new FailedJob(), job);
  }
}

@ObjectType({ simpleResolvers: true })
export class FailedJobList {
  @Field(() => [FailedJob])
  nodes: FailedJob[];

  @Field(() => Int, { description: 'Failed jobs in all (of the queue, when one is named)' })
  totalCount: number;
}

@Resolver(() => FailedJob)
export class DeadLettersResolver {
  constructor(
    private readonly deadLetters: DeadLetters,
    private readonly maxPageSize: number,
  ) {}

  @Authorized(Role.ADMIN)
  @Query(() => FailedJobList, { description: 'Background jobs that failed for good, most recent first (ADMIN)' })
  async failedJobs(
    @Ctx() ctx: RequestContext,
    @Arg('queue', () => String, { nullable: true }) queue?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<FailedJobList> {
    const { items, totalCount } = await this.deadLetters.list(ctx, pageSize(first, this.maxPageSize), queue);
    return Object.assign(new FailedJobList(), { nodes: items.map(FailedJob.from), totalCount });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => FailedJob, { description: 'Gives a failed job one more attempt now (ADMIN; audited). NOT_FOUND unless the job is failed' })
  async retryFailedJob(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<FailedJob> {
    return FailedJob.from(await this.deadLetters.retry(ctx, id));
  }
}
