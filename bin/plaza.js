#!/usr/bin/env node
// The `plaza` command. In a checkout it runs the TypeScript sources through swc (as `npm start`
// does), so it never runs a stale build; an image that ships only dist/ runs the compiled code.
const path = require('node:path');
const fs = require('node:fs');
const source = path.join(__dirname, '..', 'src', 'cli', 'main.ts');
if (fs.existsSync(source)) {
  require('@swc-node/register');
  require(source);
} else {
  require(path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js'));
}
