/**
 * The provenance of an offline copy in plain words: where it came from, when, and the hash of its bytes.
 *
 * Pure: a function of the article, tested directly; the disclaimer banner draws the rows.
 */
import type { ArticleState, ArticleSummary, EditableField } from '../../electron/shared/models'
import { formatDate } from './format'

/** One line of the provenance list. */
export interface ProvenanceRow {
  label: string
  value: string
  /** True when the user corrected this field in the app. */
  edited: boolean
  /** 'hash' rows are shown in full in a monospace face with a copy button. */
  kind: 'text' | 'hash'
}

/** What the provenance list needs of an article. */
export type ProvenanceSource = Pick<
  ArticleSummary,
  | 'path'
  | 'importedFrom'
  | 'importedAt'
  | 'sourceUrl'
  | 'capturedAt'
  | 'published'
  | 'site'
  | 'category'
  | 'title'
  | 'author'
  | 'hash'
  | 'edited'
> &
  Partial<Pick<ArticleState, 'tags' | 'archived' | 'savedAt'>>

/** Said of a field the source did not give. */
export const NOT_GIVEN = 'not given'

/**
 * What a read-later service (Pocket, Instapaper, Wallabag, Omnivore) recorded, in words; null when nothing.
 *
 * "Saved to read later on 3 May 2024 · tags: climate, eu": the saved date is the user's, never the publication's.
 */
export function readLaterText(state: Partial<Pick<ArticleState, 'tags' | 'archived' | 'savedAt'>>): string | null {
  const tags = state.tags ?? []
  const saved = formatDate(state.savedAt)
  if (!saved && tags.length === 0 && !state.archived) return null
  const parts = [saved ? `Saved to read later on ${saved}` : 'Saved to read later']
  if (tags.length > 0) parts.push(`tags: ${tags.join(', ')}`)
  if (state.archived) parts.push('archived')
  return parts.join(' · ')
}

/** The rows of an article's provenance, in reading order; capture and read-later rows only where recorded. */
export function provenanceRows(article: ProvenanceSource): ProvenanceRow[] {
  const edited = new Set<EditableField>(article.edited)
  const row = (label: string, value: string, field?: EditableField): ProvenanceRow => ({
    label,
    value,
    edited: field !== undefined && edited.has(field),
    kind: 'text',
  })
  const rows: ProvenanceRow[] = [
    row('Imported from', article.importedFrom ?? 'found in the library folder, not imported through Broadsheet'),
    row('Imported', formatDate(article.importedAt) ?? NOT_GIVEN),
    row('File in the library', article.path),
  ]
  if (article.sourceUrl) rows.push(row('Captured from', article.sourceUrl))
  const captured = formatDate(article.capturedAt)
  if (captured) rows.push(row('Captured', captured))
  const readLater = readLaterText(article)
  if (readLater) rows.push(row('Read later', readLater))
  rows.push(
    row('Published', formatDate(article.published) ?? 'date not given', 'published'),
    row('Site', article.site ?? NOT_GIVEN, 'site'),
    row('Category', article.category ?? NOT_GIVEN, 'category'),
  )
  // Title and author are on screen already; they are listed here only to say the user changed them.
  if (edited.has('title')) rows.push(row('Title', article.title, 'title'))
  if (edited.has('author')) rows.push(row('Author', article.author ?? NOT_GIVEN, 'author'))
  rows.push({ label: 'SHA-256 of the original file', value: article.hash, edited: false, kind: 'hash' })
  return rows
}
