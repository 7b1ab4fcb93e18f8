import type { ValidationReport } from './validate-package';

const RULE = '─'.repeat(60);

/**
 * The report as text, in the format of `imperal validate` (docs/validation.md, "The text report"): a header, the
 * extension line, the counts, then "No issues found!" or each issue with its fix.
 */
export function formatReport(report: ValidationReport, validatorVersion: string): string {
  const lines = [
    `── Plaza Extension Validator v${validatorVersion} ${RULE}`.slice(0, 66),
    `Extension: ${report.appId ?? '(unknown)'} v${report.version ?? '?'}`,
    `Tools: ${report.toolCount}, Functions: ${report.functionCount}, Events: ${report.eventCount}`,
    '',
  ];
  if (report.issues.length === 0) {
    lines.push('✅ No issues found!');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`RESULTS: ${report.errorCount} error(s), ${report.warningCount} warning(s), ${report.infoCount} info`, '');
  for (const i of report.issues) {
    const where = i.file ? ` ${i.file}${i.line ? `:${i.line}` : ''}` : '';
    lines.push(`  ${i.level.padEnd(5)}${where}  [${i.rule}] ${i.message}`);
    if (i.fix) lines.push(`         Fix: ${i.fix}`);
  }
  lines.push('');
  if (report.errorCount) lines.push(`❌ ${report.errorCount} error(s) must be fixed before deployment.`);
  else if (report.warningCount) lines.push(`⚠️  ${report.warningCount} warning(s) — consider fixing.`);
  else lines.push('✅ No blocking issues.');
  return `${lines.join('\n')}\n`;
}
