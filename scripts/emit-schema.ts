// Writes schema/schema.graphql from the code (`npm run schema:emit`), or with --check fails when
// the committed file differs from what the code emits (`npm run schema:check`).
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildPlazaSchema, printPlazaSchema } from '../src/schema';

const target = path.resolve(__dirname, '..', 'schema', 'schema.graphql');

async function run(): Promise<void> {
  const sdl = printPlazaSchema(await buildPlazaSchema());
  if (process.argv.includes('--check')) {
    const committed = readFileSync(target, 'utf8');
    if (committed !== sdl) {
      console.error('schema/schema.graphql is out of date: run `npm run schema:emit` and commit it.');
      process.exit(1);
    }
    console.log('schema/schema.graphql matches the code.');
    return;
  }
  writeFileSync(target, sdl);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

run().catch(error => {
  console.error(error);
  process.exit(1);
});
