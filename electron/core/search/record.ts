/**
 * What the search engine indexes: a plain article record, independent of the library.
 */
import type { Article, ArticleFlag } from '../../shared/models'

/** One article as the search engine sees it. */
export interface SearchRecord {
  id: string
  /** The article file's hash; a changed hash means the record must be indexed again. */
  hash: string
  title: string
  text: string
  author: string | null
  site: string | null
  category: string | null
  disclaimers: string[]
  language: string | null
  published: string | null
  flags: ArticleFlag[]
  collection: string
}

/** A record without its text: what each shard keeps in memory per document. */
export type DocMeta = Omit<SearchRecord, 'text'>

/** The searchable fields, in their stored order. */
export const FIELDS = ['title', 'text', 'author', 'site', 'category', 'disclaimer'] as const

/** One searchable field. */
export type FieldName = (typeof FIELDS)[number]

/** A field's number in `FIELDS`. */
export const FIELD_ID: Record<FieldName, number> = { title: 0, text: 1, author: 2, site: 3, category: 4, disclaimer: 5 }

/** lunr field boosts: a word in the title weighs more than one in the body. */
export const FIELD_BOOST: readonly number[] = [5, 1, 1, 1, 1, 1]

/** Fields a query searches when it names none: everything but the disclaimers. */
export const DEFAULT_FIELDS: readonly number[] = [0, 1, 2, 3, 4]

/** The field values of a record, in `FIELDS` order. */
export function fieldValues(record: SearchRecord): string[] {
  return [
    record.title,
    record.text,
    record.author ?? '',
    record.site ?? '',
    record.category ?? '',
    record.disclaimers.join('\n'),
  ]
}

/** Turns a whole article into a search record. */
export function toSearchRecord(article: Article): SearchRecord {
  return {
    id: article.id,
    hash: article.hash,
    title: article.title,
    text: article.text,
    author: article.author,
    site: article.site,
    category: article.category,
    disclaimers: article.disclaimers,
    language: article.language,
    published: article.published,
    flags: article.flags,
    collection: article.collection,
  }
}
