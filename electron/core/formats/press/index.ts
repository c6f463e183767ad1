/**
 * Press-database exports: Nexis Uni / LexisNexis (TXT, DOCX, HTML), Factiva (HTML, XML) and Europresse (HTML).
 *
 * One export file holds many documents, each with its own header block (title, source, date, byline, length);
 * each document becomes one article with its source as `site` and its date as `published`. A document whose header
 * cannot be read is a warning naming its number; the rest import. Detection is strict: a text or page that is not
 * plainly one of these exports is left to the plain-text and saved-page readers.
 */
import { parseHtml } from '../html'
import { normaliseNewlines } from '../text'
import { parseTxt } from '../txt'
import type { ParseOutcome } from '../types'
import { exportOutcome } from './document'
import { readDocxText } from './docx'
import { readEuropresse } from './europresse'
import { readFactivaHtml, readFactivaXml } from './factiva'
import { readLexisHtml, readLexisText } from './lexisnexis'

/** A LexisNexis TXT export's documents, or null when the text is not such an export (then it is plain text). */
export function readPressText(content: string): ParseOutcome | null {
  const documents = readLexisText(content)
  return documents && orAsRead(exportOutcome('LexisNexis export', documents), 'plain text', () => parseTxt(content))
}

/**
 * An export none of whose documents could be read is read the ordinary way instead (as plain text, as a page),
 * saying why first: its text is kept, and a file that only looked like an export loses nothing.
 */
function orAsRead(outcome: ParseOutcome, as: string, ordinary: () => ParseOutcome): ParseOutcome {
  if (outcome.ok) return outcome
  const read = ordinary()
  if (!read.ok) return outcome
  return { ...read, warnings: [`read as ${as}: ${outcome.reason}`, ...read.warnings] }
}

/** A LexisNexis, Factiva or Europresse HTML export's documents, or null when the page is not one of them. */
export function readPressHtml(content: string): ParseOutcome | null {
  const readers = [
    ['LexisNexis export', readLexisHtml],
    ['Factiva export', readFactivaHtml],
    ['Europresse export', readEuropresse],
  ] as const
  for (const [name, read] of readers) {
    const documents = read(content)
    if (documents) return orAsRead(exportOutcome(name, documents), 'a web page', () => parseHtml(content))
  }
  return null
}

/** A LexisNexis DOCX export's documents (the only `.docx` Broadsheet reads). */
export async function parseDocx(bytes: Uint8Array): Promise<ParseOutcome> {
  const text = await readDocxText(bytes)
  if (typeof text !== 'string') return { ok: false, reason: text.reason }
  const documents = readLexisText(normaliseNewlines(text))
  if (!documents) return { ok: false, reason: "DOCX is not a LexisNexis export: no 'End of Document' found" }
  return exportOutcome('LexisNexis export', documents)
}

/** A Factiva XML export's documents (the only `.xml` Broadsheet reads). */
export function parseFactivaXml(content: string): ParseOutcome {
  const read = readFactivaXml(content)
  if (typeof read === 'string') return { ok: false, reason: read }
  return exportOutcome('Factiva export', read.documents, read.notes)
}
