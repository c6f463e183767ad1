/**
 * A paragraph of the plain-text view cut where search hits and highlights begin and end, so each piece can be drawn
 * with the marks that cover it. Highlights may overlap each other and the hits.
 */
import type { TextRange } from '../../electron/shared/models'

/** A highlight as the text view draws it: its id and where it lies in the article's text. */
export interface DrawnHighlight {
  id: string
  range: TextRange
}

/** A highlight as both views draw it: with its note and tags, told to assistive technology on its mark. */
export interface MarkedHighlight extends DrawnHighlight {
  note: string
  tags: string[]
}

/** The class of a highlight's `<mark>` in both views (search hits are marks too, without it). */
export const MARK_CLASS = 'highlight'

/** What a highlight's mark says beside its words: the note and tags, and that Enter opens them. */
export function markDescription(h: Pick<MarkedHighlight, 'note' | 'tags'>): string {
  const note = h.note ? `Note: ${h.note}` : 'No note'
  const tags = h.tags.length > 0 ? `. Tags: ${h.tags.join(', ')}` : ''
  return `Highlight. ${note}${tags}. Enter shows the note with Edit and Delete.`
}

/** A piece of a paragraph and what covers it. */
export interface Piece {
  /** Offset in the article's text. */
  start: number
  text: string
  /** Index of the search hit covering it, or null. */
  hit: number | null
  /** The highlight covering it (the one that starts first), or null. */
  highlight: string | null
  /** True on the first piece drawn for its highlight: the one that takes the keyboard focus. */
  first: boolean
}

/**
 * Cuts `text` (which starts at `offset` in the article's text) at every edge of `hits` (sorted, not overlapping)
 * and `highlights` (any order, may overlap).
 */
export function pieces(
  text: string,
  offset: number,
  hits: readonly TextRange[],
  highlights: readonly DrawnHighlight[],
): Piece[] {
  const end = offset + text.length
  const edges = new Set([offset, end])
  const inside = (at: number) => at > offset && at < end
  for (const [s, e] of hits) [s, e].filter(inside).forEach((at) => edges.add(at))
  for (const { range } of highlights) range.filter(inside).forEach((at) => edges.add(at))
  const cuts = [...edges].sort((a, b) => a - b)
  const ordered = [...highlights].sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1])
  const out: Piece[] = []
  const seen = new Set<string>()
  for (let i = 0; i + 1 < cuts.length; i++) {
    const s = cuts[i]!
    const e = cuts[i + 1]!
    const hit = hits.findIndex(([from, to]) => from <= s && e <= to)
    const over = ordered.find(({ range: [from, to] }) => from <= s && e <= to)
    out.push({
      start: s,
      text: text.slice(s - offset, e - offset),
      hit: hit >= 0 ? hit : null,
      highlight: over?.id ?? null,
      // The first piece drawn for a highlight that starts in this paragraph (one under another starts later).
      first: over !== undefined && over.range[0] >= offset && !seen.has(over.id),
    })
    if (over) seen.add(over.id)
  }
  return out
}
