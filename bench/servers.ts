// Child process for the benchmarks: serves either Plaza (mode "plaza") or a bare node:http + pg
// handler running the same SQL (mode "baseline"), so load generation runs in another process.
import 'reflect-metadata';
import http from 'node:http';
import { Pool } from 'pg';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { semverDescSql } from '../src/modules/versions/semver-order';

const [mode, databaseUrl, overridesJson] = process.argv.slice(2);
/** Config overrides from the parent (bench:upload's S3 run passes the object store's settings). */
const overrides = overridesJson ? (JSON.parse(overridesJson) as Record<string, unknown>) : {};
// Both servers report their CPU time on request, so a run can compare CPU per request too.
process.on('message', (m: { type?: string }) => {
  if (m?.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send!({ type: 'cpu', micros: user + system });
  }
});
// Exit cleanly on SIGTERM so --cpu-prof (BENCH_PROFILE=1) can write its profile.
process.on('SIGTERM', () => process.exit(0));

async function plaza(): Promise<void> {
  const config = loadConfig({}, {
    nodeEnv: 'test',
    logLevel: 'silent',
    dataDir: '/tmp/plaza-bench-data',
    jwtSecret: 'bench-secret-bench-secret-bench-secret-000',
    encryptionKey: '1'.repeat(64),
    maxUploadBytes: 64 * 1024 * 1024,
    ...overrides,
  });
  const app = await createApp({ config, databaseUrl });
  const url = await app.listen(0, '127.0.0.1');
  process.send!({ url });
  // The upload benchmark samples this process's memory.
  process.on('message', (m: { type?: string }) => {
    if (m?.type === 'memory') process.send!({ type: 'memory', rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 });
  });
}

/** The same read the events query makes, answered by hand: the ceiling for a GraphQL layer. */
async function baseline(): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const server = http.createServer(async (req, res) => {
    if (req.url?.startsWith('/market')) return marketplacePage(pool, res);
    const { rows } = await pool.query(
      `SELECT * FROM platform_events WHERE id > 0 ORDER BY id LIMIT 51`,
    );
    const [{ total }] = (await pool.query(`SELECT count(*)::int AS total FROM platform_events`)).rows;
    const edges = rows.slice(0, 50).map(r => ({
      cursor: Buffer.from(`ev:${r.id}`).toString('base64url'),
      node: { id: String(r.id), type: r.type, subjectId: r.subject_id, occurredAt: r.occurred_at, data: r.data },
    }));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { events: { totalCount: total, pageInfo: { hasNextPage: rows.length > 50 }, edges } } }));
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    process.send!({ url: `http://127.0.0.1:${port}` });
  });
}

/**
 * The marketplace page Plaza serves (50 listings with listing, latest version and tools),
 * answered with the same SQL statements by hand.
 */
async function marketplacePage(pool: Pool, res: http.ServerResponse): Promise<void> {
  const { rows: page } = await pool.query(
    `SELECT e.*, page.total FROM (
       SELECT p.page_id, p.total, row_number() OVER () AS pos FROM (
         SELECT e.id AS page_id, count(*) OVER () AS total FROM extensions e JOIN listings l ON l.extension_id = e.id
          WHERE e.system = false AND l.published_at IS NOT NULL AND e.availability = 'LISTED' ORDER BY l.published_at DESC, e.id OFFSET 0 LIMIT 51
       ) p
     ) page JOIN extensions e ON e.id = page.page_id ORDER BY page.pos`,
  );
  const ids = page.slice(0, 50).map(r => r.id);
  // The statements Plaza's loaders send (listings.loaders / extensions.loaders), verbatim.
  const [{ rows: listings }, { rows: versions }] = await Promise.all([
    pool.query(
      `SELECT extension_id, title, short_description, full_description, categories, screenshots, supported_languages,
              privacy_policy_url, support_contact, published_at, updated_at
         FROM listings WHERE extension_id = ANY($1)`,
      [ids],
    ),
    pool.query(
      `SELECT v.* FROM unnest($1::uuid[]) AS k(extension_id)
         CROSS JOIN LATERAL (SELECT * FROM extension_versions v
                              WHERE v.extension_id = k.extension_id AND v.status IN ('PUBLISHED', 'DEPRECATED')
                              ORDER BY ${semverDescSql('v.version')} LIMIT 1) v`,
      [ids],
    ),
  ]);
  const listingOf = new Map(listings.map(l => [l.extension_id, l]));
  const versionOf = new Map(versions.map(v => [v.extension_id, v]));
  const edges = page.slice(0, 50).map((e, i) => {
    const l = listingOf.get(e.id);
    const v = versionOf.get(e.id);
    return {
      cursor: Buffer.from(`mp:${i}`).toString('base64url'),
      node: {
        appId: e.app_id,
        displayName: e.display_name,
        listing: { title: l.title, shortDescription: l.short_description },
        latestVersion: { version: v.version },
        tools: (v.manifest?.tools ?? []).map((t: { name: string; description: string }) => ({ name: t.name, description: t.description })),
      },
    };
  });
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ data: { marketplace: { totalCount: Number(page[0]?.total ?? 0), edges } } }));
}

(mode === 'plaza' ? plaza() : baseline()).catch(error => {
  console.error(error);
  process.exit(1);
});
