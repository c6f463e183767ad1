/**
 * Press-database exports: Nexis Uni / LexisNexis (TXT, DOCX, HTML), Factiva (HTML, XML) and Europresse (HTML).
 *
 * One export file holds many documents, each with its own header block (title, source, date, byline, length);
 * each document becomes one article with its source as `site` and its date as `published`. A document whose header
 * cannot be read is a warning naming its number; the rest import. Detection is strict: a text or page that is not
 * plainly one of these exports is left to the plain-text and saved-page readers.
 */
import { normaliseNewlines } from '../text'
import type { ParseOutcome } from '../types'
import { exportOutcome } from './document'
import { readDocxText } from './docx'
import { readEuropresse } from './europresse'
import { readFactivaHtml, readFactivaXml } from './factiva'
import { readLexisHtml, readLexisText } from './lexisnexis'

/** A LexisNexis TXT export's documents, or null when the text is not such an export (then it is plain text). */
export function readPressText(content: string): ParseOutcome | null {
  const documents = readLexisText(content)
  return documents && exportOutcome('LexisNexis export', documents)
}

/** A LexisNexis, Factiva or Europresse HTML export's documents, or null when the page is not one of them. */
export function readPressHtml(content: string): ParseOutcome | null {
  const lexis = readLexisHtml(content)
  if (lexis) return exportOutcome('LexisNexis export', lexis)
  const factiva = readFactivaHtml(content)
  if (factiva) return exportOutcome('Factiva export', factiva)
  const europresse = readEuropresse(content)
  if (europresse) return exportOutcome('Europresse export', europresse)
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
  const documents = readFactivaXml(content)
  if (typeof documents === 'string') return { ok: false, reason: documents }
  return exportOutcome('Factiva export', documents)
}
