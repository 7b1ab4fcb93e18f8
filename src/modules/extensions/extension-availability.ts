import { registerEnumType } from 'type-graphql';
import type { RequestContext } from '../../context';
import { assertInTransaction } from '../../db/transaction';
import { InvalidStateError } from '../../shared/errors';
import { StateMachine } from '../../shared/state-machine';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventLog } from '../events/event-log';
import { EventTypes, type PartnerEventType } from '../events/event-types';
import type { ExtensionEntity } from './extensions.entities';

/**
 * Whether an extension is on the marketplace (docs/runtime.md, "Availability"). Anything but
 * LISTED hides it from the marketplace and search and refuses new installs
 * (EXTENSION_UNAVAILABLE); existing installations keep working and show the state on
 * `Installation.extensionAvailability`.
 */
export enum ExtensionAvailability {
  LISTED = 'LISTED',
  /** The developer unlisted it (pauseExtension); they can resume it. */
  PAUSED = 'PAUSED',
  /** The platform suspended it: an admin, or automatic suspension; only an admin reinstates it. */
  SUSPENDED = 'SUSPENDED',
  /** Built on an unsupported SDK past its deadline; a version on a supported SDK lists it again. */
  DELISTED = 'DELISTED',
}
registerEnumType(ExtensionAvailability, {
  name: 'ExtensionAvailability',
  description: 'LISTED on the marketplace; PAUSED by its developer; SUSPENDED by the platform; DELISTED for an unsupported SDK (docs/runtime.md)',
});

const A = ExtensionAvailability;

/**
 * The availability lifecycle: every state each state may move to. A platform suspension
 * outranks a developer's pause and a delisting (an admin may suspend either); the developer can
 * leave only their own pause.
 */
export const availabilityStates = new StateMachine<ExtensionAvailability>('extension availability', {
  [A.LISTED]: [A.PAUSED, A.SUSPENDED, A.DELISTED],
  [A.PAUSED]: [A.LISTED, A.SUSPENDED, A.DELISTED],
  [A.SUSPENDED]: [A.LISTED],
  [A.DELISTED]: [A.LISTED, A.SUSPENDED],
});

/** The partner event each move announces (to the extension's owner, and so to webhooks). */
function eventOf(from: ExtensionAvailability, to: ExtensionAvailability): PartnerEventType {
  switch (to) {
    case A.PAUSED:
      return EventTypes.EXTENSION_PAUSED;
    case A.SUSPENDED:
      return EventTypes.EXTENSION_SUSPENDED;
    case A.DELISTED:
      return EventTypes.EXTENSION_DELISTED;
    case A.LISTED:
      return from === A.PAUSED ? EventTypes.EXTENSION_RESUMED : EventTypes.EXTENSION_REINSTATED;
  }
}

export interface AvailabilityChange {
  /** Why (required for platform moves; shown to the owner and admins only). */
  reason: string | null;
  /** True for moves a job made (automatic suspension, SDK delisting, a lifting publish). */
  automatic: boolean;
  /** The audit action recorded with the move. */
  auditAction: string;
  /** Extra payload fields of the event (the version or SDK that caused it). */
  detail?: { versionId?: string | null; sdkVersion?: string | null };
}

/**
 * The one writer of `extensions.availability`: checks the table, writes the state (compare and
 * set, so a concurrent move is never overwritten), records the audit entry and appends the
 * event, all in the caller's transaction.
 */
export class AvailabilityLifecycle {
  constructor(
    private readonly events: EventLog,
    private readonly audit: AuditTrail,
  ) {}

  /** Moves `extension` (as loaded, ideally row-locked) to `to`; INVALID_STATE when the table has no such move. */
  async transition(tx: RequestContext, extension: ExtensionEntity, to: ExtensionAvailability, change: AvailabilityChange): Promise<ExtensionEntity> {
    assertInTransaction(tx, 'An availability change');
    const from = extension.availability;
    if (!availabilityStates.canTransition(from, to)) {
      throw new InvalidStateError(`A ${from} extension cannot become ${to}`, { from, to });
    }
    const result = await tx.manager.query(
      `UPDATE extensions SET availability = $3, availability_reason = $4, availability_changed_at = now()
        WHERE id = $1 AND availability = $2 RETURNING availability_changed_at`,
      [extension.id, from, to, change.reason],
    );
    const rows = (Array.isArray(result[0]) ? result[0] : result) as { availability_changed_at: Date }[];
    if (!rows.length) throw new InvalidStateError('The extension\'s availability changed meanwhile; reload it and try again', { from, to });
    extension.availability = to;
    extension.availabilityReason = change.reason;
    extension.availabilityChangedAt = rows[0].availability_changed_at;
    await this.audit.record(tx, {
      action: change.auditAction,
      targetType: 'Extension',
      targetId: extension.id,
      data: { appId: extension.appId, from, to, reason: change.reason, automatic: change.automatic, ...change.detail },
    });
    await this.events.append(tx, eventOf(from, to), {
      subjectType: 'Extension',
      subjectId: extension.id,
      appId: extension.appId,
      audienceUserId: extension.ownerId,
      data: { from, to, reason: change.reason, automatic: change.automatic, versionId: change.detail?.versionId ?? null, sdkVersion: change.detail?.sdkVersion ?? null },
    });
    return extension;
  }
}
