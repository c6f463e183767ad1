/**
 * The search filters every command that takes a query shares (`search`, `saved add`, `export --query`): their
 * options and how they become a SearchRequest, stated once.
 */
import type { ParseArgsConfig } from 'node:util'
import { ARTICLE_FLAGS, type ArticleFlag, type SearchRequest } from '../shared/models'
import { UsageError, type CommandContext } from './command'

const DATE = /^\d{4}-\d{2}-\d{2}/

/** The filter options, as `parseArgs` reads them. */
export const FILTER_OPTIONS = {
  site: { type: 'string' },
  lang: { type: 'string' },
  collection: { type: 'string' },
  flag: { type: 'string', multiple: true },
  'no-flag': { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  starred: { type: 'boolean' },
  unread: { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>

/** The filter options' usage text. */
export const FILTER_USAGE = '[--site S] [--lang L] [--collection C] [--flag F] [--no-flag F] [--from D] [--to D]'

/** A repeatable option's values as strings. */
export function strings(value: unknown): string[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map(String)
}

/** The flags named by a repeatable `--flag`-like option; a usage error for an unknown one. */
export function flagList(value: unknown, option: string): ArticleFlag[] {
  return strings(value).map((f) => {
    if (!(ARTICLE_FLAGS as readonly string[]).includes(f)) {
      throw new UsageError(`--${option} must be one of ${ARTICLE_FLAGS.join(', ')}`)
    }
    return f as ArticleFlag
  })
}

/** A `--from`/`--to` date option, checked; a usage error for anything else. */
export function date(value: unknown, option: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--${option} must be a date such as 2024-05-01`)
  }
  return value
}

/** A request for `query` with the filter options given (only those given are set). */
export function filteredRequest(query: string, flags: CommandContext['flags']): SearchRequest {
  const request: SearchRequest = { query }
  if (typeof flags.site === 'string') request.site = flags.site
  if (typeof flags.lang === 'string') request.language = flags.lang
  if (typeof flags.collection === 'string') request.collection = flags.collection
  const only = flagList(flags.flag, 'flag')
  const not = flagList(flags['no-flag'], 'no-flag')
  if (only.length > 0) request.flags = only
  if (not.length > 0) request.notFlags = not
  const from = date(flags.from, 'from')
  const to = date(flags.to, 'to')
  if (from) request.from = from
  if (to) request.to = to
  if (flags.starred === true) request.starred = true
  if (flags.unread === true) request.unread = true
  return request
}
