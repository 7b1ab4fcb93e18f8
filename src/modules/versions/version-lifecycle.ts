import type { RequestContext } from '../../context';
import { assertInTransaction } from '../../db/transaction';
import { InvalidStateError } from '../../shared/errors';
import { StateMachine } from '../../shared/state-machine';
import type { EventLog, NewEvent } from '../events/event-log';
import type { EventType } from '../events/event-types';
import type { Manifest } from '../validation/manifest-layer';
import { ExtensionVersionEntity, VersionStatus } from './version.entity';
import { recordApprovals } from './version-rules';

const S = VersionStatus;

/**
 * The version lifecycle (docs/architecture.md, "Version lifecycle"), after Vendure's order
 * state machine: every status a version can move to from each status. Anything else is
 * INVALID_STATE. Validation decides SUBMITTED → VALIDATING → APPROVED, PENDING_REVIEW or
 * VALIDATION_FAILED; review decides IN_REVIEW and its outcomes; the developer withdraws what is
 * not yet approved, publishes what is approved and deprecates what is published. The runtime
 * health policy suspends a published version, and an admin reinstates it (docs/runtime.md).
 */
export const versionStates = new StateMachine<VersionStatus>('version', {
  [S.SUBMITTED]: [S.VALIDATING, S.WITHDRAWN],
  [S.VALIDATING]: [S.VALIDATION_FAILED, S.PENDING_REVIEW, S.APPROVED, S.WITHDRAWN],
  [S.VALIDATION_FAILED]: [],
  [S.PENDING_REVIEW]: [S.IN_REVIEW, S.WITHDRAWN],
  [S.IN_REVIEW]: [S.APPROVED, S.CHANGES_REQUESTED, S.REJECTED, S.WITHDRAWN],
  [S.CHANGES_REQUESTED]: [S.WITHDRAWN],
  [S.REJECTED]: [],
  [S.WITHDRAWN]: [],
  [S.APPROVED]: [S.PUBLISHED],
  [S.PUBLISHED]: [S.DEPRECATED, S.SUSPENDED],
  [S.DEPRECATED]: [],
  [S.SUSPENDED]: [S.PUBLISHED],
});

/** Sets `now()` in a transition's column changes. */
export const NOW = Symbol('now()');

/**
 * Column values written with the status, by column name. Values are query parameters (jsonb
 * columns take JSON text); `NOW` is the database clock.
 */
export type VersionColumns = Partial<Record<VersionColumn, unknown>>;

type VersionColumn =
  | 'report'
  | 'manifest'
  | 'validated_at'
  | 'ruleset_version'
  | 'declared_bump'
  | 'required_bump'
  | 'change_summary'
  | 'review_triggers'
  | 'docs'
  | 'published_at';

/** What a move also records: columns written with it and the event that announces it. */
export interface TransitionEffects<T extends EventType> {
  set?: VersionColumns;
  event?: { type: T } & NewEvent<T>;
}

/**
 * A check a higher module adds to a move (the listings module: the first publish needs a
 * complete listing). It throws to refuse; the versions module never imports it.
 */
export type TransitionGuard = (tx: RequestContext, version: ExtensionVersionEntity) => Promise<void>;

/**
 * The one writer of `extension_versions.status`. Every module that moves a version calls
 * `transition`, which checks the table, writes the status (compare-and-set, so a concurrent move
 * is never overwritten) and appends the event in the caller's transaction.
 */
export class VersionLifecycle {
  private readonly guards = new Map<VersionStatus, TransitionGuard[]>();

  constructor(private readonly events: EventLog) {}

  /** Adds a check every move into `to` must pass. */
  guard(to: VersionStatus, check: TransitionGuard): void {
    this.guards.set(to, [...(this.guards.get(to) ?? []), check]);
  }

  /**
   * Moves `version` (as the caller loaded it, ideally row-locked) to `to`; INVALID_STATE when
   * the table has no such move or the row moved since it was read. `reason` names the action in
   * the refusal. Updates `version.status` in place.
   */
  async transition<T extends EventType>(
    tx: RequestContext,
    version: ExtensionVersionEntity,
    to: VersionStatus,
    reason: string,
    effects: TransitionEffects<T> = {},
  ): Promise<ExtensionVersionEntity> {
    if (!(await this.transitionIfStill(tx, version, to, reason, effects))) {
      throw new InvalidStateError(`The version moved on while ${reason}; reload it and try again`, { from: version.status, to });
    }
    return version;
  }

  /**
   * As `transition`, but a row that moved on since it was read (a withdrawal racing the
   * validation job) is left alone and answers false instead of an error.
   */
  async transitionIfStill<T extends EventType>(
    tx: RequestContext,
    version: ExtensionVersionEntity,
    to: VersionStatus,
    reason: string,
    effects: TransitionEffects<T> = {},
  ): Promise<boolean> {
    assertInTransaction(tx, 'A version transition');
    if (!versionStates.canTransition(version.status, to)) {
      throw new InvalidStateError(`A ${version.status} version cannot be ${describe(to)} (${reason})`, { from: version.status, to });
    }
    for (const check of this.guards.get(to) ?? []) await check(tx, version);
    const params: unknown[] = [version.id, version.status, to];
    const sets = ['status = $3'];
    for (const [column, value] of Object.entries(effects.set ?? {})) {
      sets.push(value === NOW ? `${column} = now()` : `${column} = $${params.push(value)}`);
    }
    const result = await tx.manager.query(
      `UPDATE extension_versions SET ${sets.join(', ')} WHERE id = $1 AND status = $2 RETURNING published_at, validated_at, manifest`,
      params,
    );
    const rows = (Array.isArray(result[0]) ? result[0] : result) as { published_at: Date | null; validated_at: Date | null; manifest: Record<string, unknown> | null }[];
    if (!rows.length) return false;
    version.status = to;
    version.publishedAt = rows[0].published_at;
    version.validatedAt = rows[0].validated_at;
    version.manifest = rows[0].manifest;
    // An approved version's scopes count as reviewed for the bumps that follow (version-rules.ts).
    if (to === S.APPROVED && version.manifest) await recordApprovals(tx, version, version.manifest as Manifest);
    if (effects.event) {
      const { type, ...event } = effects.event;
      await this.events.append(tx, type, event as NewEvent<T>);
    }
    return true;
  }
}

function describe(to: VersionStatus): string {
  const words: Partial<Record<VersionStatus, string>> = {
    [S.PUBLISHED]: 'published',
    [S.DEPRECATED]: 'deprecated',
    [S.WITHDRAWN]: 'withdrawn',
    [S.SUSPENDED]: 'suspended',
    [S.VALIDATING]: 'validated',
  };
  return words[to] ?? `moved to ${to}`;
}
