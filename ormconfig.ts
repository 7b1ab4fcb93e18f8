// The DataSource the TypeORM CLI uses (`npm run migration:generate -- migrations/Name`).
// It reads DATABASE_URL; point it at a scratch database that has every migration applied.
import { createDataSource } from './src/db/data-source';

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('Set DATABASE_URL to the database the TypeORM CLI should use');
}

export default createDataSource(url);
