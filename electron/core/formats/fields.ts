/**
 * Scraper field names → article fields, and date normalisation.
 *
 * Covers the common exports (news-please, newspaper4k, fundus, trafilatura, schema.org JSON):
 * field matching is case-insensitive and the first present alias wins.
 */
import { cleanValue } from './article'

/** The aliases of each article field, lower-case, in order of preference. */
export const FIELD_ALIASES = {
  title: ['title', 'headline', 'name', 'content_title', 'title_page', 'title_rss'],
  text: ['text', 'body', 'content', 'maintext', 'articlebody', 'article_body', 'fulltext', 'full_text', 'plain_text'],
  url: ['url', 'link', 'canonical_url', 'canonical', 'permalink', 'source_url'],
  published: [
    'date',
    'published',
    'date_publish',
    'datepublished',
    'publish_date',
    'publishing_date',
    'published_at',
    'publishedat',
    'pubdate',
    'published_date',
    'publication_date',
    'created_at',
  ],
  /** When the copy was made (crawled, downloaded, saved to read later): provenance, never the publication date. */
  capturedAt: [
    'capturedat',
    'captured_at',
    'date_download',
    'downloaded_at',
    'crawled_at',
    'scraped_at',
    'fetched_at',
    'savedat',
    'saved_at',
  ],
  author: ['author', 'authors', 'byline', 'creator'],
  site: ['source', 'site', 'source_domain', 'publisher', 'site_name', 'sitename', 'newsroom', 'content_newsroom'],
  language: ['language', 'lang', 'inlanguage', 'locale'],
  description: ['description', 'summary', 'excerpt', 'lead', 'subtitle'],
  category: ['category', 'section', 'articlesection', 'categories', 'rubric'],
  disclaimer: ['disclaimer', 'disclaimers', 'notice'],
  tags: ['tags', 'keywords', 'topics'],
} as const

/** An article field with aliases. */
export type AliasedField = keyof typeof FIELD_ALIASES

/** Lower-cases a record's keys once, so every lookup is case-insensitive. */
export function lowerKeys(record: Record<string, unknown>): Map<string, unknown> {
  const map = new Map<string, unknown>()
  for (const [key, value] of Object.entries(record)) {
    const lower = key.toLowerCase()
    if (!map.has(lower)) map.set(lower, value)
  }
  return map
}

/** The first non-empty value among a field's aliases. */
export function pick(fields: Map<string, unknown>, field: AliasedField): unknown {
  for (const alias of FIELD_ALIASES[field]) {
    const value = fields.get(alias)
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    return value
  }
  return undefined
}

/** A name-like value: a string, a {name} object, or a list of either, joined with ", ". */
export function nameValue(value: unknown): string | null {
  if (typeof value === 'string') return cleanValue(value)
  if (Array.isArray(value)) {
    const names = value.map((v) => nameValue(v)).filter((v): v is string => v !== null)
    return names.length > 0 ? [...new Set(names)].join(', ') : null
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    return nameValue(obj.name ?? obj.Name ?? obj.title ?? null)
  }
  return null
}

/**
 * Body text from a string, a list of paragraphs, or a structured body ({sections: [{headline, paragraphs}]}).
 *
 * Paragraphs are separated by a blank line.
 */
export function bodyText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (Array.isArray(value)) {
    const parts = value.map((v) => bodyText(v)).filter((v): v is string => v !== null)
    return parts.length > 0 ? parts.join('\n\n') : null
  }
  if (value && typeof value === 'object') {
    const obj = lowerKeys(value as Record<string, unknown>)
    const parts = ['summary', 'headline', 'text', 'paragraphs', 'sections']
      .map((key) => bodyText(obj.get(key)))
      .filter((v): v is string => v !== null)
    return parts.length > 0 ? parts.join('\n\n') : null
  }
  return null
}

/** A list of strings from a string or an array (for disclaimers and tags). */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : []
  if (Array.isArray(value)) return value.flatMap((v) => stringList(v))
  return []
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/
const DOTTED = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/
const SLASHED_ISO = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/

/** Tells whether y-m-d is a real calendar day in a plausible range. */
function validDay(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * Normalises a date to ISO 8601, or null when it cannot be read.
 *
 * A bare date stays a date ("2024-03-05"); a time without a zone stays local ("2024-03-05T10:00:00");
 * a time with a zone becomes UTC ("2024-03-05T09:00:00.000Z"); numbers are Unix seconds or milliseconds.
 */
export function normaliseDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value > 1e11 ? value : value * 1000
    const date = new Date(ms)
    return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1800 ? null : date.toISOString()
  }
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (text === '') return null
  let m = ISO_DATE.exec(text)
  if (m) return validDay(+m[1]!, +m[2]!, +m[3]!) ? text : null
  m = ISO_LOCAL.exec(text)
  if (m) return validDay(+m[1]!, +m[2]!, +m[3]!) ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}` : null
  m = DOTTED.exec(text)
  if (m) return validDay(+m[3]!, +m[2]!, +m[1]!) ? `${m[3]}-${pad(+m[2]!)}-${pad(+m[1]!)}` : null
  m = SLASHED_ISO.exec(text)
  if (m) return validDay(+m[1]!, +m[2]!, +m[3]!) ? `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}` : null
  if (/^\d{10}(?:\d{3})?$/.test(text)) return normaliseDate(Number(text))
  // Zoned ISO strings and RFC 2822 dates ("Tue, 05 Mar 2024 10:00:00 +0100").
  if (!/\d{4}/.test(text) || !/(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC|[A-Z]{3})\s*$/i.test(text)) return null
  const time = Date.parse(text)
  if (Number.isNaN(time)) return null
  const date = new Date(time)
  return date.getUTCFullYear() < 1800 || date.getUTCFullYear() > 2200 ? null : date.toISOString()
}
