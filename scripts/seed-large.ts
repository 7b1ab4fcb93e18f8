// `npm run seed:large -- [--scale 0.01] [--seed 1] [--force]`: a large, realistic and
// reproducible catalogue for the benchmarks (docs/benchmarks.md, "Catalogue of millions") in the
// database named by DATABASE_URL. At scale 1: 10,000 extensions with listings and search
// documents, 100,000 versions, 1,000,000 users, 5,000,000 installations, 20,000,000 events.
//
// Every value is a function of (seed, row number) through PostgreSQL's seeded hash
// (`hashint8extended`), a counter-based PRNG: the same seed and scale give the same rows, in any
// order of evaluation. Loading is set-based (INSERT … SELECT generate_series), with secondary
// indexes and foreign keys dropped first and rebuilt (and the keys validated) after the load.
import 'reflect-metadata';
import { Client } from 'pg';
import { createDataSource } from '../src/db/data-source';

export interface SeedOptions {
  scale: number;
  seed: number;
  /** Replace the data of a database that already has users or extensions. */
  force: boolean;
  log?: (line: string) => void;
}

/** Row counts at scale 1 (the brief's "catalogue of millions"). */
export const FULL_SCALE = { extensions: 10_000, versions: 100_000, users: 1_000_000, installations: 5_000_000, events: 20_000_000 };

/** The tables the generator fills (and empties with --force). */
export const SEEDED_TABLES = [
  'users',
  'developer_profiles',
  'extensions',
  'listings',
  'package_blobs',
  'extension_versions',
  'deprecations',
  'review_cases',
  'installations',
  'platform_events',
] as const;

export function seedCounts(scale: number) {
  const n = (full: number, min: number) => Math.max(min, Math.round(full * scale));
  const extensions = n(FULL_SCALE.extensions, 20);
  return {
    extensions,
    versions: Math.max(extensions * 2, n(FULL_SCALE.versions, 0)),
    users: n(FULL_SCALE.users, 100),
    installations: n(FULL_SCALE.installations, 200),
    events: n(FULL_SCALE.events, 1_000),
    developers: Math.max(5, Math.ceil(extensions / 3)),
    reviewers: Math.max(3, Math.round(FULL_SCALE.users * scale / 20_000)),
  };
}

// A fixed argon2id hash of a throwaway password (the seeded users never log in in the
// benchmarks, which sign session tokens; a fixed salt keeps the rows reproducible).
const PASSWORD_HASH = '$argon2id$v=19$m=65536,p=4,t=3$cGxhemFzZWVkc2FsdDAwMA$NtbxILCpFTBdnuqemAEbOMOzNp5dgXoY0Y8CzdU2u40';

const FIRST = ['Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', 'Edsger', 'Radia', 'Tim', 'Hedy', 'John', 'Katherine', 'Donald', 'Sophie', 'Yukihiro', 'Guido', 'Anders'];
const LAST = ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Allen', 'Dijkstra', 'Perlman', 'Berners-Lee', 'Lamarr', 'McCarthy', 'Johnson', 'Knuth', 'Wilson', 'Matsumoto', 'van Rossum', 'Hejlsberg'];
const ADJ = ['smart', 'quick', 'bright', 'swift', 'clear', 'handy', 'simple', 'secure', 'auto', 'daily', 'team', 'cloud', 'pocket', 'super', 'open', 'easy', 'deep', 'live', 'instant', 'tidy', 'bold', 'calm', 'magic', 'prime'];
const NOUN = ['invoice', 'calendar', 'mail', 'notes', 'tasks', 'crm', 'seo', 'chart', 'report', 'ledger', 'inbox', 'tracker', 'planner', 'backup', 'vault', 'scanner', 'translator', 'summary', 'forms', 'survey', 'budget', 'payroll', 'tickets', 'docs', 'wiki', 'chat', 'meeting', 'leads', 'pipeline', 'campaign', 'social', 'photo', 'video', 'podcast', 'quiz', 'course', 'sheets', 'metrics', 'alerts', 'deploy'];
const VERB = ['create', 'list', 'update', 'delete', 'search', 'export', 'import', 'sync', 'send', 'summarize', 'schedule', 'archive', 'tag', 'share', 'analyze'];
const PHRASE = [
  'keeps your team in sync without extra meetings',
  'turns scattered spreadsheets into one clear dashboard',
  'answers customer questions with the help of your knowledge base',
  'sends reminders before deadlines slip',
  'drafts replies and summaries from long threads',
  'tracks every invoice from draft to payment',
  'finds duplicate contacts and merges them safely',
  'publishes posts on a schedule across your social accounts',
  'reports search rankings and broken links every week',
  'backs up documents and restores them in one step',
  'translates messages between forty languages',
  'builds forms and surveys and collects the answers',
  'plans sprints and shows who is blocked',
  'watches budgets and alerts you when spending drifts',
  'books meetings across time zones without email ping-pong',
  'scans receipts and files them with the right expense',
];
const SCOPES = ['store:read', 'store:write', 'storage:read', 'storage:write', 'config:read', 'notify:push', 'notifications:read', 'ai:complete', 'http:request', 'users:read', 'email:read', 'email:send', 'calendar:read', 'calendar:write'];
const CATEGORIES = ['productivity', 'communication', 'analytics', 'marketing', 'seo', 'content', 'social-media', 'developer-tools', 'project-management', 'finance', 'sales-crm', 'ai', 'storage', 'security', 'media', 'education', 'other'];

const sqlArray = (xs: string[]) => `ARRAY[${xs.map(x => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`;

/** The SQL building blocks, bound to one seed. */
function sqlKit(seed: number) {
  /** A uniform double in [0, 1) for (row, salt): the same every time for the same seed. */
  const r = (row: string, salt: number) => `((hashint8extended((${row})::bigint, ${seed * 1000 + salt}) & 2147483647)::float8 / 2147483648.0)`;
  /** An integer in [0, n). */
  const ri = (row: string, salt: number, n: string | number) => `floor(${r(row, salt)} * (${n}))::int`;
  /** An element of a literal list (1-based arrays). */
  const pick = (list: string[], row: string, salt: number) => `(${sqlArray(list)})[1 + ${ri(row, salt, list.length)}]`;
  /** A deterministic uuid for row `n` of kind `kind` (a 3-hex-digit tag), distinct per seed. */
  const uid = (kind: string, n: string) => `('${seed.toString(16).padStart(8, '0').slice(-8)}-0000-4000-8${kind}-' || lpad(to_hex((${n})::bigint), 12, '0'))::uuid`;
  return { r, ri, pick, uid };
}

export async function seedLarge(databaseUrl: string, options: SeedOptions): Promise<{ counts: Record<string, number>; seconds: Record<string, number> }> {
  const log = options.log ?? (line => console.log(line));
  const counts = seedCounts(options.scale);
  const { r, ri, pick, uid } = sqlKit(options.seed);
  const seconds: Record<string, number> = {};

  // 1. Schema first, so the data matches the real tables.
  const migrate = createDataSource(databaseUrl, { poolSize: 1 });
  await migrate.initialize();
  await migrate.runMigrations();
  await migrate.destroy();

  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const step = async (name: string, ...sql: string[]) => {
    const started = Date.now();
    let rows = 0;
    for (const s of sql) rows += (await db.query(s)).rowCount ?? 0;
    seconds[name] = (Date.now() - started) / 1000;
    log(`  ${name.padEnd(44)} ${String(rows).padStart(11)} rows ${seconds[name].toFixed(1).padStart(8)} s`);
  };
  try {
    const [{ taken }] = (await db.query(`SELECT (EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM extensions)) AS taken`)).rows;
    if (taken && !options.force) {
      throw new Error('This database already has users or extensions; refusing to seed over them (pass --force to replace them)');
    }
    // Serial plans (LIMIT over generated rows must see them in one order), big sort memory for
    // the index builds, and no wait for the WAL flush on each step's commit.
    await db.query(`SET max_parallel_workers_per_gather = 0`);
    await db.query(`SET work_mem = '256MB'`);
    await db.query(`SET maintenance_work_mem = '1GB'`);
    await db.query(`SET synchronous_commit = off`);
    await db.query(`SET statement_timeout = 0`);
    log(`seed ${options.seed}, scale ${options.scale}: ${JSON.stringify(counts)}`);

    if (taken) await step('truncate (--force)', `TRUNCATE ${SEEDED_TABLES.join(', ')} CASCADE`);

    // 2. Secondary indexes and foreign keys of the loaded tables go; primary keys stay (every
    //    generated key ascends, so they are appended in order). Their definitions are kept in a
    //    table of this database first, so an interrupted run's successor still rebuilds them.
    const tables = sqlArray([...SEEDED_TABLES]);
    await db.query(`CREATE TABLE IF NOT EXISTS seed_large_pending_ddl (name text PRIMARY KEY, kind text NOT NULL, tbl text NOT NULL, def text NOT NULL)`);
    await db.query(
      `INSERT INTO seed_large_pending_ddl (name, kind, tbl, def)
       SELECT c.conname, 'fk', c.conrelid::regclass::text, pg_get_constraintdef(c.oid)
         FROM pg_constraint c
        WHERE c.contype = 'f' AND (c.conrelid::regclass::text = ANY(${tables}) OR c.confrelid::regclass::text = ANY(${tables}))
       UNION ALL
       SELECT i.indexname, 'index', i.tablename, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = ANY(${tables})
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
       ON CONFLICT (name) DO NOTHING`,
    );
    const pending: { name: string; kind: string; tbl: string; def: string }[] = (await db.query(`SELECT * FROM seed_large_pending_ddl ORDER BY kind, name`)).rows;
    const fks = pending.filter(p => p.kind === 'fk');
    const indexes = pending.filter(p => p.kind === 'index');
    await step(
      `drop ${fks.length} foreign keys, ${indexes.length} indexes`,
      ...fks.map(fk => `ALTER TABLE ${fk.tbl} DROP CONSTRAINT IF EXISTS "${fk.name}"`),
      ...indexes.map(ix => `DROP INDEX IF EXISTS "${ix.name}"`),
    );

    const { users, developers, reviewers, extensions, versions, installations, events } = counts;
    const T0 = `timestamptz '2024-01-01T00:00:00Z'`;
    const SPAN_DAYS = 700; // the catalogue's history: 2024-01-01 to about 2025-12
    const at = (fraction: string) => `${T0} + make_interval(secs => (${fraction}) * ${SPAN_DAYS} * 86400)`;

    // 3. Users: developers first, then reviewers and one admin, then everyone else.
    await step(
      'users',
      `INSERT INTO users (id, email, display_name, password_hash, roles, created_at, updated_at)
       SELECT ${uid('001', 'i')}, 'user' || i || '@seed${options.seed}.plaza.test',
              ${pick(FIRST, 'i', 1)} || ' ' || ${pick(LAST, 'i', 2)},
              '${PASSWORD_HASH}',
              CASE WHEN i <= ${developers} THEN '{DEVELOPER}'::text[]
                   WHEN i <= ${developers + reviewers} THEN '{REVIEWER}'::text[]
                   WHEN i = ${developers + reviewers + 1} THEN '{ADMIN}'::text[]
                   ELSE '{}'::text[] END,
              ${at(`i::float8 / ${users} * 0.9`)}, ${at(`i::float8 / ${users} * 0.9`)}
         FROM generate_series(1, ${users}) i`,
    );
    await step(
      'developer_profiles',
      `INSERT INTO developer_profiles (id, user_id, author_id, organization_name, contact_email, terms_accepted_at, created_at, contact_public, verified)
       SELECT ${uid('002', 'i')}, ${uid('001', 'i')}, 'author-' || i, ${pick(LAST, 'i', 2)} || ' Labs ' || i,
              'dev' || i || '@seed${options.seed}.plaza.test', ${at(`i::float8 / ${users} * 0.9`)}, ${at(`i::float8 / ${users} * 0.9`)},
              ${r('i', 3)} < 0.5, ${r('i', 4)} < 0.3
         FROM generate_series(1, ${developers}) i`,
    );

    // 4. Extensions and their version plan (a work table): every extension has one version,
    //    the rest go to popular extensions more often (squared uniform).
    await step(
      'extensions',
      `INSERT INTO extensions (id, app_id, display_name, category, owner_id, system, created_at, format)
       SELECT ${uid('010', 'k')}, ${pick(ADJ, 'k', 11)} || '-' || ${pick(NOUN, 'k', 12)} || '-' || k,
              initcap(${pick(ADJ, 'k', 11)}) || ' ' || initcap(${pick(NOUN, 'k', 12)}) || ' ' || k,
              (${sqlArray(CATEGORIES)})[1 + floor(power(${r('k', 13)}, 1.6) * ${CATEGORIES.length})::int],
              ${uid('001', `1 + ${ri('k', 14, developers)}`)}, false,
              ${at(`k::float8 / ${extensions} * 0.8`)}, 'IMPERAL'
         FROM generate_series(1, ${extensions}) k`,
    );
    await db.query(`DROP TABLE IF EXISTS seed_versions`);
    await step(
      'version plan (work table)',
      `CREATE UNLOGGED TABLE seed_versions AS
       WITH assigned AS (
         SELECT j, CASE WHEN j <= ${extensions} THEN j ELSE 1 + floor(power(${r('j', 20)}, 2) * ${extensions})::int END AS k
           FROM generate_series(1, ${versions}) j
       ), numbered AS (
         SELECT j, k, row_number() OVER (PARTITION BY k ORDER BY j)::int AS ord, count(*) OVER (PARTITION BY k)::int AS cnt FROM assigned
       )
       SELECT j, k, ord, cnt,
              -- 93% of extensions are on the marketplace; the rest never got a version published.
              ${r('k', 21)} < 0.93 AS listed,
              1 + (ord - 1) / 6 AS major,
              ${r('j', 22)} AS u1, ${r('j', 23)} AS u2
         FROM numbered`,
    );
    await db.query(`ALTER TABLE seed_versions ADD COLUMN status version_status, ADD COLUMN version text, ADD COLUMN scopes text[], ADD COLUMN tools int`);
    await step(
      'version statuses (work table)',
      `UPDATE seed_versions SET
         version = major || '.' || ((ord - 1) % 6) || '.' || floor(u2 * 3)::int,
         tools = 2 + floor(u2 * 6)::int,
         -- An extension's scopes grow with its major version (upgrade recommendations find new ones).
         scopes = ARRAY(SELECT DISTINCT s FROM unnest(ARRAY[
                    (${sqlArray(SCOPES)})[1 + ${ri('k', 24, SCOPES.length)}],
                    (${sqlArray(SCOPES)})[1 + ${ri('k', 25, SCOPES.length)}],
                    CASE WHEN major >= 2 THEN (${sqlArray(SCOPES)})[1 + ${ri('k * 100 + major', 26, SCOPES.length)}] END]) s WHERE s IS NOT NULL ORDER BY s),
         status = CASE
           WHEN NOT listed THEN (CASE WHEN ord = cnt AND u1 < 0.5 THEN 'PENDING_REVIEW' WHEN ord = cnt AND u1 < 0.6 THEN 'IN_REVIEW'
                                      WHEN u1 < 0.8 THEN 'VALIDATION_FAILED' ELSE 'REJECTED' END)::version_status
           WHEN ord = cnt AND cnt > 1 AND u1 < 0.04 THEN 'PENDING_REVIEW'::version_status
           WHEN ord = cnt AND cnt > 1 AND u1 < 0.06 THEN 'IN_REVIEW'::version_status
           WHEN ord >= cnt - 1 THEN 'PUBLISHED'::version_status
           WHEN u1 < 0.15 THEN 'DEPRECATED'::version_status
           WHEN u1 < 0.19 THEN 'REJECTED'::version_status
           ELSE 'PUBLISHED'::version_status END`,
    );

    await step(
      'package_blobs',
      `INSERT INTO package_blobs (sha256, size_bytes, created_at)
       SELECT encode(sha256(('plaza-seed-${options.seed}-package-' || j)::bytea), 'hex'), 20000 + ${ri('j', 30, 2_000_000)}, ${at(`j::float8 / ${versions} * 0.95`)}
         FROM seed_versions ORDER BY j`,
    );
    const toolName = `${pick(VERB, 'j * 16 + t', 31)} || '_' || ${pick(NOUN, 'j * 16 + t', 32)}`;
    await step(
      'extension_versions (with manifests)',
      `INSERT INTO extension_versions (id, extension_id, version, status, source, package_sha256, manifest, report, submitted_by_id,
                                       submitted_at, validated_at, declared_bump, required_bump, review_triggers, published_at)
       SELECT ${uid('020', 'v.j')}, ${uid('010', 'v.k')}, v.version, v.status, 'UPLOAD',
              encode(sha256(('plaza-seed-${options.seed}-package-' || v.j)::bytea), 'hex'),
              jsonb_build_object(
                'manifest_version', 2, 'app_id', e.app_id, 'version', v.version, 'name', e.display_name,
                'description', initcap(${pick(NOUN, 'v.k', 12)}) || ' that ' || ${pick(PHRASE, 'v.k', 33)},
                'capabilities', to_jsonb(v.scopes),
                'tools', (SELECT jsonb_agg(jsonb_build_object(
                            'name', ${toolName},
                            'description', initcap(${pick(VERB, 'j * 16 + t', 31)}) || ' ' || ${pick(NOUN, 'j * 16 + t', 32)} || ' items: ' || ${pick(PHRASE, 'j * 16 + t', 34)},
                            'action_type', (ARRAY['read','read','write','destructive'])[1 + ${ri('j * 16 + t', 35, 4)}],
                            'scopes', to_jsonb(v.scopes[1:1])) ORDER BY t)
                          FROM generate_series(1, v.tools) t)),
              CASE WHEN v.status = 'VALIDATION_FAILED' THEN '{"errorCount": 1, "warningCount": 0}'::jsonb ELSE '{"errorCount": 0, "warningCount": 1}'::jsonb END,
              e.owner_id, s.at,
              s.at + interval '2 minutes',
              CASE WHEN v.ord = 1 THEN NULL WHEN (v.ord - 1) % 6 = 0 THEN 'major' ELSE 'minor' END,
              CASE WHEN v.ord = 1 THEN NULL WHEN (v.ord - 1) % 6 = 0 THEN 'major' ELSE 'minor' END,
              '[]'::jsonb,
              CASE WHEN v.status IN ('PUBLISHED', 'DEPRECATED') THEN s.at + interval '3 days' END
         FROM seed_versions v
         JOIN extensions e ON e.id = ${uid('010', 'v.k')}
         CROSS JOIN LATERAL (SELECT e.created_at + make_interval(secs => (v.ord::float8 / (v.cnt + 1)) * extract(epoch FROM ${T0} + interval '${SPAN_DAYS} days' - e.created_at)) AS at) s
        ORDER BY v.j`,
    );
    await step(
      'deprecations',
      `INSERT INTO deprecations (version_id, reason, sunset_at, sunset_announced_at, deprecated_by_id, created_at)
       SELECT ${uid('020', 'v.j')}, 'Superseded by a newer release with security fixes',
              CASE WHEN v.u2 < 0.5 THEN ${T0} + interval '${SPAN_DAYS + 60} days' END, NULL, ${uid('001', `1 + ${ri('v.k', 14, developers)}`)},
              ${T0} + interval '${SPAN_DAYS - 30} days'
         FROM seed_versions v WHERE v.status = 'DEPRECATED' ORDER BY v.j`,
    );
    // Review cases: the open queue (pending and claimed versions) and decided cases for about a
    // third of the published versions.
    await step(
      'review_cases',
      `INSERT INTO review_cases (id, version_id, extension_id, state, triggers, assignee_id, due_at, decision, decision_reason, decided_at, created_at)
       SELECT ${uid('030', 'v.j')}, ${uid('020', 'v.j')}, ${uid('010', 'v.k')},
              (CASE v.status WHEN 'PENDING_REVIEW' THEN 'OPEN' WHEN 'IN_REVIEW' THEN 'IN_REVIEW' WHEN 'REJECTED' THEN 'REJECTED' ELSE 'APPROVED' END)::review_state,
              '[{"kind": "NEW_SCOPE"}]'::jsonb,
              CASE WHEN v.status <> 'PENDING_REVIEW' THEN ${uid('001', `${developers} + 1 + ${ri('v.j', 40, reviewers)}`)} END,
              ev.submitted_at + interval '5 days' + make_interval(secs => ${ri('v.j', 41, 86400)}),
              (CASE v.status WHEN 'REJECTED' THEN 'REJECT' WHEN 'PUBLISHED' THEN 'APPROVE' WHEN 'DEPRECATED' THEN 'APPROVE' END)::review_decision,
              CASE WHEN v.status IN ('REJECTED', 'PUBLISHED', 'DEPRECATED') THEN 'Checked the scopes and the tools against the listing' END,
              CASE WHEN v.status IN ('REJECTED', 'PUBLISHED', 'DEPRECATED') THEN ev.submitted_at + interval '2 days' END,
              ev.submitted_at + interval '3 minutes'
         FROM seed_versions v JOIN extension_versions ev ON ev.id = ${uid('020', 'v.j')}
        WHERE v.status IN ('PENDING_REVIEW', 'IN_REVIEW', 'REJECTED') OR (v.status IN ('PUBLISHED', 'DEPRECATED') AND v.u1 < 0.35)
        ORDER BY v.j`,
    );

    // 5. Listings with their full-text documents (the expression ListingsService.refreshSearch
    //    writes: title, name and app id; short text; long text; the tools of the newest live version).
    await step(
      'listings',
      `INSERT INTO listings (extension_id, title, short_description, full_description, categories, screenshots, supported_languages,
                             privacy_policy_url, support_contact, published_at, updated_at, support_response_hours)
       SELECT e.id, e.display_name,
              initcap(${pick(NOUN, 'k', 12)}) || ' that ' || ${pick(PHRASE, 'k', 33)},
              e.display_name || ' ' || ${pick(PHRASE, 'k', 33)} || '. It also ' || ${pick(PHRASE, 'k', 36)} || ', and ' || ${pick(PHRASE, 'k', 37)}
                || '. Built for ' || e.category || ' teams who ' || ${pick(PHRASE, 'k', 38)} || '.',
              CASE WHEN ${r('k', 39)} < 0.3 THEN ARRAY[e.category, (${sqlArray(CATEGORIES)})[1 + ${ri('k', 42, CATEGORIES.length)}]] ELSE ARRAY[e.category] END,
              '{}', '{en}', 'https://example.com/privacy/' || e.app_id, 'support@' || e.app_id || '.example.com',
              p.first_published_at, e.created_at, CASE WHEN ${r('k', 43)} < 0.5 THEN 24 END
         FROM generate_series(1, ${extensions}) k JOIN extensions e ON e.id = ${uid('010', 'k')}
         LEFT JOIN (SELECT extension_id, min(published_at) AS first_published_at FROM extension_versions
                     WHERE status IN ('PUBLISHED', 'DEPRECATED') GROUP BY extension_id) p ON p.extension_id = e.id
        ORDER BY k`,
    );
    // One listing per ten lists a second category equal to its first: make them distinct.
    await db.query(`UPDATE listings SET categories = ARRAY[categories[1]] WHERE cardinality(categories) = 2 AND categories[1] = categories[2]`);
    await step(
      'listing search documents',
      `UPDATE listings l SET search_document =
         setweight(to_tsvector('english', coalesce(l.title, '') || ' ' || e.display_name || ' ' || e.app_id), 'A') ||
         setweight(to_tsvector('english', coalesce(l.short_description, '')), 'B') ||
         setweight(to_tsvector('english', coalesce(l.full_description, '')), 'C') ||
         setweight(to_tsvector('english', coalesce(t.text, '')), 'D')
       FROM extensions e
       LEFT JOIN (
         SELECT DISTINCT ON (v.extension_id) v.extension_id,
                (SELECT string_agg(replace(tool->>'name', '_', ' ') || ' ' || coalesce(tool->>'description', ''), ' ') FROM jsonb_array_elements(v.manifest->'tools') tool) AS text
           FROM extension_versions v WHERE v.status IN ('PUBLISHED', 'DEPRECATED')
          ORDER BY v.extension_id, string_to_array(v.version, '.')::int[] DESC) t ON t.extension_id = e.id
       WHERE e.id = l.extension_id`,
    );

    // 6. Installations: each user picks extensions with a heavy popularity skew (squared
    //    uniform over the listed ones), about five on average (exponential), duplicates dropped;
    //    three in four run the newest live version, the rest an older one (some deprecated).
    await db.query(`DROP TABLE IF EXISTS seed_listed`);
    await step(
      'installable versions (work table)',
      `CREATE UNLOGGED TABLE seed_listed AS
       SELECT row_number() OVER (ORDER BY k)::int AS rank, k,
              array_agg(${uid('020', 'j')} ORDER BY ord DESC) AS vids,
              array_agg(array_to_string(scopes, ',') ORDER BY ord DESC) AS vscopes
         FROM seed_versions WHERE listed AND status IN ('PUBLISHED', 'DEPRECATED') GROUP BY k`,
    );
    const [{ listed }] = (await db.query(`SELECT count(*)::int AS listed FROM seed_listed`)).rows;
    await db.query(`CREATE UNIQUE INDEX ON seed_listed (rank)`);
    const perUser = installations / users;
    await step(
      'installations',
      `INSERT INTO installations (id, extension_id, version_id, owner_user_id, organization_id, granted_scopes, source, placement, status,
                                  installed_by_id, installed_at, uninstalled_at)
       WITH picks AS (
         SELECT u, min(m) AS m, rank FROM (
           SELECT u, m, 1 + floor(power(${r('u * 64 + m', 50)}, 2) * ${listed})::int AS rank
             FROM generate_series(1, ${users}) u
             CROSS JOIN LATERAL generate_series(0, least(63, floor(-ln(1 - ${r('u', 51)}) * ${(perUser * 1.12).toFixed(4)})::int)) m
         ) p GROUP BY u, rank
       ), chosen AS (
         SELECT u, m, rank FROM picks ORDER BY u, m LIMIT ${installations}
       )
       SELECT ${uid('040', 'c.u * 64 + c.m')}, ${uid('010', 's.k')},
              s.vids[CASE WHEN ${r('c.u * 64 + c.m', 52)} < 0.75 THEN 1 ELSE 1 + ${ri('c.u * 64 + c.m', 53, 'cardinality(s.vids)')} END],
              ${uid('001', 'c.u')}, NULL,
              string_to_array(s.vscopes[CASE WHEN ${r('c.u * 64 + c.m', 52)} < 0.75 THEN 1 ELSE 1 + ${ri('c.u * 64 + c.m', 53, 'cardinality(s.vids)')} END], ','),
              'USER', 'MIDDLE_LIST',
              (CASE WHEN ${r('c.u * 64 + c.m', 54)} < 0.08 THEN 'UNINSTALLED' ELSE 'ACTIVE' END)::install_status,
              ${uid('001', 'c.u')},
              ${at(`0.9 + ${r('c.u * 64 + c.m', 55)} * 0.09`)},
              CASE WHEN ${r('c.u * 64 + c.m', 54)} < 0.08 THEN ${T0} + interval '${SPAN_DAYS - 1} days' END
         FROM chosen c JOIN seed_listed s ON s.rank = c.rank
        ORDER BY c.u, c.m`,
    );

    // 7. Events: the log's history in id (= time) order. A mix like production's: installs and
    //    rollouts (upgrades) dominate; a small share is public (releases, deprecations).
    const ev = 'i';
    const evUser = uid('001', `1 + ${ri(ev, 60, users)}`);
    const evExt = `(1 + floor(power(${r(ev, 61)}, 3) * ${extensions})::int)`;
    const evOwner = 'e.owner_id';
    await step(
      'platform_events',
      `INSERT INTO platform_events (id, type, app_id, version, subject_type, subject_id, audience_user_id, actor_id, data, occurred_at, payload_version)
       SELECT i, t.type, CASE WHEN t.type = 'account.user_created' THEN NULL ELSE e.app_id END,
              CASE WHEN t.type = 'account.user_created' THEN NULL ELSE '1.' || ${ri(ev, 62, 6)} || '.0' END,
              t.subject_type, CASE t.subject_type WHEN 'Installation' THEN ${uid('040', ev)}::text WHEN 'User' THEN ${evUser}::text ELSE ${uid('020', ev)}::text END,
              t.audience, CASE WHEN t.audience IS NULL THEN e.owner_id ELSE t.audience END,
              t.data, ${at(`i::float8 / ${events}`)}, 1
         FROM generate_series(1, ${events}) i
         JOIN extensions e ON e.id = ${uid('010', evExt)}
         CROSS JOIN LATERAL (SELECT ${r(ev, 63)} AS b) b
         CROSS JOIN LATERAL (SELECT
           CASE WHEN b.b < 0.25 THEN 'installation.created' WHEN b.b < 0.70 THEN 'installation.upgraded' WHEN b.b < 0.75 THEN 'installation.uninstalled'
                WHEN b.b < 0.80 THEN 'account.user_created' WHEN b.b < 0.84 THEN 'upgrade_offer.created' WHEN b.b < 0.86 THEN 'upgrade_offer.answered'
                WHEN b.b < 0.89 THEN 'listing.updated' WHEN b.b < 0.915 THEN 'version.submitted' WHEN b.b < 0.94 THEN 'version.validated'
                WHEN b.b < 0.955 THEN 'review.requested' WHEN b.b < 0.97 THEN 'review.decided' WHEN b.b < 0.99 THEN 'version.published'
                WHEN b.b < 0.995 THEN 'version.deprecated' ELSE 'rating.submitted' END AS type,
           CASE WHEN b.b < 0.80 THEN (CASE WHEN b.b >= 0.75 THEN 'User' ELSE 'Installation' END)
                WHEN b.b < 0.86 THEN 'Installation' WHEN b.b < 0.89 THEN 'Extension' WHEN b.b < 0.97 THEN 'ExtensionVersion'
                WHEN b.b < 0.995 THEN 'ExtensionVersion' ELSE 'Rating' END AS subject_type,
           CASE WHEN b.b < 0.86 THEN ${evUser} WHEN b.b < 0.97 THEN ${evOwner} WHEN b.b < 0.995 THEN NULL ELSE ${evOwner} END AS audience,
           CASE WHEN b.b < 0.25 THEN jsonb_build_object('ownerUserId', ${evUser}, 'organizationId', NULL, 'source', 'USER', 'grantedScopes', '["store:read"]'::jsonb,
                                                          'lifecycle', '{"hook": "on_install", "declared": false, "signature": null}'::jsonb)
                WHEN b.b < 0.70 THEN '{"fromVersion": "1.0.0", "toVersion": "1.1.0", "automatic": true, "lifecycle": {"hook": "on_upgrade", "from_version": "1.0.0", "hooks": []}}'::jsonb
                WHEN b.b < 0.75 THEN jsonb_build_object('ownerUserId', ${evUser}, 'organizationId', NULL, 'lifecycle', '{"hook": "on_uninstall", "declared": false, "signature": null}'::jsonb)
                WHEN b.b < 0.80 THEN jsonb_build_object('displayName', ${pick(FIRST, ev, 64)})
                WHEN b.b < 0.84 THEN jsonb_build_object('installationId', ${uid('040', ev)}, 'newScopes', '["email:send"]'::jsonb)
                WHEN b.b < 0.86 THEN jsonb_build_object('installationId', ${uid('040', ev)}, 'accepted', true, 'grantedScopes', '["email:send"]'::jsonb)
                WHEN b.b < 0.97 THEN '{}'::jsonb
                WHEN b.b < 0.99 THEN jsonb_build_object('extensionId', e.id, 'displayName', e.display_name, 'system', false, 'bump', 'minor', 'publishedAt', NULL)
                WHEN b.b < 0.995 THEN '{"reason": "Superseded", "sunsetAt": null}'::jsonb
                ELSE jsonb_build_object('ratingId', ${uid('050', ev)}, 'stars', 1 + ${ri(ev, 65, 5)}, 'edited', false, 'forOrganization', false) END AS data
         ) t`,
    );
    await db.query(`SELECT setval('platform_events_id_seq', greatest(1, (SELECT coalesce(max(id), 0) FROM platform_events)))`);
    // The webhook dispatcher starts at the head, as a server that had dispatched this history would.
    await db.query(`UPDATE webhook_dispatch_cursor SET last_event_id = (SELECT coalesce(max(id), 0) FROM platform_events)`);
    await db.query(`DROP TABLE seed_versions, seed_listed`);

    // 8. Indexes, then foreign keys (validated: the generated references hold), then statistics.
    for (const ix of indexes) await step(`index ${ix.name}`, ix.def);
    for (const fk of fks) await step(`foreign key ${fk.tbl}.${fk.name.slice(0, 14)}`, `ALTER TABLE ${fk.tbl} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
    await db.query(`DROP TABLE seed_large_pending_ddl`);
    for (const table of SEEDED_TABLES) await step(`vacuum analyze ${table}`, `VACUUM (ANALYZE) ${table}`);
    log(`done in ${Object.values(seconds).reduce((a, b) => a + b, 0).toFixed(1)} s`);
    return { counts, seconds };
  } finally {
    await db.end();
  }
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  const scale = Number(argValue(args, '--scale') ?? 1);
  const seed = Number(argValue(args, '--seed') ?? 1);
  if (!url) {
    console.error('Set DATABASE_URL to the database to fill');
    process.exit(2);
  }
  if (!(scale > 0 && scale <= 10) || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    console.error('--scale is a number in (0, 10], --seed an integer from 0 to 4294967295');
    process.exit(2);
  }
  seedLarge(url, { scale, seed, force: args.includes('--force') }).then(
    () => process.exit(0),
    error => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
