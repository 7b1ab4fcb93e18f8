// Runs the TypeORM CLI with TypeScript support (swc) so ormconfig.ts and the migrations load.
require('typeorm/cli');
