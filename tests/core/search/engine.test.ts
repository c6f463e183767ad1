import { describe, expect, it } from 'vitest'
import lunrDefault from 'lunr'
import { buildInThread } from '../../../electron/core/search/builder-pool'
import { SearchEngine } from '../../../electron/core/search/engine'
import { analyzeWord, lunrAnalyze, lunrTokenizer } from '../../../electron/core/search/analyzer'
import { FIELD_BOOST, FIELDS, fieldValues, type SearchRecord } from '../../../electron/core/search/record'
import type { SearchRequest, SearchResponse } from '../../../electron/shared/models'
import { fillerRecords, record, sampleRecords } from './records'

async function engineOf(records: SearchRecord[], shardSize = 2): Promise<SearchEngine> {
  const engine = new SearchEngine({ shardSize })
  await engine.buildFrom(records, buildInThread)
  return engine
}

function run(engine: SearchEngine, request: Partial<SearchRequest> & { query: string }): SearchResponse {
  const result = engine.search({ limit: 50, ...request })
  if (!result.ok) throw new Error(`search failed: ${result.error.message}`)
  return result.value
}

const ids = (r: SearchResponse) => r.hits.map((h) => h.id).sort()

describe('SearchEngine', () => {
  it('finds a word in any default field and ranks title matches first', async () => {
    const engine = await engineOf([
      record('body', 'Weather report', 'Rain fell. The lighthouse keeper stayed in.'),
      record('title', 'Lighthouse restored', 'Workers painted the tower white.'),
      record('none', 'Market day', 'Apples were cheap.'),
    ])
    const r = run(engine, { query: 'lighthouse' })
    expect(r.hits.map((h) => h.id)).toEqual(['title', 'body'])
    expect(r.total).toBe(2)
  })

  it('stems English words so a plural finds the singular', async () => {
    const engine = await engineOf(sampleRecords())
    expect(ids(run(engine, { query: 'bridges' }))).toEqual(['en/dredge', 'en/port'])
  })

  it('finds Russian words in other forms (мост finds «моста»)', async () => {
    const engine = await engineOf(sampleRecords())
    expect(ids(run(engine, { query: 'мост' }))).toEqual(['ru/most'])
    expect(ids(run(engine, { query: 'моста' }))).toEqual(['ru/most'])
  })

  it('folds case, diacritics and ё', async () => {
    const engine = await engineOf(sampleRecords())
    expect(ids(run(engine, { query: 'CAFE' }))).toEqual(['en/cafe'])
    expect(ids(run(engine, { query: 'resumes' }))).toEqual(['en/cafe'])
    expect(ids(run(engine, { query: 'елки' }))).toEqual(['ru/vybory'])
    expect(ids(run(engine, { query: 'Ёлки' }))).toEqual(['ru/vybory'])
  })

  it('keeps й distinct from и', () => {
    expect(analyzeWord('район')).not.toBe(analyzeWord('раион'))
  })

  it('matches a quoted phrase only with its words next to each other in order', async () => {
    const engine = await engineOf([
      record('in-order', 'One', 'The river port is busy.'),
      record('reversed', 'Two', 'The port river is busy.'),
      record('apart', 'Three', 'The river near the port is busy.'),
    ])
    expect(ids(run(engine, { query: '"river port"' }))).toEqual(['in-order'])
    expect(ids(run(engine, { query: '"port river"' }))).toEqual(['reversed'])
    expect(ids(run(engine, { query: 'river port' }))).toEqual(['apart', 'in-order', 'reversed'])
  })

  it('matches the stop words inside a phrase as written', async () => {
    const engine = await engineOf([
      record('a', 'One', 'The port of London is old.'),
      record('b', 'Two', 'The port near London is old.'),
      record('c', 'Three', 'The port London deal.'),
    ])
    expect(ids(run(engine, { query: '"port of london"' }))).toEqual(['a'])
  })

  it('excludes documents holding a prohibited phrase', async () => {
    const engine = await engineOf([record('a', 'One', 'river port here'), record('b', 'Two', 'river and port here')])
    expect(ids(run(engine, { query: 'river -"river port"' }))).toEqual(['b'])
  })

  it('supports lunr fields, required and prohibited terms, prefixes, fuzzy terms and boosts', async () => {
    const engine = await engineOf(sampleRecords())
    expect(ids(run(engine, { query: 'title:river' }))).toEqual(['en/port'])
    expect(ids(run(engine, { query: '+port +bridge' }))).toEqual(['en/dredge', 'en/port'])
    expect(ids(run(engine, { query: '+port -grain' }))).toEqual(['en/dredge'])
    expect(ids(run(engine, { query: 'dredg*' }))).toEqual(['en/dredge'])
    expect(ids(run(engine, { query: 'turnuot~2' }))).toEqual(['en/election'])
    expect(ids(run(engine, { query: 'author:lane' }))).toEqual(['en/port'])
    expect(ids(run(engine, { query: 'category:business' }))).toEqual(['en/port'])
    const plain = run(engine, { query: 'barge election' }).hits.map((h) => h.id)
    const boosted = run(engine, { query: 'barge election^10' }).hits.map((h) => h.id)
    expect(boosted[0]).toBe('en/election')
    expect(plain).toContain('en/election')
  })

  it('treats a query of only prohibited terms as everything else', async () => {
    const engine = await engineOf(sampleRecords())
    expect(run(engine, { query: '-port' }).total).toBe(4)
  })

  it('finds nothing for words absent from the index or only stop words', async () => {
    const engine = await engineOf(sampleRecords())
    expect(run(engine, { query: 'xylophone' }).total).toBe(0)
    expect(run(engine, { query: 'xylophone~1 zzz*' }).total).toBe(0)
    expect(run(engine, { query: 'the' }).total).toBe(0)
  })

  it('never matches a disclaimer-only word with a plain query, but does with disclaimer:', async () => {
    const engine = await engineOf(sampleRecords())
    expect(run(engine, { query: 'programmatic' }).total).toBe(0)
    expect(ids(run(engine, { query: 'disclaimer:programmatic' }))).toEqual(['en/election'])
    expect(ids(run(engine, { query: 'disclaimer:редактора' }))).toEqual(['ru/most'])
  })

  it('returns a malformed query as a query-syntax failure with its position', async () => {
    const engine = await engineOf(sampleRecords())
    const unknownField = engine.search({ query: 'river nosuch:port' })
    expect(unknownField.ok).toBe(false)
    if (!unknownField.ok) {
      expect(unknownField.error.code).toBe('query-syntax')
      expect('river nosuch:port'.slice(unknownField.error.start, unknownField.error.end)).toBe('nosuch')
    }
    for (const bad of ['"river port', 'river^x', 'port~', 'title:', '+']) {
      const r = engine.search({ query: bad })
      expect(r.ok ? 'ok' : r.error.code).toBe('query-syntax')
    }
  })

  it('filters by site, language, collection, flags, missing flags and dates, with an empty query', async () => {
    const engine = await engineOf(sampleRecords())
    expect(ids(run(engine, { query: '', site: 'novosti.example' }))).toEqual(['ru/most', 'ru/vybory'])
    expect(ids(run(engine, { query: '', language: 'ru' }))).toEqual(['ru/most', 'ru/vybory'])
    expect(ids(run(engine, { query: '', collection: 'politics' }))).toEqual(['en/cafe', 'en/election', 'ru/vybory'])
    expect(ids(run(engine, { query: '', flags: ['machine-translated'] }))).toEqual(['en/election', 'ru/most'])
    expect(ids(run(engine, { query: '', flags: ['machine-translated', 'auto-published'] }))).toEqual(['en/election'])
    expect(run(engine, { query: '', notFlags: ['machine-translated'] }).total).toBe(4)
    expect(ids(run(engine, { query: '', from: '2024-03-04', to: '2024-04-02' }))).toEqual(['en/port', 'ru/most'])
    expect(ids(run(engine, { query: 'port', site: 'valley-times.example' }))).toEqual(['en/dredge'])
    expect(run(engine, { query: '', site: 'unknown.example' }).total).toBe(0)
  })

  it('sorts an empty query by date, newest first, undated last', async () => {
    const engine = await engineOf(sampleRecords())
    expect(run(engine, { query: '' }).hits.map((h) => h.id)).toEqual([
      'en/election',
      'ru/most',
      'en/port',
      'en/dredge',
      'ru/vybory',
      'en/cafe',
    ])
    expect(run(engine, { query: 'port river', sort: 'date' }).hits.map((h) => h.id)).toEqual(['en/port', 'en/dredge'])
  })

  it('pages with limit and offset while total counts everything', async () => {
    const engine = await engineOf(sampleRecords())
    const all = run(engine, { query: '' }).hits.map((h) => h.id)
    const page = run(engine, { query: '', limit: 2, offset: 2 })
    expect(page.total).toBe(6)
    expect(page.hits.map((h) => h.id)).toEqual(all.slice(2, 4))
  })

  it('counts facets over the whole result set, not just the page', async () => {
    const engine = await engineOf(sampleRecords())
    const r = run(engine, { query: '', limit: 1 })
    expect(r.facets.site).toEqual({ 'harbour-news.example': 2, 'valley-times.example': 2, 'novosti.example': 2 })
    expect(r.facets.language).toEqual({ en: 4, ru: 2 })
    expect(r.facets.flag).toEqual({ 'machine-translated': 2, opinion: 1, 'auto-published': 1 })
    expect(r.facets.year).toEqual({ '2024': 3, '2023': 2 })
    expect(r.facets.collection).toEqual({ politics: 2, 'politics/local': 1 })
  })

  it('gives match ranges that point at the matched words in the text', async () => {
    const records = sampleRecords()
    const engine = await engineOf(records)
    for (const [query, word] of [
      ['bridge', 'bridge'],
      ['мост', 'мост'],
      ['CAFE', 'cafe'],
    ] as const) {
      for (const hit of run(engine, { query }).hits) {
        const text = records.find((r) => r.id === hit.id)!.text
        expect(hit.matches.length).toBeGreaterThan(0)
        for (const [start, end] of hit.matches) {
          expect(analyzeWord(text.slice(start, end))).toBe(analyzeWord(word))
        }
      }
    }
  })

  it('marks a phrase as one range and only where it stands in order', async () => {
    const text = 'A river port. The port river. Another river port.'
    const engine = await engineOf([record('a', 'One', text)])
    const [hit] = run(engine, { query: '"river port"' }).hits
    expect(hit!.matches.map(([s, e]) => text.slice(s, e))).toEqual(['river port', 'river port'])
  })

  it('gives a short snippet around the matches with ranges inside it', async () => {
    const filler = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ')
    const text = `${filler} the lighthouse keeper climbed the lighthouse stairs. ${filler}`
    const engine = await engineOf([record('a', 'One', text)])
    const [hit] = run(engine, { query: 'lighthouse' }).hits
    expect(hit!.snippet.split(/\s+/).length).toBeLessThanOrEqual(34)
    expect(hit!.snippetMatches).toHaveLength(2)
    for (const [s, e] of hit!.snippetMatches) expect(hit!.snippet.slice(s, e)).toBe('lighthouse')
    expect(hit!.matches).toHaveLength(2)
  })

  it('reflects added, changed and removed records, rebuilding only the shards that hold them', async () => {
    const engine = await engineOf(fillerRecords(20), 5)
    const before = engine.shards.map((s) => s.segment)
    const { changed } = await engine.apply(
      [record('filler/3', 'Lighthouse', 'lighthouse keeper'), record('new/1', 'Zeppelin', 'a zeppelin flew over')],
      ['filler/7'],
      buildInThread,
    )
    expect(changed.length).toBeLessThanOrEqual(3)
    expect(engine.shards.filter((s) => before.includes(s.segment)).length).toBeGreaterThanOrEqual(1)
    expect(ids(run(engine, { query: 'lighthouse' }))).toEqual(['filler/3'])
    expect(ids(run(engine, { query: 'zeppelin' }))).toEqual(['new/1'])
    expect(run(engine, { query: '' }).hits.map((h) => h.id)).not.toContain('filler/7')
    expect(engine.size).toBe(20)
  })

  it('replaces a changed document without rebuilding its full shard, then compacts a worn shard', async () => {
    const engine = await engineOf(fillerRecords(40), 10)
    const full = engine.shards.map((s) => s.segment)
    await engine.apply([record('filler/3', 'Lighthouse', 'lighthouse keeper')], [], buildInThread)
    // The old copy is a tombstone in its untouched shard; the new one lives in a new small shard.
    expect(engine.shards.filter((s) => full.includes(s.segment))).toHaveLength(4)
    expect(ids(run(engine, { query: 'lighthouse' }))).toEqual(['filler/3'])
    expect(run(engine, { query: '' }).total).toBe(40)
    const holder = engine.shards.find((s) => s.segment.docs.some((d) => d.id === 'filler/0'))!
    const victims = holder.segment.docs.slice(0, 4).map((d) => d.id)
    await engine.apply([], victims, buildInThread)
    expect(engine.shards.map((s) => s.segment)).not.toContain(holder.segment)
    expect(run(engine, { query: '' }).total).toBe(40 - victims.length)
    for (const id of victims) expect(run(engine, { query: '' }).hits.map((h) => h.id)).not.toContain(id)
  })

  it('keeps fuzzy and wildcard terms in step with added and removed documents', async () => {
    const engine = await engineOf(fillerRecords(12), 4)
    expect(run(engine, { query: 'zepelin~1' }).total).toBe(0)
    await engine.apply([record('new/z', 'Zeppelin', 'a zeppelin')], [], buildInThread)
    expect(ids(run(engine, { query: 'zepelin~1' }))).toEqual(['new/z'])
    expect(ids(run(engine, { query: '*ppelin' }))).toEqual(['new/z'])
    await engine.apply([], ['new/z'], buildInThread)
    expect(run(engine, { query: 'zepelin~1' }).total).toBe(0)
  })

  it('scores the same across shards as in one index', async () => {
    const records = [...sampleRecords(), ...fillerRecords(60)]
    const one = await engineOf(records, 1000)
    const many = await engineOf(records, 7)
    expect(many.shards.length).toBeGreaterThan(5)
    for (const query of ['river', 'port barge', 'мост город', 'bri*', 'harbor~1', '"river port"', '+port -grain']) {
      const a = run(one, { query })
      const b = run(many, { query })
      expect(b.hits.map((h) => [h.id, h.score.toFixed(6)])).toEqual(a.hits.map((h) => [h.id, h.score.toFixed(6)]))
      expect(b.facets).toEqual(a.facets)
    }
  })

  it('ranks like a plain lunr index built with the same analysis', async () => {
    const records = [...sampleRecords(), ...fillerRecords(40)]
    const plain = lunrDefault(function () {
      this.tokenizer = lunrTokenizer as unknown as typeof lunrDefault.tokenizer
      this.pipeline.reset()
      this.searchPipeline.reset()
      this.pipeline.add(lunrAnalyze)
      this.searchPipeline.add(lunrAnalyze)
      this.ref('id')
      FIELDS.forEach((f, i) => this.field(f, { boost: FIELD_BOOST[i] }))
      for (const r of records) {
        const values = fieldValues(r)
        this.add({ id: r.id, ...Object.fromEntries(FIELDS.map((f, i) => [f, values[i]])) })
      }
    })
    const many = await engineOf(records, 9)
    for (const query of [
      'river',
      'port barge',
      'мост',
      'council election',
      'text:bridge^3 title:port',
      'harbuor~1',
      'bri*',
      'cuoncil~2',
      '+river -port',
    ]) {
      // Ties may come in either order, so compare each document's score.
      const expected = new Map(plain.search(query).map((h) => [h.ref, h.score]))
      const got = run(many, { query, limit: 1000 }).hits
      expect(got.length).toBe(expected.size)
      for (const h of got) expect(h.score).toBeCloseTo(expected.get(h.id)!, 6)
    }
  })
})

describe('SearchEngine: queries that never mislead', () => {
  const elections = () => [
    record('singular', 'Town vote', 'The election was held on a rainy Sunday.'),
    record('plural', 'Two votes', 'Both elections drew long queues at the schools.'),
    record('campaign', 'Posters', 'Electioneering near the gates was banned by the clerk.'),
    record('other', 'Sports', 'The team elected a new captain after the match.'),
  ]

  it('matches a prefix against the words as written, not their stems', async () => {
    const engine = await engineOf(elections())
    expect(ids(run(engine, { query: 'election*' }))).toEqual(['campaign', 'plural', 'singular'])
    // A word that is its own stem ("captain") is found by its prefix too.
    expect(ids(run(engine, { query: 'capt*' }))).toEqual(['other'])
    const hit = run(engine, { query: 'election*' }).hits.find((h) => h.id === 'campaign')!
    const text = elections()[2]!.text
    expect(hit.matches.map(([s, e]) => text.slice(s, e))).toEqual(['Electioneering'])
  })

  it('reads AND, OR and NOT in capitals as operators and lower-case ones as words', async () => {
    const engine = await engineOf([
      record('both', 'Fuel', 'Oil prices rose again.'),
      record('oil', 'Fuel', 'Oil tankers waited offshore.'),
      record('gas', 'Fuel', 'Gas prices fell in spring.'),
      record('neither', 'Fuel', 'Coal stocks stayed flat.'),
    ])
    expect(ids(run(engine, { query: 'oil AND prices' }))).toEqual(['both'])
    expect(ids(run(engine, { query: 'oil OR gas' }))).toEqual(['both', 'gas', 'oil'])
    expect(ids(run(engine, { query: 'oil NOT prices' }))).toEqual(['oil'])
    expect(ids(run(engine, { query: 'NOT oil' }))).toEqual(['gas', 'neither'])
    expect(ids(run(engine, { query: 'prices AND NOT gas' }))).toEqual(['both'])
    // Lower-case "and" is a stop word, so this is the plain query "oil prices".
    expect(ids(run(engine, { query: 'oil and prices' }))).toEqual(['both', 'gas', 'oil'])
  })

  it('refuses an operator with nothing on one side, pointing at it', () => {
    const engine = new SearchEngine()
    for (const [query, at] of [
      ['oil AND', 'AND'],
      ['NOT', 'NOT'],
      ['OR gas', 'OR'],
    ] as const) {
      const r = engine.search({ query })
      expect(r.ok).toBe(false)
      if (!r.ok) expect(query.slice(r.error.start, r.error.end)).toBe(at)
    }
  })

  it('matches a quoted phrase word for word, without stemming, folding case and accents', async () => {
    const records = [
      record('exact', 'One', 'The Oil Price climbed.'),
      record('plural', 'Two', 'The oil prices climbed.'),
      record('stemmed', 'Three', 'The oiled pricing machine.'),
      record('accent', 'Four', 'A café owner spoke.'),
    ]
    const engine = await engineOf(records)
    expect(ids(run(engine, { query: '"oil price"' }))).toEqual(['exact'])
    expect(ids(run(engine, { query: '"prices"' }))).toEqual(['plural'])
    expect(ids(run(engine, { query: '"cafe owner"' }))).toEqual(['accent'])
    expect(ids(run(engine, { query: 'oil price' }))).toEqual(['exact', 'plural', 'stemmed'])
    const [hit] = run(engine, { query: '"oil price"' }).hits
    expect(hit!.matches.map(([s, e]) => records[0]!.text.slice(s, e))).toEqual(['Oil Price'])
    expect(hit!.snippetMatches.map(([s, e]) => hit!.snippet.slice(s, e))).toEqual(['Oil Price'])
  })

  it('says why a query of stop words alone finds nothing', async () => {
    const engine = await engineOf(elections())
    const r = run(engine, { query: 'the of and' })
    expect(r.total).toBe(0)
    expect(r.notice?.code).toBe('stop-words-only')
    expect(r.notice?.message).toMatch(/too common/)
  })

  it('suggests queries that do find something when a query finds nothing', async () => {
    const engine = await engineOf(elections())
    const r = run(engine, { query: 'schools AND captain' })
    expect(r.total).toBe(0)
    expect(r.notice?.code).toBe('no-results')
    expect(r.notice?.suggestions).toContain('schools OR captain')
    const typo = run(engine, { query: 'captian' })
    expect(typo.notice?.suggestions).toContain('captian~1')
    for (const s of [...r.notice!.suggestions, ...typo.notice!.suggestions]) {
      expect(run(engine, { query: s }).total).toBeGreaterThan(0)
    }
    expect(run(engine, { query: 'election' }).notice).toBeUndefined()
  })

  it('caps the fuzzy edit distance at 2 and says so', async () => {
    const engine = await engineOf([
      record('two', 'One', 'A harbour wall.', { site: null }),
      record('three', 'Two', 'A harvest fair.', { site: null }),
    ])
    const r = run(engine, { query: 'harbor~20' })
    // "harbour" is one edit away, "harvest" four: with the cap only the first is found.
    expect(ids(r)).toEqual(['two'])
    expect(r.adjustments).toEqual([expect.stringMatching(/edit distance.*2/)])
  })

  it('caps how many words a prefix stands for and says so', async () => {
    const words = Array.from({ length: 1200 }, (_, i) => `zed${i.toString(36)}x`).join(' ')
    const engine = await engineOf([record('many', 'Many', words)])
    const r = run(engine, { query: 'zed*' })
    expect(r.total).toBe(1)
    expect(r.adjustments).toEqual([expect.stringMatching(/zed\*.*1000/)])
  })

  it('marks the matched words of the title', async () => {
    const engine = await engineOf([record('a', 'Harbour wall repaired', 'Workers fixed the harbour wall.')])
    const [hit] = run(engine, { query: 'walls' }).hits
    expect(hit!.titleMatches.map(([s, e]) => hit!.title.slice(s, e))).toEqual(['wall'])
    const [phrase] = run(engine, { query: '"harbour wall"' }).hits
    expect(phrase!.titleMatches.map(([s, e]) => phrase!.title.slice(s, e))).toEqual(['Harbour wall'])
  })

  it('indexes an article with a word repeated half a million times beside normal ones', async () => {
    const normal = fillerRecords(6).map((r, i) => ({ ...r, text: `${r.text} government report ${i}` }))
    const huge = record('huge', 'Spam', 'government '.repeat(500_000))
    const engine = await engineOf([...normal, huge], 10)
    const r = run(engine, { query: 'government', limit: 100 })
    expect(ids(r)).toEqual([...normal.map((n) => n.id), 'huge'].sort())
    expect(ids(run(engine, { query: '"government report"', limit: 100 }))).toEqual(normal.map((n) => n.id).sort())
  })

  it('skips an article that cannot be indexed, keeps its shard and names it', async () => {
    const normal = fillerRecords(4).map((r) => ({ ...r, text: `${r.text} harbour` }))
    const broken = { ...record('broken', 'Broken', 'harbour'), disclaimers: null as unknown as string[] }
    const engine = await engineOf([...normal, broken], 10)
    expect(ids(run(engine, { query: 'harbour', limit: 100 }))).toEqual(normal.map((n) => n.id).sort())
    expect([...engine.skipped.keys()]).toEqual(['broken'])
  })
})

describe('SearchEngine: Ukrainian', () => {
  it('finds every form of a Ukrainian word (Київ, Києва, Києві)', async () => {
    const records = [
      record('nom', 'Новини', 'Київ готується до весни.', { language: 'uk' }),
      record('gen', 'Новини', 'Мер Києва відкрив новий міст.', { language: 'uk' }),
      record('loc', 'Новини', 'У Києві пройшли вибори.', { language: 'uk' }),
      record('other', 'Новини', 'Львів прийняв гостей.', { language: 'uk' }),
    ]
    const engine = await engineOf(records)
    for (const query of ['Київ', 'Києва', 'Києві']) {
      expect(ids(run(engine, { query }))).toEqual(['gen', 'loc', 'nom'])
    }
  })
})
