#!/usr/bin/env node
// The `plaza` command. Runs the TypeScript sources through swc (the same way `npm start` does),
// or the compiled build when one exists.
const path = require('node:path');
const fs = require('node:fs');
const compiled = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (fs.existsSync(compiled)) {
  require(compiled);
} else {
  require('@swc-node/register');
  require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
}
