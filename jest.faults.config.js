// `npm run test:faults`: real Plaza processes (src/main.ts) on a real database, with faults
// injected (kill -9, a TCP proxy cutting PostgreSQL, load). Separate from `npm test`: it takes
// minutes. Same global setup (template database) as the main suite; one file at a time, since
// the faults measure timing on a shared machine.
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/faults'],
  testMatch: ['**/*.faults-spec.ts'],
  testPathIgnorePatterns: [],
  maxWorkers: 1,
  testTimeout: 600_000,
};
