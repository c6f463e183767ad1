/**
 * Query parsing: lunr's own query language (`field:term +req -excl term* term~1 term^10`) through
 * lunr's `QueryParser`, plus what lunr lacks: quoted phrases (those exact words, in order) and the
 * operators AND, OR and NOT in capitals. Terms go through the same analysis as the indexed text.
 * A malformed query is a `query-syntax` failure with its position.
 *
 * Operators join their neighbours without precedence: `a AND b` makes both required, `a OR b` leaves
 * both optional (a phrase too), `NOT a` excludes `a`. AND and OR in one query would need parentheses,
 * which are not supported, so mixing them is a syntax error rather than a silent guess.
 */
import { err, ok, type Result } from '../../shared/result'
import { analyzeQueryWord, eachWord, fold, tokenize } from './analyzer'
import { lunr } from './lunr'
import { DEFAULT_FIELDS, FIELD_ID, FIELDS, type FieldName } from './record'

/** Whether a clause must, may or must not match. */
export type Presence = 'optional' | 'required' | 'prohibited'

/** The largest fuzzy edit distance searched; larger ones are capped (they would match most of the vocabulary). */
export const MAX_EDIT_DISTANCE = 2

/** How a clause's term finds index terms. */
export type TermMatcher =
  /** `also`: the word's analyses in other languages, when they differ (some Cyrillic words). */
  | { kind: 'exact'; term: string; also?: string[] }
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

/** A phrase word's analysed term and its offset from the phrase's first analysed word (stop words count). */
export interface PhraseWord {
  term: string
  offset: number
}

/** A quoted phrase: its exact words, and their analysed terms for finding candidate documents. */
export interface QueryPhrase {
  fields: readonly number[]
  /** Every word of the phrase, folded (stop words included): what a match must hold, in order. */
  exact: string[]
  words: PhraseWord[]
  /** The same words analysed as other languages would, when that differs (some Cyrillic words). */
  variants?: PhraseWord[][]
  presence: Presence
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
  /** Words left out as too common (stop words), as typed. */
  stopWords: string[]
  /** What the query asked for and did not get, one sentence each (e.g. a capped edit distance). */
  adjustments: string[]
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

function matchersOf(
  raw: string,
  editDistance: number | undefined,
  usePipeline: boolean,
  notes: { stopWords: string[]; adjustments: string[] },
): TermMatcher[] {
  if (editDistance !== undefined && editDistance > MAX_EDIT_DISTANCE) {
    notes.adjustments.push(
      `The edit distance of "${raw}~${editDistance}" was capped at ${MAX_EDIT_DISTANCE}: larger ones match almost any word.`,
    )
    editDistance = MAX_EDIT_DISTANCE
  }
  if (raw.includes('*')) {
    const folded = fold(raw)
    const stars = folded.split('*')
    if (stars.length === 2 && stars[1] === '' && stars[0] !== '') return [{ kind: 'prefix', prefix: stars[0]! }]
    if (stars.every((s) => s === '')) return []
    return [{ kind: 'pattern', pattern: new RegExp('^' + stars.map(escapeRegExp).join('.*') + '$', 'u') }]
  }
  const out: TermMatcher[] = []
  for (const token of tokenize(raw)) {
    const word = raw.slice(token.start, token.end)
    const terms = usePipeline ? analyzeQueryWord(word) : [fold(word)]
    if (terms.length === 0) {
      notes.stopWords.push(word)
      continue
    }
    const [term, ...also] = terms as [string, ...string[]]
    if (editDistance) out.push({ kind: 'fuzzy', term, distance: editDistance })
    else out.push(also.length > 0 ? { kind: 'exact', term, also } : { kind: 'exact', term })
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
  text: string
}

function phraseWords(text: string, language?: 'ru' | 'uk'): PhraseWord[] {
  const words = tokenize(text, language)
    .filter((t) => t.term !== null)
    .map((t) => ({ term: t.term!, offset: t.position }))
  const first = words[0]?.offset ?? 0
  for (const w of words) w.offset -= first
  return words
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
    const text = m[3]!
    const exact: string[] = []
    eachWord(text, (s, e) => {
      exact.push(fold(text.slice(s, e)))
    })
    const words = phraseWords(text)
    const variants = (['ru', 'uk'] as const)
      .map((language) => phraseWords(text, language))
      .filter((v) => v.length === words.length && v.some((w, i) => w.term !== words[i]!.term))
    const presence = m[1] === '-' ? 'prohibited' : 'required'
    const fields = field === undefined ? DEFAULT_FIELDS : [FIELD_ID[field as FieldName]]
    const phrase: QueryPhrase = { fields, exact, words, presence }
    if (variants.length > 0) phrase.variants = variants
    spans.push({ start, end, phrase: words.length === 0 ? null : phrase, text })
    covered = end
  }
  const stray = query.indexOf('"', covered)
  const inside = spans.some((s) => stray >= s.start && stray < s.end)
  if (stray >= 0 && !inside) return err('query-syntax', 'unclosed quote', { start: stray, end: query.length })
  return ok(spans)
}

type Operator = 'AND' | 'OR' | 'NOT'

/** A piece of the query: an operator, a quoted phrase or a lunr term (`+title:port^2`). */
type Item =
  | { kind: 'op'; op: Operator; start: number; end: number }
  | { kind: 'phrase'; span: PhraseSpan; start: number; end: number }
  | { kind: 'term'; text: string; start: number; end: number }

function itemsOf(query: string, spans: PhraseSpan[]): Item[] {
  // Phrases are blanked out (same length, so positions still point into the original).
  let rest = query
  for (const s of spans) rest = rest.slice(0, s.start) + ' '.repeat(s.end - s.start) + rest.slice(s.end)
  const items: Item[] = spans.map((span) => ({ kind: 'phrase', span, start: span.start, end: span.end }))
  for (const m of rest.matchAll(/\S+/g)) {
    const text = m[0]
    const start = m.index
    const end = start + text.length
    if (text === 'AND' || text === 'OR' || text === 'NOT') items.push({ kind: 'op', op: text, start, end })
    else items.push({ kind: 'term', text, start, end })
  }
  return items.sort((a, b) => a.start - b.start)
}

function syntaxError<T>(message: string, item: { start: number; end: number }): Result<T> {
  return err('query-syntax', message, { start: item.start, end: item.end })
}

/** The presence each operand gets from the operators around it (null: as written). */
function operandPresence(items: Item[]): Result<(Presence | null)[]> {
  const presence: (Presence | null)[] = items.map(() => null)
  const isOperand = (i: number) => i >= 0 && i < items.length && items[i]!.kind !== 'op'
  let joiner: Extract<Item, { kind: 'op' }> | null = null
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    if (item.kind !== 'op') continue
    if (item.op === 'NOT') {
      if (!isOperand(i + 1)) return syntaxError('NOT needs a word or phrase after it', item)
      presence[i + 1] = 'prohibited'
      continue
    }
    const next = items[i + 1]?.kind === 'op' && (items[i + 1] as { op: Operator }).op === 'NOT' ? i + 2 : i + 1
    if (!isOperand(i - 1) || !isOperand(next)) {
      return syntaxError(`${item.op} needs a word or phrase on each side`, item)
    }
    if (joiner && joiner.op !== item.op) {
      return syntaxError('AND and OR cannot be mixed without parentheses; use +word and -word instead', item)
    }
    joiner = item
  }
  if (!joiner) return ok(presence)
  // With AND every operand is required; with OR every one is optional (an excluded one stays excluded).
  for (let i = 0; i < items.length; i++) {
    if (items[i]!.kind === 'op' || presence[i] === 'prohibited') continue
    presence[i] = joiner.op === 'AND' ? 'required' : 'optional'
  }
  return ok(presence)
}

function lunrClauses(item: { text: string; start: number }): Result<LunrClause[]> {
  const q = new lunr.Query(ALL_FIELDS)
  try {
    new (lunr as unknown as { QueryParser: LunrQueryParser }).QueryParser(item.text, q).parse()
  } catch (e) {
    if (e instanceof lunr.QueryParseError) {
      const pe = e as lunr.QueryParseError & { start: number; end: number }
      return err('query-syntax', pe.message, { start: item.start + pe.start, end: item.start + pe.end })
    }
    return err('query-syntax', e instanceof Error ? e.message : 'the query cannot be read', {
      start: item.start,
      end: item.start + item.text.length,
    })
  }
  return ok(q.clauses as LunrClause[])
}

/** Parses a query; an empty or blank query gives no clauses (filters alone). */
export function parseQuery(query: string): Result<ParsedQuery> {
  const spans = extractPhrases(query)
  if (!spans.ok) return spans
  const items = itemsOf(query, spans.value)
  const presences = operandPresence(items)
  if (!presences.ok) return presences
  const notes = { stopWords: [] as string[], adjustments: [] as string[] }
  const clauses: QueryClause[] = []
  const phrases: QueryPhrase[] = []
  let positive = false
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    const forced = presences.value[i]!
    if (item.kind === 'op') continue
    if (item.kind === 'phrase') {
      const phrase = item.span.phrase
      const presence =
        forced === 'prohibited' || phrase?.presence === 'prohibited' ? 'prohibited' : (forced ?? 'required')
      if (presence !== 'prohibited') positive = true
      if (phrase) phrases.push({ ...phrase, presence })
      else if (presence !== 'prohibited') notes.stopWords.push(...item.span.text.split(/\s+/).filter(Boolean))
      continue
    }
    const parsed = lunrClauses(item)
    if (!parsed.ok) return parsed
    for (const c of parsed.value) {
      let presence = PRESENCE[c.presence ?? lunr.Query.presence.OPTIONAL] ?? 'optional'
      if (forced === 'prohibited') presence = 'prohibited'
      else if (forced === 'required' && presence === 'optional') presence = 'required'
      if (presence !== 'prohibited') positive = true
      const fields = fieldIds(c.fields)
      const stopWords = presence === 'prohibited' ? { stopWords: [], adjustments: notes.adjustments } : notes
      for (const matcher of matchersOf(c.term, c.editDistance, c.usePipeline !== false, stopWords)) {
        clauses.push({ fields, matcher, boost: c.boost ?? 1, presence })
      }
    }
  }
  const blank = query.trim() === ''
  return ok({
    clauses,
    phrases,
    kind: blank ? 'all' : positive ? 'positive' : 'negated',
    ...notes,
  })
}
