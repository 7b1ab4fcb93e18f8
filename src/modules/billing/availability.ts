import type { RequestContext } from '../../context';
import { LIVE_STATUSES } from '../versions/version.entity';

/**
 * "A pricing change needs the extension paused" (docs/billing.md, "Price changes"): the one place
 * billing asks whether an extension may change its price. An extension with no live version has
 * no customers to protect; a published one must be unlisted for new installs first.
 */
export async function mayChangePricing(ctx: RequestContext, extensionId: string): Promise<boolean> {
  const rows: { live: boolean; paused: boolean }[] = await ctx.manager.query(
    `SELECT EXISTS (SELECT 1 FROM extension_versions v WHERE v.extension_id = e.id AND v.status = ANY($2)) AS live,
            ${PAUSED_SQL} AS paused
       FROM extensions e WHERE e.id = $1`,
    [extensionId, LIVE_STATUSES],
  );
  return !!rows.length && (!rows[0].live || rows[0].paused);
}

/**
 * Until the extensions module carries an availability state (LISTED, PAUSED, …) no published
 * extension counts as paused.
 */
const PAUSED_SQL = `false`;
