import { RolloutState } from './rollout.entity';

/**
 * SQL: true when version `versionIdSql` is being or was rolled back. A rolled-back version stays
 * published (the installations that were not in its cohort keep it), but nobody new is given it:
 * marketplace installs take the newest version not rolled back, and upgrade recommendations never
 * point at one (docs/marketplace.md, "Staged rollouts").
 */
export const rolledBackSql = (versionIdSql: string) =>
  `EXISTS (SELECT 1 FROM rollouts rb WHERE rb.version_id = ${versionIdSql} AND rb.state IN ('${RolloutState.ROLLING_BACK}', '${RolloutState.ROLLED_BACK}'))`;
