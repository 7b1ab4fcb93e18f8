import type { Client } from 'pg';

/** Fifty published listings sharing one package, written in SQL (the flow itself is tested elsewhere). */
export async function seedMarketplace(c: Client): Promise<void> {
  const [{ id: ownerId }] = (await c.query(`SELECT id FROM users LIMIT 1`)).rows;
  const manifest = {
    app_id: 'bench',
    version: '1.0.0',
    tools: Array.from({ length: 8 }, (_, i) => ({ name: `tool_${i}`, description: `Tool ${i} does one useful thing for the user.`, action_type: 'read' })),
  };
  await c.query(`INSERT INTO package_blobs (sha256, size_bytes) VALUES ($1, 1) ON CONFLICT DO NOTHING`, ['0'.repeat(64)]);
  await c.query(
    `WITH ext AS (
       INSERT INTO extensions (app_id, display_name, category, owner_id)
       SELECT 'bench-' || g, 'Bench App ' || g, 'productivity', $1 FROM generate_series(1, 60) g RETURNING id, app_id
     ), lst AS (
       INSERT INTO listings (extension_id, title, short_description, full_description, categories, support_contact, published_at)
       SELECT id, 'Bench listing ' || app_id, 'A short description of the bench listing.', 'Full text ' || app_id, '{productivity}', 'a@b.c', now() FROM ext
     )
     INSERT INTO extension_versions (extension_id, version, status, source, package_sha256, manifest, submitted_by_id)
     SELECT id, '1.0.0', 'PUBLISHED', 'UPLOAD', $2, $3, $1 FROM ext`,
    [ownerId, '0'.repeat(64), JSON.stringify(manifest)],
  );
}
