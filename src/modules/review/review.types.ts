import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { Connection, PageArgs } from '../../shared/pagination';
import { DateTimeScalar } from '../../shared/scalars';
import { ReviewTriggerType } from '../versions/versions.types';
import { ReviewCaseEntity, ReviewCaseKind, ReviewDecision, ReviewMessageEntity, ReviewState } from './review.entities';
import type { StagingInviteEntity } from './staging.entity';

@ObjectType({ simpleResolvers: true })
export class ReviewMessage {
  @Field(() => ID)
  id: string;

  authorId: string;

  @Field()
  body: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: ReviewMessageEntity): ReviewMessage {
    return Object.assign(new ReviewMessage(), { id: e.id, authorId: e.authorId, body: e.body, createdAt: e.createdAt });
  }
}

@ObjectType({ simpleResolvers: true })
export class ReviewCase {
  @Field(() => ID)
  id: string;

  versionId: string;
  assigneeId: string | null;

  @Field(() => ReviewCaseKind, { description: 'SUBMISSION (its decision moves the version) or RESCAN (a published version with new security findings; its decision moves nothing)' })
  kind: ReviewCaseKind;

  @Field(() => ReviewState)
  state: ReviewState;

  @Field(() => [ReviewTriggerType])
  triggers: ReviewTriggerType[];

  @Field(() => DateTimeScalar)
  dueAt: Date;

  @Field({ description: 'Past its due date and not decided' })
  overdue: boolean;

  @Field(() => ReviewDecision, { nullable: true })
  decision: ReviewDecision | null;

  @Field(() => String, { nullable: true })
  decisionReason: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: ReviewCaseEntity): ReviewCase {
    const open = e.state === ReviewState.OPEN || e.state === ReviewState.IN_REVIEW;
    return Object.assign(new ReviewCase(), {
      id: e.id,
      versionId: e.versionId,
      assigneeId: e.assigneeId,
      kind: e.kind,
      state: e.state,
      triggers: e.triggers,
      dueAt: e.dueAt,
      overdue: open && e.dueAt.getTime() < Date.now(),
      decision: e.decision,
      decisionReason: e.decisionReason,
      decidedAt: e.decidedAt,
      createdAt: e.createdAt,
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class StagingInvite {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  versionId: string;

  @Field()
  email: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(e: StagingInviteEntity): StagingInvite {
    return Object.assign(new StagingInvite(), { id: e.id, versionId: e.versionId, email: e.email, createdAt: e.createdAt });
  }
}

@ObjectType({ simpleResolvers: true })
export class ReviewCaseConnection extends Connection(ReviewCase, 'ReviewCase') {}

@ArgsType()
export class ReviewQueueArgs extends PageArgs {
  @Field(() => ReviewState, { nullable: true, description: 'Default: open and in-review cases' })
  @IsOptional()
  state?: ReviewState | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  overdueOnly?: boolean | null;
}
