import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { prepared } from '../../src/db/prepared';
import { createTestDatabase } from '../utils/test-app';

// The write path's statements are kept prepared on each pooled connection (db/prepared.ts).
// Each data source here has one connection, so `pg_prepared_statements` shows that session's.
describe('prepared statements (db/prepared.ts)', () => {
  let db: { url: string; drop(): Promise<void> };
  const sources: DataSource[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(sources.map(s => s.destroy()));
    await db.drop();
  });

  async function open(preparedStatements: boolean): Promise<DataSource> {
    const source = createDataSource(db.url, { poolSize: 1, preparedStatements });
    sources.push(source);
    return source.initialize();
  }
  const preparedTexts = async (source: DataSource) =>
    ((await source.query(`SELECT statement FROM pg_prepared_statements`)) as { statement: string }[]).map(r => r.statement);

  it('prepares a marked statement once per connection, and leaves unmarked ones unnamed', async () => {
    const source = await open(true);
    const marked = prepared(`SELECT $1::int + 1 AS n /* marked */`);
    expect(await source.query(marked, [1])).toEqual([{ n: 2 }]);
    expect(await source.query(marked, [41])).toEqual([{ n: 42 }]);
    await source.query(`SELECT $1::int + 2 AS n /* unmarked */`, [1]);
    const texts = await preparedTexts(source);
    expect(texts).toContain(marked);
    expect(texts.filter(t => t === marked)).toHaveLength(1);
    expect(texts.some(t => t.includes('unmarked'))).toBe(false);
  });

  it('prepares nothing when turned off (PLAZA_DB_PREPARED_STATEMENTS=false, for poolers that cannot carry them)', async () => {
    const source = await open(false);
    const marked = prepared(`SELECT $1::int + 3 AS n /* marked, pool without prepared statements */`);
    expect(await source.query(marked, [1])).toEqual([{ n: 4 }]);
    expect(await preparedTexts(source)).toEqual([]);
  });

  it('recovers when a migration changes the columns a prepared statement returns: only the query that met it fails', async () => {
    const source = await open(true);
    await source.query(`CREATE TABLE prepared_probe (id int PRIMARY KEY)`);
    await source.query(`INSERT INTO prepared_probe VALUES (1)`);
    const star = prepared(`SELECT * FROM prepared_probe WHERE id = $1`);
    expect(await source.query(star, [1])).toEqual([{ id: 1 }]);
    await source.query(`ALTER TABLE prepared_probe ADD COLUMN note text DEFAULT 'added'`);
    // PostgreSQL refuses the stale statement on the connection that prepared it ...
    await expect(source.query(star, [1])).rejects.toMatchObject({ code: '0A000' });
    // ... and from then on runs it under a new name on that connection, prepared afresh.
    expect(await source.query(star, [1])).toEqual([{ id: 1, note: 'added' }]);
    expect(await source.query(star, [1])).toEqual([{ id: 1, note: 'added' }]);
    // The stale one stays allocated until the connection closes: one per such migration.
    expect((await preparedTexts(source)).filter(t => t === star)).toHaveLength(2);
  });
});
