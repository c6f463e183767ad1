/**
 * parseFile: one file's bytes in, its articles out, dispatched on the extension.
 */
import type { ParseOutcome, ParsedArticle } from './types'

/** Parses one file's bytes into articles; never throws for bad input. */
export function parseFile(bytes: Uint8Array, fileName: string, _options: { maxBytes?: number } = {}): ParseOutcome {
  const dot = fileName.lastIndexOf('.')
  const ext = dot >= 0 ? fileName.slice(dot).toLowerCase() : ''
  if (ext !== '.txt') return { ok: false, reason: `unsupported file type ${ext || '(none)'}` }
  if (bytes.length === 0) return { ok: false, reason: 'empty file' }
  const raw = new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n')
  const lines = raw.split('\n')
  const first = lines.findIndex((l) => l.trim() !== '')
  if (first < 0) return { ok: false, reason: 'empty file' }
  const title = lines[first]!.trim()
  const text = lines
    .slice(first + 1)
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim().replace(/\s*\n\s*/g, ' '))
    .filter(Boolean)
    .join('\n\n')
  const article: ParsedArticle = {
    title,
    author: null,
    site: null,
    url: null,
    published: null,
    language: null,
    category: null,
    text,
    html: null,
    disclaimers: [],
    flags: [],
    wordCount: text ? text.split(/\s+/).length : 0,
  }
  return { ok: true, articles: [{ index: 0, article }], warnings: [] }
}
