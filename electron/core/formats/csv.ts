/**
 * CSV/TSV news datasets: one article per row, columns found by the JSON field names (./fields).
 *
 * The delimiter (`,` `;` tab) is taken from the first line, quoting (multi-line bodies) is csv-parse's. A file without
 * a header row (10kGNAD's `label;text`) reads too: the longest column is the text, a short one the category.
 */
import { parse } from 'csv-parse/sync'
import { FIELD_ALIASES, lowerKeys, pick } from './fields'
import { recordToArticle } from './json'
import { isLinkExport, linksFromRows } from './links'
import type { ParsedArticle, ParseOutcome } from './types'

/** The delimiters a dataset may use, in order of preference on a tie. */
const DELIMITERS = [',', ';', '\t'] as const

/** Every field name JSON knows, lower-case: a first row made of these is a header. */
const KNOWN_NAMES: ReadonlySet<string> = new Set(Object.values(FIELD_ALIASES).flat())

/** A label column is shorter than this on average (characters). */
const LABEL_MAX = 40

/** How a file separates and quotes its cells. */
export interface Dialect {
  delimiter: string
  quote: string
}

/**
 * The dialect of a file from its first line: a short first cell followed by a delimiter and a quote (`label;'text'`,
 * as 10kGNAD writes) says both; otherwise the delimiter used most often outside double quotes, quoted with `"`.
 */
export function detectDialect(content: string, forced?: string): Dialect {
  const end = content.indexOf('\n')
  const firstLine = end < 0 ? content : content.slice(0, end)
  const quoted = /^[^,;\t"']{1,60}([,;\t])(["'])/.exec(firstLine)
  if (quoted && (!forced || forced === quoted[1])) return { delimiter: quoted[1]!, quote: quoted[2]! }
  if (forced) return { delimiter: forced, quote: '"' }
  const unquoted = firstLine.replace(/"[^"]*"/g, '')
  let best: string = DELIMITERS[0]
  let bestCount = 0
  for (const delimiter of DELIMITERS) {
    const count = unquoted.split(delimiter).length - 1
    if (count > bestCount) {
      best = delimiter
      bestCount = count
    }
  }
  return { delimiter: best, quote: '"' }
}

/** One parsed row and the line it ends on. */
interface Row {
  cells: string[]
  line: number
}

/** Reads the rows; a malformed file is a reason, not a throw. */
function readRows(content: string, { delimiter, quote }: Dialect): Row[] | string {
  try {
    const rows = parse(content, {
      delimiter,
      quote,
      bom: true,
      info: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]
    return rows.map(({ record, info }) => ({ cells: record, line: info.lines }))
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/** True when a first row names columns (any cell is a known field name) rather than holding data. */
function isHeader(cells: string[]): boolean {
  return cells.some((cell) => KNOWN_NAMES.has(cell.trim().toLowerCase()))
}

/** For a headerless file: the text column (longest on average) and a short label column, if any. */
function guessColumns(rows: Row[]): string[] {
  const width = Math.max(...rows.map((row) => row.cells.length))
  const sample = rows.slice(0, 200)
  const lengths = Array.from({ length: width }, (_, i) => {
    const total = sample.reduce((sum, row) => sum + (row.cells[i]?.length ?? 0), 0)
    return total / sample.length
  })
  const textColumn = lengths.indexOf(Math.max(...lengths))
  const names = lengths.map(() => '')
  names[textColumn] = 'text'
  const label = lengths.findIndex((length, i) => i !== textColumn && length > 0 && length < LABEL_MAX)
  if (label >= 0) names[label] = 'category'
  return names
}

/** Parses a decoded .csv or .tsv file (`delimiter` forced for .tsv, else detected). */
export function parseCsv(content: string, delimiter?: string): ParseOutcome {
  const rows = readRows(content, detectDialect(content, delimiter))
  if (typeof rows === 'string') return { ok: false, reason: `not a readable CSV file: ${rows}` }
  if (rows.length === 0) return { ok: false, reason: 'no rows in the file' }
  const header = isHeader(rows[0]!.cells)
  if (header && isLinkExport(rows[0]!.cells)) {
    const links = linksFromRows(
      rows[0]!.cells,
      rows.slice(1).map((row) => row.cells),
    )
    return { ok: true, articles: [], warnings: [], links }
  }
  const names = header ? rows[0]!.cells.map((cell) => cell.trim()) : guessColumns(rows)
  const data = header ? rows.slice(1) : rows
  const articles: { index: number; article: ParsedArticle }[] = []
  const warnings: string[] = []
  data.forEach((row, index) => {
    const record: Record<string, string> = {}
    names.forEach((name, i) => {
      if (name !== '' && row.cells[i] !== undefined) record[name] = row.cells[i]!
    })
    const text = pick(lowerKeys(record), 'text')
    if (typeof text !== 'string' || text.trim() === '') {
      warnings.push(`line ${row.line}: no text`)
      return
    }
    const result = recordToArticle(record)
    if ('article' in result) articles.push({ index, article: result.article })
    else warnings.push(`line ${row.line}: ${result.problem}`)
  })
  if (articles.length > 0) return { ok: true, articles, warnings }
  if (!header && names.every((name) => name === '')) return { ok: false, reason: 'no text column found' }
  return {
    ok: false,
    reason: `no usable rows (${warnings.slice(0, 3).join('; ')}${warnings.length > 3 ? `; and ${warnings.length - 3} more` : ''})`,
  }
}
