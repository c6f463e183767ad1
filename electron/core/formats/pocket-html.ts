/**
 * Pocket's `ril_export.html`: a list of saved links (with tags, saved time and Unread/Read Archive sections), not
 * an article. Its links go through the same path as Pocket's CSV (SavedLink).
 */
import type { ParseOutcome } from './types'

/** The saved links of a Pocket HTML export, or null when the page is not one. */
export function readPocketHtml(content: string): ParseOutcome | null {
  void content
  return null
}
