/**
 * Notes in search: the words a query asks notes for (`note:WORD`, or the plain words of a query without one) and
 * which highlights' notes and tags hold them. Matching is per word, case- and accent-blind, by word prefix
 * ("crane" finds "cranes").
 */
import type { NoteHit } from '../../shared/models'
import type { StoredHighlight } from './annotations'

// `note:word` or `note:"some words"` as a term of its own.
const NOTE_TERM = /(^|\s)[+]?note:("[^"]*"|\S+)/g
const FIELD_TERM = /^[+-]?[\p{L}_]+:/u
const OPERATORS = new Set(['AND', 'OR', 'NOT'])

/** Lower case without accents, for comparing words. */
function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

function words(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(fold)
}

/** The words a query asks notes for: those of its `note:` terms, or else its plain (not excluded, unfielded) words. */
export function noteWords(query: string): string[] {
  const noted = [...query.matchAll(NOTE_TERM)].flatMap((m) => words(m[2]!))
  if (noted.length > 0 || hasNoteTerm(query)) return noted
  const plain: string[] = []
  let negate = false
  for (const token of query.replace(/"/g, ' ').split(/\s+/)) {
    if (!token) continue
    if (OPERATORS.has(token)) {
      negate = token === 'NOT'
      continue
    }
    const excluded = negate || token.startsWith('-')
    negate = false
    if (excluded || FIELD_TERM.test(token)) continue
    plain.push(...words(token.replace(/[~^]\d*$/, '')))
  }
  return plain
}

/** The query without its `note:` terms (what the article search still has to answer), spaces tidied. */
export function withoutNoteTerms(query: string): string {
  return query.replace(NOTE_TERM, '$1').replace(/\s+/g, ' ').trim()
}

/** Whether a query has a `note:` term. */
export function hasNoteTerm(query: string): boolean {
  NOTE_TERM.lastIndex = 0
  const found = NOTE_TERM.test(query)
  NOTE_TERM.lastIndex = 0
  return found
}

/** The highlights whose note or tags hold every word the query asks notes for. */
export function matchNotes(
  query: string,
  highlights: readonly StoredHighlight[],
  titleOf: (articleId: string) => string,
): NoteHit[] {
  const wanted = noteWords(query)
  if (wanted.length === 0) return []
  const hits: NoteHit[] = []
  for (const h of highlights) {
    if (!h.note && h.tags.length === 0) continue
    const have = words(`${h.note} ${h.tags.join(' ')}`)
    if (!wanted.every((w) => have.some((word) => word.startsWith(w)))) continue
    hits.push({ highlightId: h.id, articleId: h.articleId, title: titleOf(h.articleId), quote: h.quote, note: h.note })
  }
  return hits
}
