/**
 * Finishes an article from what a format found: boilerplate out, paragraphs, language, word count.
 */
import type { ArticleFlag } from '../../shared/models'
import { ARTICLE_FLAGS } from '../../shared/models'
import { flagsFromWording, stripBoilerplate } from './boilerplate'
import { detectLanguage } from './language'
import { collapseWhitespace, countWords, decodeEntities, joinParagraphs, linesToParagraphs } from './text'
import type { ParsedArticle } from './types'

/** What a format hands over before the shared finishing steps. */
export interface ArticleDraft {
  title: string
  /** Body lines ('' for a blank line), before boilerplate removal. */
  lines: string[]
  author?: string | null
  site?: string | null
  url?: string | null
  published?: string | null
  /** Where the offline copy was captured from (the format's own record of it). */
  sourceUrl?: string | null
  /** When the offline copy was captured (ISO 8601). */
  capturedAt?: string | null
  /** A language tag from metadata; used when valid. */
  declaredLanguage?: unknown
  category?: string | null
  html?: string | null
  /** Disclaimers given as metadata (front matter, a JSON field); their wording can set flags. */
  disclaimers?: string[]
  flags?: ArticleFlag[]
  /** Formats that already split paragraphs (HTML, Markdown) pass each paragraph as one line. */
  linesAreParagraphs?: boolean
  /** The format ran the boilerplate pass itself (to remove the same blocks from its HTML). */
  boilerplateDone?: boolean
}

/**
 * Trims a metadata value to a non-empty single line, or null.
 *
 * Entities are decoded: scrapers store titles with "&#163;" in them, and pages encode their titles
 * twice ("&amp;quot;") often enough.
 */
export function cleanValue(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = collapseWhitespace(decodeEntities(value))
  return text === '' ? null : text
}

// "By", "by:", "Written by", "Автор:" before a name; repeated by some scrapers ("By by Lucas Nolan").
const BYLINE_LEAD = /^(?:(?:by|written by|words by|автор|авторы|автори|текст)(?:\s*:\s*|\s+))+/iu

/** Compares names loosely (case, punctuation, spacing). */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * An author line fit for "By {author} · {site}": no leading "By", each name once, never the site itself.
 */
export function cleanAuthor(author: string | null | undefined, site: string | null): string | null {
  const value = cleanValue(author)
  if (!value) return null
  const siteKey = site ? nameKey(site) : null
  const seen = new Set<string>()
  const names: string[] = []
  for (const part of value.split(/\s*,\s*/)) {
    const name = part.replace(BYLINE_LEAD, '').trim()
    const key = nameKey(name)
    if (key === '' || key === siteKey || seen.has(key) || /^https?:/i.test(name)) continue
    seen.add(key)
    names.push(name)
  }
  return names.length > 0 ? names.join(', ') : null
}

/** Turns a draft into a ParsedArticle; the boilerplate pass runs here for every format. */
export function finishArticle(draft: ArticleDraft): ParsedArticle {
  const stripped = draft.boilerplateDone
    ? { lines: draft.lines, disclaimers: [], flags: [], category: null }
    : stripBoilerplate(draft.lines)
  const paragraphs = draft.linesAreParagraphs ? stripped.lines.filter(Boolean) : linesToParagraphs(stripped.lines)
  const text = joinParagraphs(paragraphs)
  const metaDisclaimers = (draft.disclaimers ?? []).map((d) => d.trim()).filter(Boolean)
  const flags = new Set<ArticleFlag>([...(draft.flags ?? []), ...stripped.flags])
  for (const disclaimer of metaDisclaimers) for (const flag of flagsFromWording(disclaimer)) flags.add(flag)
  const title = cleanValue(draft.title) ?? ''
  const site = cleanValue(draft.site)
  return {
    title,
    author: cleanAuthor(draft.author, site),
    site,
    url: cleanValue(draft.url),
    published: draft.published ?? null,
    sourceUrl: cleanValue(draft.sourceUrl),
    capturedAt: draft.capturedAt ?? null,
    language: detectLanguage(title, text, draft.declaredLanguage),
    category: cleanValue(draft.category) ?? stripped.category,
    text,
    html: draft.html ?? null,
    disclaimers: [...new Set([...metaDisclaimers, ...stripped.disclaimers])],
    flags: ARTICLE_FLAGS.filter((flag) => flags.has(flag)),
    wordCount: countWords(text),
  }
}
