/**
 * One document of a press-database export, and the outcome of a whole export: each readable document an article,
 * each unreadable one a warning naming its number.
 */
import { finishArticle } from '../article'
import type { ParsedArticle, ParseOutcome } from '../types'
import { pressLanguage } from './dates'

/** What a press export says of one document, before the shared finishing steps. */
export interface PressDocument {
  title: string | null
  /** The publication (the export's "source"). */
  site: string | null
  /** ISO 8601 (see pressDate). */
  published: string | null
  author: string | null
  /** The language as the export names it ("ENGLISH", "Français"). */
  language: string | null
  section: string | null
  /** Body lines, '' for a blank line between paragraphs. */
  lines: string[]
  url?: string | null
}

/** Why a document cannot be read, as "no title found", "no date found" or "no title/date found". */
export function headerProblem(doc: Pick<PressDocument, 'title' | 'published'>): string | null {
  if (!doc.title && !doc.published) return 'no title/date found'
  if (!doc.title) return 'no title found'
  if (!doc.published) return 'no date found'
  return null
}

/** A document's article through finishArticle, so boilerplate, disclaimers and flags apply as to any text. */
export function documentArticle(doc: PressDocument): ParsedArticle | string {
  const problem = headerProblem(doc)
  if (problem) return problem
  const article = finishArticle({
    title: doc.title!,
    lines: doc.lines,
    site: doc.site,
    published: doc.published,
    author: doc.author,
    url: doc.url ?? null,
    category: doc.section,
    declaredLanguage: pressLanguage(doc.language),
  })
  return article.text === '' ? 'no body text' : article
}

/**
 * The outcome of an export of `name` holding these documents (in file order, a reason string for one that could
 * not be split out): document N is warned about by its number, after any `notes` on the whole export, and an
 * export with no readable document fails.
 */
export function exportOutcome(name: string, documents: (PressDocument | string)[], notes: string[] = []): ParseOutcome {
  const articles: { index: number; article: ParsedArticle }[] = []
  const warnings: string[] = [...notes]
  documents.forEach((doc, index) => {
    const result = typeof doc === 'string' ? doc : documentArticle(doc)
    if (typeof result === 'string') warnings.push(`document ${index + 1}: ${result}`)
    else articles.push({ index, article: result })
  })
  if (articles.length > 0) return { ok: true, articles, warnings }
  if (documents.length === 0) return { ok: false, reason: `${name} holds no documents` }
  const shown = warnings.slice(0, 3).join('; ')
  const more = warnings.length > 3 ? `; and ${warnings.length - 3} more` : ''
  return { ok: false, reason: `no readable documents in this ${name} (${shown}${more})` }
}
