import type { RequestContext } from '../../context';

/** First key of the per-extension rollout lock ('plri' as an int4); the second is the extension. */
const ROLLOUT_LOCK_SPACE = 0x706c7269;

/**
 * The lock that orders a rollout against the mutations that lock the same installation and
 * offer rows in the other order (docs/security.md, "Concurrency"). A rollout holds it exclusively
 * for its extension while it moves installations and then supersedes offers; `respondToUpgradeOffer`
 * holds it shared before it locks its offer and then the installation. So the two never wait on
 * each other halfway, mutations on one extension never wait on one another, and nothing waits on
 * a rollout of another extension. Transaction-scoped: released at commit or rollback.
 */
export async function lockRolloutOf(tx: RequestContext, extensionId: string, mode: 'rollout' | 'member'): Promise<void> {
  const fn = mode === 'rollout' ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared';
  await tx.manager.query(`SELECT ${fn}(${ROLLOUT_LOCK_SPACE}, hashtext($1))`, [extensionId]);
}
