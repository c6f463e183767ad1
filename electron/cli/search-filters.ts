/**
 * The search filters every command that takes a query shares (`search`, `saved add`, `export --query`): their
 * options and how they become a SearchRequest, stated once.
 */
import type { ParseArgsConfig } from 'node:util'
import { ARTICLE_FLAGS, type ArticleFlag, type SearchRequest } from '../shared/models'
import { UsageError, type CommandContext } from './command'

const DATE = /^\d{4}-\d{2}-\d{2}/

/** What a command calls the date range's two ends (both inclusive). */
export interface DateOptionNames {
  from: string
  to: string
}

/** `--from D` and `--to D`, as most commands spell the date range. */
export const DATE_OPTIONS = { from: 'from', to: 'to' } as const satisfies DateOptionNames

/** `--since D` and `--until D`, for a command whose `--to` is something else (`export --to DIR`). */
export const SINCE_UNTIL = { from: 'since', to: 'until' } as const satisfies DateOptionNames

const OTHER_OPTIONS = {
  site: { type: 'string' },
  lang: { type: 'string' },
  collection: { type: 'string' },
  flag: { type: 'string', multiple: true },
  'no-flag': { type: 'string', multiple: true },
  starred: { type: 'boolean' },
  unread: { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>

/** The filter options, as `parseArgs` reads them, with the date range's ends named as given. */
export function filterOptions<D extends DateOptionNames>(
  dates: D,
): typeof OTHER_OPTIONS & Record<D['from'] | D['to'], { type: 'string' }> {
  const date = { type: 'string' } as const
  return { ...OTHER_OPTIONS, [dates.from]: date, [dates.to]: date } as typeof OTHER_OPTIONS &
    Record<D['from'] | D['to'], { type: 'string' }>
}

/** The filter options with `--from`/`--to`. */
export const FILTER_OPTIONS = filterOptions(DATE_OPTIONS)

/** The filter options' usage text, with the date range's ends named as given. */
export function filterUsage(dates: DateOptionNames = DATE_OPTIONS): string {
  return `[--site S] [--lang L] [--collection C] [--flag F] [--no-flag F] [--${dates.from} D] [--${dates.to} D]`
}

/** The filter options' usage text with `--from`/`--to`. */
export const FILTER_USAGE = filterUsage()

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

/** A date option (`--from`, `--until`, …), checked; a usage error for anything else. */
export function date(value: unknown, option: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--${option} must be a date such as 2024-05-01`)
  }
  return value
}

/** A request for `query` with the filter options given (only those given are set); `dates` names the range's ends. */
export function filteredRequest(
  query: string,
  flags: CommandContext['flags'],
  dates: DateOptionNames = DATE_OPTIONS,
): SearchRequest {
  const request: SearchRequest = { query }
  if (typeof flags.site === 'string') request.site = flags.site
  if (typeof flags.lang === 'string') request.language = flags.lang
  if (typeof flags.collection === 'string') request.collection = flags.collection
  const only = flagList(flags.flag, 'flag')
  const not = flagList(flags['no-flag'], 'no-flag')
  if (only.length > 0) request.flags = only
  if (not.length > 0) request.notFlags = not
  const from = date(flags[dates.from], dates.from)
  const to = date(flags[dates.to], dates.to)
  if (from) request.from = from
  if (to) request.to = to
  if (flags.starred === true) request.starred = true
  if (flags.unread === true) request.unread = true
  return request
}
