/**
 * Query parsing: lunr's own query language (`field:term +req -excl term* term~1 term^10`) through
 * lunr's `QueryParser`, plus quoted phrases, which lunr lacks. Terms go through the same analysis
 * as the indexed text. A malformed query is a `query-syntax` failure with its position.
 */
import { err, ok, type Result } from '../../shared/result'
import { fold, tokenize } from './analyzer'
import { lunr } from './lunr'
import { DEFAULT_FIELDS, FIELD_ID, FIELDS, type FieldName } from './record'

/** Whether a clause must, may or must not match. */
export type Presence = 'optional' | 'required' | 'prohibited'

/** How a clause's term finds index terms. */
export type TermMatcher =
  | { kind: 'exact'; term: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'pattern'; pattern: RegExp }
  | { kind: 'fuzzy'; term: string; distance: number }

/** One term of a query, as lunr parsed it. */
export interface QueryClause {
  fields: readonly number[]
  matcher: TermMatcher
  boost: number
  presence: Presence
}

/** A quoted phrase: its analysed words with their offsets from the first word (stop words count). */
export interface QueryPhrase {
  fields: readonly number[]
  words: { term: string; offset: number }[]
  presence: Exclude<Presence, 'optional'>
}

/** A parsed query. */
export interface ParsedQuery {
  clauses: QueryClause[]
  phrases: QueryPhrase[]
  /**
   * 'all' for a blank query (filters alone), 'positive' when some term or phrase must or may match
   * (even one that is all stop words, which then matches nothing, as in lunr), 'negated' for only -terms.
   */
  kind: 'all' | 'positive' | 'negated'
}

const PRESENCE: Record<number, Presence> = {
  [lunr.Query.presence.OPTIONAL]: 'optional',
  [lunr.Query.presence.REQUIRED]: 'required',
  [lunr.Query.presence.PROHIBITED]: 'prohibited',
}

const ALL_FIELDS: string[] = [...FIELDS]

function fieldIds(fields: string[] | undefined): readonly number[] {
  // lunr gives unscoped clauses the query's own field array; those search everything but disclaimers.
  if (!fields || fields === ALL_FIELDS) return DEFAULT_FIELDS
  return fields.map((f) => FIELD_ID[f as FieldName])
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
}

function matchersOf(raw: string, editDistance: number | undefined, usePipeline: boolean): TermMatcher[] {
  if (raw.includes('*')) {
    const folded = fold(raw)
    const stars = folded.split('*')
    if (stars.length === 2 && stars[1] === '' && stars[0] !== '') return [{ kind: 'prefix', prefix: stars[0]! }]
    if (stars.every((s) => s === '')) return []
    return [{ kind: 'pattern', pattern: new RegExp('^' + stars.map(escapeRegExp).join('.*') + '$', 'u') }]
  }
  const out: TermMatcher[] = []
  for (const token of tokenize(raw)) {
    const term = usePipeline ? token.term : fold(raw.slice(token.start, token.end))
    if (term === null) continue
    out.push(editDistance ? { kind: 'fuzzy', term, distance: editDistance } : { kind: 'exact', term })
  }
  return out
}

type LunrQueryParser = new (str: string, query: lunr.Query) => { parse(): void }

interface LunrClause {
  fields?: string[]
  term: string
  boost?: number
  editDistance?: number
  usePipeline?: boolean
  presence?: number
}

interface PhraseSpan {
  start: number
  end: number
  phrase: QueryPhrase | null
}

// An optional +/- and field name, then a quoted run: `+title:"river port"`.
const PHRASE = /([+-]?)(?:([\p{L}\p{N}_]+):)?"([^"]*)"/gu

function extractPhrases(query: string): Result<PhraseSpan[]> {
  const spans: PhraseSpan[] = []
  let covered = 0
  for (const m of query.matchAll(PHRASE)) {
    const start = m.index
    const end = start + m[0].length
    const field = m[2]
    if (field !== undefined && !(field in FIELD_ID)) {
      return err('query-syntax', `unrecognised field '${field}', possible fields: ${ALL_FIELDS.join(', ')}`, {
        start: start + m[1]!.length,
        end: start + m[1]!.length + field.length,
      })
    }
    const words = tokenize(m[3]!)
      .filter((t) => t.term !== null)
      .map((t) => ({ term: t.term!, offset: t.position }))
    const first = words[0]?.offset ?? 0
    for (const w of words) w.offset -= first
    const presence = m[1] === '-' ? 'prohibited' : 'required'
    const fields = field === undefined ? DEFAULT_FIELDS : [FIELD_ID[field as FieldName]]
    spans.push({ start, end, phrase: words.length === 0 ? null : { fields, words, presence } })
    covered = end
  }
  const stray = query.indexOf('"', covered)
  const inside = spans.some((s) => stray >= s.start && stray < s.end)
  if (stray >= 0 && !inside) return err('query-syntax', 'unclosed quote', { start: stray, end: query.length })
  return ok(spans)
}

/** Parses a query; an empty or blank query gives no clauses (filters alone). */
export function parseQuery(query: string): Result<ParsedQuery> {
  const spans = extractPhrases(query)
  if (!spans.ok) return spans
  // Phrases are blanked out (same length, so lunr's error positions still point into the original).
  let rest = query
  for (const s of spans.value) rest = rest.slice(0, s.start) + ' '.repeat(s.end - s.start) + rest.slice(s.end)
  const phrases = spans.value.flatMap((s) => (s.phrase ? [s.phrase] : []))
  const clauses: QueryClause[] = []
  let positive = spans.value.some((s) => s.phrase?.presence !== 'prohibited')
  if (rest.trim() !== '') {
    const q = new lunr.Query(ALL_FIELDS)
    try {
      new (lunr as unknown as { QueryParser: LunrQueryParser }).QueryParser(rest, q).parse()
    } catch (e) {
      if (e instanceof lunr.QueryParseError) {
        const pe = e as lunr.QueryParseError & { start: number; end: number }
        return err('query-syntax', pe.message, { start: pe.start, end: pe.end })
      }
      return err('query-syntax', e instanceof Error ? e.message : 'the query cannot be read', {
        start: 0,
        end: query.length,
      })
    }
    for (const c of q.clauses as LunrClause[]) {
      const presence = PRESENCE[c.presence ?? lunr.Query.presence.OPTIONAL] ?? 'optional'
      if (presence !== 'prohibited') positive = true
      const fields = fieldIds(c.fields)
      for (const matcher of matchersOf(c.term, c.editDistance, c.usePipeline !== false)) {
        clauses.push({ fields, matcher, boost: c.boost ?? 1, presence })
      }
    }
  }
  const blank = query.trim() === ''
  return ok({ clauses, phrases, kind: blank ? 'all' : positive ? 'positive' : 'negated' })
}
