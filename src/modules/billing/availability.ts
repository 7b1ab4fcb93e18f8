import type { RequestContext } from '../../context';
import { ExtensionAvailability } from '../extensions/extension-availability';
import { LIVE_STATUSES } from '../versions/version.entity';

/**
 * "A pricing change needs the extension paused" (docs/billing.md, "Price changes"): the one place
 * billing asks whether an extension may change its price. An extension with no live version has
 * no customers to protect; a published one must be PAUSED by its developer (pauseExtension:
 * unlisted for new installs, docs/runtime.md). The row is locked FOR SHARE so a resume committing
 * meanwhile waits for the price change (a resume locks the row).
 */
export async function mayChangePricing(ctx: RequestContext, extensionId: string): Promise<boolean> {
  const rows: { live: boolean; availability: ExtensionAvailability }[] = await ctx.manager.query(
    `SELECT EXISTS (SELECT 1 FROM extension_versions v WHERE v.extension_id = e.id AND v.status = ANY($2)) AS live, e.availability
       FROM extensions e WHERE e.id = $1 FOR SHARE OF e`,
    [extensionId, LIVE_STATUSES],
  );
  return !!rows.length && (!rows[0].live || rows[0].availability === ExtensionAvailability.PAUSED);
}
