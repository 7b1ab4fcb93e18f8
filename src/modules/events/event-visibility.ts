/**
 * Who may read an event: the one rule behind replay (`events`), every subscription and webhook
 * dispatch (docs/events.md, "Who may see what").
 *
 * - Public events (no audience: releases of public extensions, `version.published`,
 *   `version.deprecated`, `version.sunset`) are visible to every authenticated reader.
 * - A private event is visible to its audience user (the installation owner for installation
 *   and offer events, the invitee for staging invites, the account holder for account events).
 * - Everything about an extension (`app_id`) is visible to that extension's owner, so its
 *   developer also sees its installations' events, review events and submissions.
 * - Admins see everything.
 *
 * The rule is SQL so that it runs where the events are (paging, dispatch joins) and never
 * loads rows a reader may not see. The live feed of a process reads each new event once for all
 * its subscribers and applies the same rule in memory (`isVisibleTo`); a test checks that the
 * two forms agree.
 */
export interface Reader {
  /** SQL expression for the reader's user id (a bind parameter or a column). */
  userId: string;
  /** SQL boolean expression: is the reader an admin? Omit for non-admins. */
  isAdmin?: string;
}

/** SQL condition: the event row aliased `event` is visible to `reader`. */
export function visibleTo(event: string, reader: Reader): string {
  return `(${reader.isAdmin ? `${reader.isAdmin} OR ` : ''}${event}.audience_user_id IS NULL
           OR ${event}.audience_user_id = ${reader.userId}
           OR ${event}.app_id IN (SELECT ext.app_id FROM extensions ext WHERE ext.owner_id = ${reader.userId}))`;
}

/** SQL condition: the event is addressed to the reader personally (account streams, offers). */
export function addressedTo(event: string, reader: Reader): string {
  return `${event}.audience_user_id = ${reader.userId}`;
}

/** `visibleTo` for one event in memory, given the owner of its extension (null: none). */
export function isVisibleTo(event: { audienceUserId: string | null; appOwnerId: string | null }, reader: { userId: string }): boolean {
  return event.audienceUserId === null || event.audienceUserId === reader.userId || (event.appOwnerId !== null && event.appOwnerId === reader.userId);
}

/** `addressedTo` in memory. */
export function isAddressedTo(event: { audienceUserId: string | null }, reader: { userId: string }): boolean {
  return event.audienceUserId === reader.userId;
}
