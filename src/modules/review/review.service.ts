import { EventTypes, InternalEventTypes } from '../events/event-types';
import type { AuthedContext, RequestContext } from '../../context';
import { In } from 'typeorm';
import { isUuid, repo, withTransaction } from '../../db/transaction';
import { BadUserInputError, ForbiddenError, InvalidStateError, NotFoundError } from '../../shared/errors';
import { decodeCursor, encodeCursor, Page } from '../../shared/pagination';
import { StateMachine } from '../../shared/state-machine';
import { Role } from '../../shared/auth/roles';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { ExtensionEntity } from '../extensions/extensions.entities';
import { ExtensionVersionEntity, VersionStatus } from '../versions/version.entity';
import type { ReviewTrigger } from '../versions/version-rules';
import type { VersionLifecycle } from '../versions/version-lifecycle';
import { ReviewCaseEntity, ReviewCaseKind, ReviewDecision, ReviewMessageEntity, ReviewState } from './review.entities';

/** Review SLA (docs/marketplace.md, "Review"): 2 business days, 5 for a developer's first submission; weekends skipped. */
export function addBusinessDays(from: Date, days: number): Date {
  const due = new Date(from);
  let left = days;
  while (left > 0) {
    due.setUTCDate(due.getUTCDate() + 1);
    const weekday = due.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return due;
}

export const reviewStates = new StateMachine<ReviewState>('review case', {
  OPEN: [ReviewState.IN_REVIEW, ReviewState.WITHDRAWN],
  IN_REVIEW: [ReviewState.APPROVED, ReviewState.CHANGES_REQUESTED, ReviewState.REJECTED, ReviewState.WITHDRAWN],
  APPROVED: [],
  CHANGES_REQUESTED: [ReviewState.WITHDRAWN],
  REJECTED: [],
  WITHDRAWN: [],
});

const OUTCOME: Record<ReviewDecision, { state: ReviewState; version: VersionStatus }> = {
  APPROVE: { state: ReviewState.APPROVED, version: VersionStatus.APPROVED },
  REQUEST_CHANGES: { state: ReviewState.CHANGES_REQUESTED, version: VersionStatus.CHANGES_REQUESTED },
  REJECT: { state: ReviewState.REJECTED, version: VersionStatus.REJECTED },
};

/** Versions a developer may still withdraw: anything not yet approved. */

export interface QueueFilter {
  state?: ReviewState | null;
  overdueOnly?: boolean | null;
}

const CURSOR_TAG = 'rq';

/**
 * Human review: cases opened by validation, claimed by a reviewer, discussed in a thread,
 * decided once. Every transition locks the case row, so two reviewers deciding at once cannot
 * both succeed, and goes through the `reviewStates` table.
 */
export class ReviewService {
  constructor(
    private readonly lifecycle: VersionLifecycle,
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {
    // Validation decides whether a version needs a human; this module reacts in the same
    // transaction, after version.validated, so the log reads validated → review.requested.
    events.on(EventTypes.VERSION_VALIDATED, async (tx, event) => {
      if (event.data.status !== VersionStatus.PENDING_REVIEW) return;
      const version = await repo(tx, ExtensionVersionEntity).findOneByOrFail({ id: event.subjectId });
      const extension = await repo(tx, ExtensionEntity).findOneByOrFail({ id: version.extensionId });
      await this.open(tx, version, version.reviewTriggers as ReviewTrigger[], { appId: extension.appId, ownerId: extension.ownerId });
    });
    // A withdrawn version's open case closes with it.
    events.on(InternalEventTypes.VERSION_WITHDRAWN, async (tx, event) => {
      const reviewCase = await repo(tx, ReviewCaseEntity).findOne({ where: { versionId: event.subjectId, kind: ReviewCaseKind.SUBMISSION }, lock: { mode: 'for_no_key_update' } });
      if (reviewCase && reviewStates.canTransition(reviewCase.state, ReviewState.WITHDRAWN)) {
        await repo(tx, ReviewCaseEntity).update(reviewCase.id, { state: ReviewState.WITHDRAWN });
      }
    });
  }

  /**
   * Adds a trigger to a case that is still open (the hosting health check's failure); once
   * the case is decided the trigger no longer matters and nothing is written.
   */
  async addTrigger(tx: RequestContext, caseId: string, trigger: ReviewTrigger): Promise<void> {
    await tx.manager.query(
      `UPDATE review_cases SET triggers = triggers || $2::jsonb WHERE id = $1 AND state IN ('OPEN', 'IN_REVIEW')`,
      [caseId, JSON.stringify([trigger])],
    );
  }

  /** Opens a case for a version that needs review (inside the validation transaction). */
  async open(ctx: RequestContext, version: ExtensionVersionEntity, triggers: ReviewTrigger[], { appId, ownerId }: { appId: string; ownerId: string }): Promise<ReviewCaseEntity> {
    const firstTime = triggers.some(t => t.kind === 'FIRST_SUBMISSION');
    const cases = repo(ctx, ReviewCaseEntity);
    const reviewCase = await cases.save(
      cases.create({
        versionId: version.id,
        extensionId: version.extensionId,
        triggers,
        dueAt: addBusinessDays(new Date(), firstTime ? 5 : 2),
      }),
    );
    await this.announce(ctx, reviewCase, version, { appId, ownerId });
    return reviewCase;
  }

  /** review.requested, to the extension's owner. */
  private async announce(ctx: RequestContext, reviewCase: ReviewCaseEntity, version: ExtensionVersionEntity, { appId, ownerId }: { appId: string; ownerId: string }): Promise<void> {
    await this.events.append(ctx, EventTypes.REVIEW_REQUESTED, {
      subjectType: 'ReviewCase',
      subjectId: reviewCase.id,
      appId,
      version: version.version,
      audienceUserId: ownerId,
      data: { versionId: version.id, reviewCaseId: reviewCase.id, dueAt: reviewCase.dueAt.toISOString(), triggers: reviewCase.triggers.map(t => t.kind) },
    });
  }

  /**
   * Opens a rescan case on a published version whose rescan found ERRORs (the trust module calls
   * it in the rescan's transaction), or adds the triggers to the version's undecided rescan case.
   * Unlike a submission case its decision never moves the version: a reviewer who confirms the
   * problem acts through the platform's other tools (docs/trust.md, "Security findings").
   */
  async openForFindings(
    tx: RequestContext,
    version: ExtensionVersionEntity,
    triggers: ReviewTrigger[],
    { appId, ownerId, now }: { appId: string; ownerId: string; now: Date },
  ): Promise<{ reviewCase: ReviewCaseEntity; opened: boolean }> {
    const cases = repo(tx, ReviewCaseEntity);
    const open = await cases.findOne({
      where: { versionId: version.id, kind: ReviewCaseKind.RESCAN, state: In([ReviewState.OPEN, ReviewState.IN_REVIEW]) },
      lock: { mode: 'for_no_key_update' },
    });
    if (open) {
      await tx.manager.query(`UPDATE review_cases SET triggers = triggers || $2::jsonb WHERE id = $1`, [open.id, JSON.stringify(triggers)]);
      open.triggers = [...open.triggers, ...triggers];
      return { reviewCase: open, opened: false };
    }
    const reviewCase = await cases.save(
      cases.create({ versionId: version.id, extensionId: version.extensionId, kind: ReviewCaseKind.RESCAN, triggers, dueAt: addBusinessDays(now, 2) }),
    );
    await this.announce(tx, reviewCase, version, { appId, ownerId });
    return { reviewCase, opened: true };
  }

  async queue(ctx: RequestContext, filter: QueueFilter, first: number, after?: string | null): Promise<Page<ReviewCaseEntity>> {
    const qb = repo(ctx, ReviewCaseEntity).createQueryBuilder('c');
    if (filter.state) qb.andWhere('c.state = :state', { state: filter.state });
    else qb.andWhere('c.state IN (:...open)', { open: [ReviewState.OPEN, ReviewState.IN_REVIEW] });
    if (filter.overdueOnly) qb.andWhere('c.due_at < now()');
    const totalCount = await qb.getCount();
    if (after) {
      const [dueMs, seq] = decodeCursor(after, CURSOR_TAG, 2);
      qb.andWhere('(c.due_at, c.created_at) > (:due, :created)', { due: new Date(Number(dueMs)), created: new Date(Number(seq)) });
    }
    const rows = await qb.orderBy('c.due_at', 'ASC').addOrderBy('c.created_at', 'ASC').take(first + 1).getMany();
    return {
      items: rows.slice(0, first),
      hasNextPage: rows.length > first,
      totalCount,
      cursorOf: c => encodeCursor(CURSOR_TAG, c.dueAt.getTime(), c.createdAt.getTime()),
    };
  }

  async claim(ctx: AuthedContext, caseId: string): Promise<ReviewCaseEntity> {
    return withTransaction(ctx, async tx => {
      const { reviewCase, extension } = await this.lockCase(tx, caseId);
      if (extension.ownerId === tx.actor.userId) throw new ForbiddenError('You cannot review an extension you own');
      reviewStates.assertTransition(reviewCase.state, ReviewState.IN_REVIEW);
      reviewCase.state = ReviewState.IN_REVIEW;
      reviewCase.assigneeId = tx.actor.userId;
      await repo(tx, ReviewCaseEntity).save(reviewCase);
      // A rescan case reviews a published version: claiming it leaves the version as it is.
      if (reviewCase.kind === ReviewCaseKind.SUBMISSION) {
        const version = await repo(tx, ExtensionVersionEntity).findOneByOrFail({ id: reviewCase.versionId });
        await this.lifecycle.transition(tx, version, VersionStatus.IN_REVIEW, 'claiming its review');
      }
      await this.audit.record(tx, { action: 'review.claim', targetType: 'ReviewCase', targetId: reviewCase.id });
      await this.events.append(tx, InternalEventTypes.REVIEW_CLAIMED, { subjectType: 'ReviewCase', subjectId: reviewCase.id, appId: extension.appId, audienceUserId: extension.ownerId, data: {} });
      return reviewCase;
    });
  }

  async postMessage(ctx: AuthedContext, caseId: string, body: string): Promise<ReviewMessageEntity> {
    const text = body.trim();
    if (!text || text.length > 5000) throw BadUserInputError.field('body', 'body must be 1 to 5,000 characters');
    return withTransaction(ctx, async tx => {
      const { reviewCase, extension } = await this.lockCase(tx, caseId, { allowOwner: true });
      if ([ReviewState.APPROVED, ReviewState.REJECTED, ReviewState.WITHDRAWN].includes(reviewCase.state)) {
        throw new InvalidStateError(`This review is ${reviewCase.state.toLowerCase()}; the thread is closed`);
      }
      const messages = repo(tx, ReviewMessageEntity);
      const message = await messages.save(messages.create({ caseId: reviewCase.id, authorId: tx.actor.userId, body: text }));
      const toOwner = tx.actor.userId !== extension.ownerId;
      await this.events.append(tx, InternalEventTypes.REVIEW_MESSAGE_POSTED, {
        subjectType: 'ReviewCase',
        subjectId: reviewCase.id,
        appId: extension.appId,
        // Never public: without an assignee yet, the developer's own message stays theirs.
        audienceUserId: toOwner ? extension.ownerId : (reviewCase.assigneeId ?? extension.ownerId),
        data: { messageId: message.id },
      });
      return message;
    });
  }

  async decide(ctx: AuthedContext, caseId: string, decision: ReviewDecision, reason: string): Promise<ReviewCaseEntity> {
    if (!reason.trim()) throw BadUserInputError.field('reason', 'A decision needs a reason');
    return withTransaction(ctx, async tx => {
      const { reviewCase, extension } = await this.lockCase(tx, caseId);
      if (extension.ownerId === tx.actor.userId) throw new ForbiddenError('You cannot review an extension you own');
      if (reviewCase.state === ReviewState.OPEN) throw new InvalidStateError('Claim the review before deciding it');
      if (reviewCase.state === ReviewState.IN_REVIEW && reviewCase.assigneeId !== tx.actor.userId) {
        throw new ForbiddenError('Only the reviewer who claimed this case can decide it');
      }
      const outcome = OUTCOME[decision];
      reviewStates.assertTransition(reviewCase.state, outcome.state);
      reviewCase.state = outcome.state;
      reviewCase.decision = decision;
      reviewCase.decisionReason = reason.trim();
      reviewCase.decidedAt = new Date();
      await repo(tx, ReviewCaseEntity).save(reviewCase);
      const version = await repo(tx, ExtensionVersionEntity).findOneByOrFail({ id: reviewCase.versionId });
      // A rescan case's decision is recorded, never applied to the published version (it never unpublishes by itself).
      if (reviewCase.kind === ReviewCaseKind.SUBMISSION) await this.lifecycle.transition(tx, version, outcome.version, 'deciding its review');
      await this.audit.record(tx, { action: 'review.decide', targetType: 'ReviewCase', targetId: reviewCase.id, data: { decision, reason: reviewCase.decisionReason } });
      await this.events.append(tx, EventTypes.REVIEW_DECIDED, {
        subjectType: 'ReviewCase',
        subjectId: reviewCase.id,
        appId: extension.appId,
        version: version.version,
        audienceUserId: extension.ownerId,
        data: { decision, reason: reviewCase.decisionReason, versionId: version.id },
      });
      return reviewCase;
    });
  }


  async get(ctx: AuthedContext, caseId: string): Promise<ReviewCaseEntity | null> {
    if (!isUuid(caseId)) return null;
    const reviewCase = await repo(ctx, ReviewCaseEntity).findOneBy({ id: caseId });
    if (!reviewCase) return null;
    const extension = await repo(ctx, ExtensionEntity).findOneByOrFail({ id: reviewCase.extensionId });
    const actor = ctx.actor;
    const allowed = actor.roles.has(Role.REVIEWER) || actor.roles.has(Role.ADMIN) || extension.ownerId === actor.userId;
    return allowed ? reviewCase : null;
  }

  messages(ctx: RequestContext, caseId: string): Promise<ReviewMessageEntity[]> {
    return repo(ctx, ReviewMessageEntity).find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }

  /** Loads and locks a case for a reviewer (or, for the thread, the extension's owner). */
  private async lockCase(tx: AuthedContext, caseId: string, options: { allowOwner?: boolean } = {}) {
    if (!isUuid(caseId)) throw new NotFoundError('Review case');
    const reviewCase = await repo(tx, ReviewCaseEntity).findOne({ where: { id: caseId }, lock: { mode: 'for_no_key_update' } });
    if (!reviewCase) throw new NotFoundError('Review case');
    const extension = await repo(tx, ExtensionEntity).findOneByOrFail({ id: reviewCase.extensionId });
    const actor = tx.actor;
    const reviewer = actor.roles.has(Role.REVIEWER) || actor.roles.has(Role.ADMIN);
    const owner = extension.ownerId === actor.userId;
    if (!reviewer && !(options.allowOwner && owner)) throw new NotFoundError('Review case');
    return { reviewCase, extension };
  }
}
