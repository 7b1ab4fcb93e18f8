/**
 * The validator's rule-set version (docs/validation.md, "Rule-set versions and rescans"). Every
 * validation records the version that judged it; when this constant changes, the trust module
 * rescans every published version with the new rules and reports what is new.
 *
 * Bump it whenever a rule decides differently: a new rule, a rule removed, a changed level or
 * bound. `ruleset.spec.ts` pins RULESET_SOURCE_SHA256 to the validator's sources, so a change to
 * them cannot land without someone deciding whether the rule set changed.
 */
export const RULESET_VERSION = '2026.12.1';

/** sha256 of the validator sources RULESET_VERSION was cut from (recomputed by ruleset.spec.ts). */
export const RULESET_SOURCE_SHA256 = '6346ec8a5454a7f2148449d9ecb4c23c047561d5d92b21e7dbd65b4ac33082ac';
