import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../../electron/core/search/query'
import { DEFAULT_FIELDS, FIELD_ID } from '../../../electron/core/search/record'

function parsed(query: string) {
  const r = parseQuery(query)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('parseQuery', () => {
  it('reads lunr clauses with fields, presence, boosts, wildcards and edit distance', () => {
    const q = parsed('title:Bridges +port -grain harb* riv~1 tide^3')
    expect(q.clauses.map((c) => [c.presence, c.matcher.kind, c.boost])).toEqual([
      ['optional', 'exact', 1],
      ['required', 'exact', 1],
      ['prohibited', 'exact', 1],
      ['optional', 'prefix', 1],
      ['optional', 'fuzzy', 1],
      ['optional', 'exact', 3],
    ])
    expect(q.clauses[0]!.fields).toEqual([FIELD_ID.title])
    expect(q.clauses[0]!.matcher).toEqual({ kind: 'exact', term: 'bridg' })
    expect(q.clauses[1]!.fields).toEqual(DEFAULT_FIELDS)
  })

  it('leaves disclaimers out of unscoped clauses and phrases', () => {
    const q = parsed('port "river port"')
    expect(q.clauses[0]!.fields).not.toContain(FIELD_ID.disclaimer)
    expect(q.phrases[0]!.fields).not.toContain(FIELD_ID.disclaimer)
    expect(parsed('disclaimer:automatic').clauses[0]!.fields).toEqual([FIELD_ID.disclaimer])
  })

  it('reads quoted phrases with their word offsets, field and sign', () => {
    const q = parsed('-title:"port of London" "river port"')
    expect(q.phrases).toEqual([
      {
        fields: [FIELD_ID.title],
        presence: 'prohibited',
        exact: ['port', 'of', 'london'],
        words: [
          { term: 'port', offset: 0 },
          { term: 'london', offset: 2 },
        ],
      },
      {
        fields: DEFAULT_FIELDS,
        presence: 'required',
        exact: ['river', 'port'],
        words: [
          { term: 'river', offset: 0 },
          { term: 'port', offset: 1 },
        ],
      },
    ])
    expect(q.clauses).toEqual([])
  })

  it('tells a blank query, one of stop words and one of only prohibited terms apart', () => {
    expect(parsed('the of').kind).toBe('positive')
    expect(parsed('"the"').kind).toBe('positive')
    expect(parsed('-port -"river port"').kind).toBe('negated')
  })

  it('gives an empty query no clauses', () => {
    expect(parsed('   ')).toEqual({ clauses: [], phrases: [], kind: 'all', stopWords: [], adjustments: [] })
  })

  it('turns AND, OR and NOT into presence, and refuses AND mixed with OR', () => {
    const presence = (q: string) => parsed(q).clauses.map((c) => c.presence)
    expect(presence('oil AND prices')).toEqual(['required', 'required'])
    expect(presence('oil OR gas')).toEqual(['optional', 'optional'])
    expect(presence('oil NOT gas')).toEqual(['optional', 'prohibited'])
    expect(parsed('"oil price" OR gas').phrases[0]!.presence).toBe('optional')
    expect(parsed('NOT "oil price"').phrases[0]!.presence).toBe('prohibited')
    const mixed = parseQuery('oil AND gas OR coal')
    expect(mixed.ok).toBe(false)
    if (!mixed.ok) expect('oil AND gas OR coal'.slice(mixed.error.start, mixed.error.end)).toBe('OR')
  })

  it('names the stop words it left out and caps the edit distance', () => {
    expect(parsed('the port of').stopWords).toEqual(['the', 'of'])
    const q = parsed('harbor~9')
    expect(q.clauses[0]!.matcher).toEqual({ kind: 'fuzzy', term: 'harbor', distance: 2 })
    expect(q.adjustments).toHaveLength(1)
  })

  it('points a syntax error at its place in the query', () => {
    const cases: [string, string][] = [
      ['port nosuch:x', 'nosuch'],
      ['port "river', '"river'],
      ['port nope:"river port"', 'nope'],
    ]
    for (const [query, at] of cases) {
      const r = parseQuery(query)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('query-syntax')
        expect(query.slice(r.error.start, r.error.end)).toBe(at)
      }
    }
  })
})
