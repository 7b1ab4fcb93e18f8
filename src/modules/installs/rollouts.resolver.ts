import { Arg, Authorized, Ctx, Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { DateTimeScalar } from '../../shared/scalars';
import { RolloutState } from './rollout.entity';
import type { RolloutsService, RolloutView } from './rollouts.service';

@ObjectType({ simpleResolvers: true, description: 'One step of a rollout: STARTED, WIDENED, PAUSED, RESUMED, COMPLETED, ROLLING_BACK, ROLLED_BACK' })
export class RolloutStep {
  @Field()
  action: string;

  @Field(() => Int, { description: 'The share after this step' })
  percent: number;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field({ description: 'A person did it (false: the schedule, the health gate or the batches)' })
  byPerson: boolean;

  @Field(() => Float, { nullable: true })
  errorRate: number | null;

  @Field(() => Float, { nullable: true })
  baselineErrorRate: number | null;

  @Field(() => DateTimeScalar)
  at: Date;
}

@ObjectType({ simpleResolvers: true, description: 'A version’s rollout (docs/marketplace.md, "Staged rollouts"); its extension’s owner and admins only' })
export class Rollout {
  @Field(() => ID)
  versionId: string;

  @Field(() => Int, { description: 'The share of installations (by a stable hash of the installation id) the rollout may move' })
  percent: number;

  @Field(() => RolloutState)
  state: RolloutState;

  @Field(() => Int, { description: 'Installations the rollout moved to this version (less those rolled back)' })
  cohortSize: number;

  @Field(() => Int)
  rolledBack: number;

  @Field(() => Float, { nullable: true, description: 'Errors per action of this version since the observation window began (null: no actions)' })
  errorRate: number | null;

  @Field(() => Float, { nullable: true, description: 'The same for the previous version over the same span' })
  baselineErrorRate: number | null;

  @Field(() => Int, { nullable: true })
  stepPercent: number | null;

  @Field(() => Int, { nullable: true })
  stepEveryHours: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  nextStepAt: Date | null;

  @Field(() => String, { nullable: true })
  pausedReason: string | null;

  @Field(() => [RolloutStep])
  history: RolloutStep[];

  static from(v: RolloutView): Rollout {
    const r = v.rollout;
    return Object.assign(new Rollout(), {
      versionId: r.versionId,
      percent: r.percent,
      state: r.state,
      cohortSize: r.moved,
      rolledBack: r.rolledBack,
      errorRate: v.errorRate,
      baselineErrorRate: v.baselineErrorRate,
      stepPercent: r.stepPercent,
      stepEveryHours: r.stepEveryHours,
      nextStepAt: r.nextStepAt,
      pausedReason: r.pausedReason,
      history: v.history.map(h =>
        Object.assign(new RolloutStep(), {
          action: h.action,
          percent: h.percent,
          reason: h.reason,
          byPerson: h.actorId !== null,
          errorRate: h.errorRate,
          baselineErrorRate: h.baselineErrorRate,
          at: h.at,
        }),
      ),
    });
  }
}

@Resolver()
export class RolloutsResolver {
  constructor(private readonly rollouts: RolloutsService) {}

  @Authorized()
  @Query(() => Rollout, { description: 'The rollout of a version you own (admins: any); NOT_FOUND otherwise' })
  async rollout(@Arg('versionId', () => ID) versionId: string, @Ctx() ctx: RequestContext): Promise<Rollout> {
    return Rollout.from(await this.rollouts.view(authed(ctx), versionId));
  }

  @Authorized()
  @Mutation(() => Rollout, { description: 'Stop moving installations (owner or admin)' })
  async pauseRollout(@Arg('versionId', () => ID) versionId: string, @Ctx() ctx: RequestContext, @Arg('reason', () => String, { nullable: true }) reason?: string | null): Promise<Rollout> {
    return Rollout.from(await this.rollouts.pause(authed(ctx), versionId, reason?.trim() || null));
  }

  @Authorized()
  @Mutation(() => Rollout, { description: 'Continue a paused rollout; its health window starts again' })
  async resumeRollout(@Arg('versionId', () => ID) versionId: string, @Ctx() ctx: RequestContext): Promise<Rollout> {
    return Rollout.from(await this.rollouts.resume(authed(ctx), versionId));
  }

  @Authorized()
  @Mutation(() => Rollout, { description: 'A larger share (above the current one, at most 100)' })
  async widenRollout(@Arg('versionId', () => ID) versionId: string, @Arg('percent', () => Int) percent: number, @Ctx() ctx: RequestContext): Promise<Rollout> {
    return Rollout.from(await this.rollouts.widen(authed(ctx), versionId, percent));
  }

  @Authorized()
  @Mutation(() => Rollout, { description: 'Move the cohort back to the versions it came from (installation.rolled_back each)' })
  async rollBackRollout(@Arg('versionId', () => ID) versionId: string, @Ctx() ctx: RequestContext, @Arg('reason', () => String, { nullable: true }) reason?: string | null): Promise<Rollout> {
    return Rollout.from(await this.rollouts.rollBack(authed(ctx), versionId, reason?.trim() || null));
  }
}
