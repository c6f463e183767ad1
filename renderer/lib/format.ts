/**
 * Pure helpers for what the renderer shows: dates, flag wording, provenance, citations, highlights.
 *
 * No DOM, no API: everything here is a function of its arguments, so it is tested directly.
 */
import type { ArticleFlag, ArticleSummary, TextRange } from '../../electron/shared/models'

/** Short names of the flags, for badges. */
export const flagLabels: Record<ArticleFlag, string> = {
  'machine-translated': 'Machine-translated',
  sponsored: 'Sponsored',
  opinion: 'Opinion',
  'auto-published': 'Auto-published',
}

/** What each flag means, in plain words. */
export const flagExplanations: Record<ArticleFlag, string> = {
  'machine-translated': 'Machine-translated: this text was translated automatically and not checked by an editor.',
  sponsored: 'Sponsored: this piece was paid for by an advertiser; it is not independent reporting.',
  opinion: "Opinion: this piece gives its author's views; it is not a news report.",
  'auto-published': 'Auto-published: the source published this text automatically, without an editor reviewing it.',
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric' })

/** An ISO date as a short human date ("5 Mar 2024"), or null when missing or unreadable. */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return null
  return dateFormat.format(new Date(time))
}

/** The date a list row shows: the published date, or "Undated" (an import date is never passed off as one). */
export function rowDate(item: Pick<ArticleSummary, 'published'>): { text: string; undated: boolean } {
  const published = formatDate(item.published)
  return published ? { text: published, undated: false } : { text: 'Undated', undated: true }
}

/** A plain-text citation: title, site, date, URL and file hash. */
export function citation(
  article: Pick<ArticleSummary, 'title' | 'site' | 'published' | 'url' | 'hash' | 'path' | 'importedAt'>,
): string {
  const parts = [
    `"${article.title}"`,
    article.site ?? 'unknown source',
    formatDate(article.published) ?? 'date unknown',
    article.url ?? 'no URL',
    `offline copy ${article.path}, imported ${formatDate(article.importedAt) ?? 'unknown'}, sha256 ${article.hash}`,
  ]
  return parts.join('. ') + '.'
}

/** A piece of text, marked or not; `hit` numbers the marks in the whole text. */
export interface Segment {
  text: string
  hit: number | null
}

/** A paragraph of an article's text with where it starts in the text. */
export interface Paragraph {
  start: number
  text: string
}

/** Splits plain text at blank lines, keeping each paragraph's offset in the text. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = []
  const blank = /\n[ \t]*\n\s*/g
  let start = 0
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    pushParagraph(out, text, start, m.index)
    start = m.index + m[0].length
  }
  pushParagraph(out, text, start, text.length)
  return out
}

function pushParagraph(out: Paragraph[], text: string, start: number, end: number): void {
  const body = text.slice(start, end)
  if (body.trim() !== '') out.push({ start, text: body })
}

/**
 * Cuts `text` (which starts at `offset` in the whole) into plain and marked segments.
 *
 * `ranges` are [start, end) in the whole text, sorted; a range crossing the edge is clipped,
 * and each segment of a range keeps the range's index as its hit number.
 */
export function segments(text: string, offset: number, ranges: readonly TextRange[]): Segment[] {
  const out: Segment[] = []
  const end = offset + text.length
  let at = offset
  ranges.forEach(([from, to], hit) => {
    const s = Math.max(from, at)
    const e = Math.min(to, end)
    if (e <= s) return
    if (s > at) out.push({ text: text.slice(at - offset, s - offset), hit: null })
    out.push({ text: text.slice(s - offset, e - offset), hit })
    at = e
  })
  if (at < end) out.push({ text: text.slice(at - offset), hit: null })
  return out
}

const numberFormat = new Intl.NumberFormat('en-US')

/** A number with thousands separators ("4,000"). */
export function count(n: number): string {
  return numberFormat.format(n)
}

/** A count with its noun, singular or plural ("1 article", "3,243 words"); `plural` defaults to noun + s. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${count(n)} ${n === 1 ? noun : plural}`
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })

/** A language code as its name ("ru" → "Russian"), or "Unknown language". */
export function languageLabel(code: string | null): string {
  if (!code) return 'Unknown language'
  try {
    return languageNames.of(code) ?? code
  } catch {
    // A code Intl cannot read is shown as it is.
    return code
  }
}

/** A kind of filter, in the list or in the search results. */
export type FilterWordsKind = 'view' | 'collection' | 'site' | 'language' | 'flag' | 'year'

/** What each kind of filter is called on screen. */
export const filterHeadings: Record<FilterWordsKind, string> = {
  view: 'View',
  collection: 'Collection',
  site: 'Site',
  language: 'Language',
  flag: 'Flag',
  year: 'Year',
}

const viewLabels: Record<string, string> = {
  unread: 'Unread',
  starred: 'Starred',
  recent: 'Recently imported',
  undated: 'Undated',
}

/** A filter's value in words: language names, flag names, the library root named as such. */
export function filterValueLabel(kind: FilterWordsKind, value: string): string {
  switch (kind) {
    case 'language':
      return languageLabel(value)
    case 'flag':
      return flagLabels[value as ArticleFlag] ?? value
    case 'collection':
      return value === '' ? 'Library root' : value
    case 'view':
      return viewLabels[value] ?? value
    default:
      return value
  }
}

/** A saved search's filters that have no facet, in words ("also Opinion · not Sponsored · starred · unread"). */
export function otherFiltersLabel(other: {
  moreFlags?: ArticleFlag[]
  notFlags?: ArticleFlag[]
  starred?: boolean
  unread?: boolean
  story?: string
}): string {
  const flags = (list: ArticleFlag[]) => list.map((f) => flagLabels[f] ?? f).join(', ')
  const parts: string[] = []
  if (other.moreFlags?.length) parts.push(`also ${flags(other.moreFlags)}`)
  if (other.notFlags?.length) parts.push(`not ${flags(other.notFlags)}`)
  if (other.starred) parts.push('starred')
  if (other.unread) parts.push('unread')
  if (other.story) parts.push(`story ${other.story}`)
  return parts.join(' · ')
}
