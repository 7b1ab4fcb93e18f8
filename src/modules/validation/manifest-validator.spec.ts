import { readFileSync } from 'node:fs';
import { GENERATED_VALIDATOR, manifestValidatorSource } from '../../../scripts/build-manifest-validator';
import { checkManifest } from './manifest-layer';

describe('the precompiled imperal.json schema validator', () => {
  it('is what ajv generates from manifest-schema.ts today (run `npm run manifest:validator` when this fails)', () => {
    expect(readFileSync(GENERATED_VALIDATOR, 'utf8')).toBe(manifestValidatorSource());
  });

  it('still refuses a manifest that breaks the schema, naming the field', () => {
    const files = new Map([['imperal.json', Buffer.from(JSON.stringify({ app_id: 'Bad Id!', version: 'one', tools: 'x' }))]]);
    const { issues } = checkManifest(files);
    const errors = issues.filter(i => i.level === 'ERROR').map(i => i.message).join('\n');
    expect(errors).toMatch(/app_id/);
    expect(errors).toMatch(/tools/);
  });
});
