import type { Actor, RuntimePrincipal } from '../../context';
import { canManageExtension } from '../extensions/extension.policy';

/**
 * Who may see an extension's runtime tokens and runtime reports (docs/runtime.md, "Who sees
 * what"); the one home of this rule. Both are the extension's private operational data: its owner
 * and platform admins see them, everyone else (anonymous callers, strangers, installers) gets
 * NOT_FOUND for the tokens and null for the reports, never a hint they exist.
 */
export function canSeeRuntimeData(actor: Actor | null, extension: { ownerId: string }): boolean {
  return canManageExtension(actor, extension);
}

/**
 * A runtime token reports for its own extension only: another extension's version or installation
 * is NOT_FOUND to it, worded the same as one that does not exist.
 */
export function canReportFor(runtime: RuntimePrincipal, subject: { extensionId: string }): boolean {
  return runtime.extensionId === subject.extensionId;
}
