import sanitizeHtml from 'sanitize-html';
import { BadUserInputError } from '../../shared/errors';

/** Length limits of review text, in characters (docs/ratings.md, "Review text"). */
export const REVIEW_LIMITS = { title: 120, body: 4000, reply: 4000, reportReason: 1000, moderationReason: 1000 } as const;

/**
 * A review's title, body, reply or reason as plain text (docs/ratings.md, "Review text"): trimmed,
 * empty → null, over the limit or containing an HTML element → BAD_USER_INPUT naming the field.
 * HTML is refused, not stripped, so what the author sees is exactly what was stored. Tags are
 * found by sanitize-html's parser (htmlparser2), so `a < b` or `<3` stay ordinary text. Links are
 * stored as typed and returned as text; Plaza never turns them into anchors.
 */
export function reviewText(field: string, value: string | null | undefined, limit: number): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (!text) return null;
  if ([...text].length > limit) throw BadUserInputError.field(field, `${field} is at most ${limit} characters`);
  // Control characters other than newline and tab have no place in review text.
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) throw BadUserInputError.field(field, `${field} contains control characters`);
  const tags: string[] = [];
  sanitizeHtml(text, { allowedTags: [], allowedAttributes: {}, onOpenTag: name => tags.push(name) });
  if (tags.length) {
    throw BadUserInputError.field(field, `${field} is plain text: HTML such as <${tags[0]}> is not allowed (links may be written as plain URLs)`);
  }
  return text;
}

/** The star count: an integer from 1 to 5. */
export function starsOf(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 5) throw BadUserInputError.field('stars', 'stars must be an integer from 1 to 5');
  return value;
}
