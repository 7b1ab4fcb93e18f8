import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RULESET_SOURCE_SHA256, RULESET_VERSION } from './ruleset';

/**
 * The rule-set version is pinned to the validator's sources (docs/validation.md, "Rule-set
 * versions and rescans"): every non-test source file of src/modules/validation except this pin
 * itself, hashed by path and content. When this fails, the validator changed: if any rule now
 * decides differently (a new rule, a changed level, a changed bound), bump RULESET_VERSION, which
 * makes every published version be rescanned; in either case set RULESET_SOURCE_SHA256 to the hash
 * printed below.
 */
function validatorSourceHash(): string {
  const root = __dirname;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && entry.name !== 'ruleset.ts') files.push(full);
    }
  };
  walk(root);
  const hash = createHash('sha256');
  for (const file of files.map(f => path.relative(root, f).split(path.sep).join('/')).sort()) {
    hash.update(`${file}\n`);
    hash.update(fs.readFileSync(path.join(root, file), 'utf8').replace(/\r\n/g, '\n'));
    hash.update('\n\u0000\n');
  }
  return hash.digest('hex');
}

describe('the validator rule-set version', () => {
  it('is pinned to the validator sources it was cut from', () => {
    const actual = validatorSourceHash();
    if (actual !== RULESET_SOURCE_SHA256) {
      throw new Error(
        `The validator sources changed since rule set ${RULESET_VERSION} was pinned. If a rule decides differently now, bump RULESET_VERSION ` +
          `(published versions are rescanned); either way set RULESET_SOURCE_SHA256 = '${actual}' in src/modules/validation/ruleset.ts.`,
      );
    }
  });

  it('is a short, printable version string', () => {
    expect(RULESET_VERSION).toMatch(/^[0-9A-Za-z.\-]{1,32}$/);
  });
});
