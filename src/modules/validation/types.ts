/**
 * The validator's data shapes. The validator is pure: files in, report out. It never touches the
 * database or the network and never executes the package; the server and the `plaza` CLI call
 * the same code.
 */

export type IssueLevel = 'ERROR' | 'WARN' | 'INFO';

/** One finding. `rule` quotes the rule id (docs/validation.md) (V1…V35, M0…M8.2, SKEL-GUARD-1, …). */
export interface ValidationIssue {
  rule: string;
  level: IssueLevel;
  message: string;
  /** Path relative to the package root ('' when the issue is about the package as a whole). */
  file: string;
  /** 1-based line, 0 when unknown. */
  line: number;
  /** One sentence telling the author what to do. */
  fix: string;
  /**
   * Which side the rule read: 'code' (the package's Python sources, parsed into the code model)
   * or 'manifest' (imperal.json, the icon file, the package's files).
   */
  source: IssueSource;
}

export type IssueSource = 'code' | 'manifest';

/** Package files by path relative to the package root (posix separators, no leading slash). */
export type PackageFiles = ReadonlyMap<string, Buffer>;

export function issue(
  rule: string,
  level: IssueLevel,
  message: string,
  fix: string,
  where: { file?: string; line?: number; source?: IssueSource } = {},
): ValidationIssue {
  return { rule, level, message, file: where.file ?? '', line: where.line ?? 0, fix, source: where.source ?? 'manifest' };
}
