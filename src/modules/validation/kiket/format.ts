import { MANIFEST_FILE } from '../manifest-layer';
import { issue, PackageFiles, ValidationIssue } from '../types';

/** Where a Kiket package keeps its manifest (the Kiket CLI's `lint`, `validate` and `publish` read it there). */
export const KIKET_MANIFEST_FILE = '.kiket/manifest.yaml';

export type PackageFormat = 'IMPERAL' | 'KIKET';

/**
 * The package's format, decided by which manifest it carries: `imperal.json` → IMPERAL,
 * `.kiket/manifest.yaml` → KIKET. Both or neither is refused (FORMAT-1 / FORMAT-2): guessing
 * would validate the package against rules its author never targeted.
 */
export function detectFormat(files: PackageFiles): { format: PackageFormat; issue?: undefined } | { format: null; issue: ValidationIssue } {
  const imperal = files.has(MANIFEST_FILE);
  const kiket = files.has(KIKET_MANIFEST_FILE);
  if (imperal && kiket) {
    return {
      format: null,
      issue: issue(
        'FORMAT-2',
        'ERROR',
        `the package carries both ${MANIFEST_FILE} (Imperal) and ${KIKET_MANIFEST_FILE} (Kiket); a package has exactly one format`,
        `Remove the manifest of the format you are not publishing: keep ${MANIFEST_FILE} for an Imperal extension or ${KIKET_MANIFEST_FILE} for a Kiket one.`,
      ),
    };
  }
  if (!imperal && !kiket) {
    return {
      format: null,
      issue: issue(
        'FORMAT-1',
        'ERROR',
        `the package carries no manifest: neither ${MANIFEST_FILE} (Imperal) nor ${KIKET_MANIFEST_FILE} (Kiket) is at its root`,
        `Add ${MANIFEST_FILE} (run \`imperal build .\`) or ${KIKET_MANIFEST_FILE} at the package root.`,
      ),
    };
  }
  return { format: kiket ? 'KIKET' : 'IMPERAL' };
}
