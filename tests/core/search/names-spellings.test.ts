import { describe, expect, it } from 'vitest'
import { buildInThread } from '../../../electron/core/search/builder-pool'
import { SearchEngine } from '../../../electron/core/search/engine'
import {
  cyrillicCandidates,
  isNameLike,
  latinCandidates,
  nameWordsOf,
} from '../../../electron/core/search/names/spellings'
import { SEED_ALIASES } from '../../../electron/core/search/names/seed'
import type { SearchRecord } from '../../../electron/core/search/record'
import { record } from './records'

// Made-up people the alias table cannot know: Томилевский (Tomilevsky), Жеребцова (Zherebtsova), Кузьмищев.
function library(): SearchRecord[] {
  const ru = { language: 'ru' }
  return [
    record('en/tomilevsky', 'Mayor visits depot', 'Mayor Tomilevsky inspected the tram depot on Friday.'),
    record('en/tomilevskiy', 'Depot budget', 'Deputy mayor Tomilevskiy presented the depot budget.'),
    record('ru/tomilevsky-gen', 'Депо', 'Бюджет депо представил заместитель мэра Томилевского коллеги.', ru),
    record('ru/tomilevsky-nom', 'Мэр в депо', 'Мэр Томилевский осмотрел трамвайное депо в пятницу.', ru),
    record('ru/zherebtsova', 'Суд', 'Судья Жеребцовой отложила заседание на неделю.', ru),
    record('uk/kuzmyshchev', 'Порт', 'Директор порту Кузьмищев відкрив новий причал.', { language: 'uk' }),
    record('en/kuzmishchev', 'New quay', 'Port director Kuzmishchev opened a new quay.'),
    record('ru/gas', 'Газ', 'Газпром поднял цены на газ, сообщили в пресс-службе Газпрома.', ru),
    record('uk/gas', 'Газ', 'Газпром підняв ціни на газ для Європи.', { language: 'uk' }),
    record('ru/bridge', 'Мост', 'Новый мост через реку открыли для трамваев.', ru),
    record('en/bridge', 'Bridge', 'Most of the bridge was repainted in spring.'),
  ]
}

async function engineOf(): Promise<SearchEngine> {
  const engine = new SearchEngine({ names: SEED_ALIASES })
  await engine.buildFrom(library(), buildInThread)
  return engine
}

function ids(engine: SearchEngine, query: string): string[] {
  const r = engine.matchingIds({ query })
  if (!r.ok) throw new Error(r.error.message)
  return [...r.value].sort()
}

describe('names the alias table does not know', () => {
  it('finds the Cyrillic and other Latin spellings of a Latin name, inflected too', async () => {
    const engine = await engineOf()
    expect(ids(engine, 'Tomilevsky')).toEqual([
      'en/tomilevskiy',
      'en/tomilevsky',
      'ru/tomilevsky-gen',
      'ru/tomilevsky-nom',
    ])
    expect(ids(engine, 'Zherebtsova')).toEqual(['ru/zherebtsova'])
    expect(ids(engine, 'Kuzmishchev')).toEqual(['en/kuzmishchev', 'uk/kuzmyshchev'])
  })

  it('finds the Latin spellings of a Cyrillic name', async () => {
    const engine = await engineOf()
    expect(ids(engine, 'Томилевский')).toEqual([
      'en/tomilevskiy',
      'en/tomilevsky',
      'ru/tomilevsky-gen',
      'ru/tomilevsky-nom',
    ])
  })

  it('ranks the spelling typed first and says what else it matched', async () => {
    const engine = await engineOf()
    const r = engine.search({ query: 'Tomilevskiy' })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.hits[0]!.id).toBe('en/tomilevskiy')
    // Only spellings the library writes are named (not Газпромь, grown on the way to a stem).
    expect([...r.value.variants!].sort()).toEqual(['Tomilevsky', 'Томилевский'])
    const g = engine.search({ query: 'Gazprom' })
    expect(g.ok && g.value.variants).toEqual(['Газпром'])
  })

  it('takes a quoted name as exactly that spelling', async () => {
    const engine = await engineOf()
    expect(ids(engine, '"Tomilevsky"')).toEqual(['en/tomilevsky'])
  })

  it('leaves a lower-case ordinary word alone even when it spells a Russian word', async () => {
    const engine = await engineOf()
    // "depo" spells депо, written in two Russian articles; as a lower-case word it is not taken for a name.
    expect(ids(engine, 'depo')).toEqual([])
    expect(ids(engine, 'Depo')).toEqual(['ru/tomilevsky-gen', 'ru/tomilevsky-nom'])
    const r = engine.search({ query: 'tomilevsky' })
    expect(r.ok && r.value.variants).toBeFalsy()
  })
})

describe('spelling candidates', () => {
  it('treats capitalised words of four letters or more outside quotes as names', () => {
    expect(isNameLike('Navalny')).toBe(true)
    expect(isNameLike('navalny')).toBe(false)
    expect(isNameLike('Kyi')).toBe(false)
    expect(nameWordsOf('"Kyiv" Navalny +title:Tomilevsky elect* Putin~1')).toEqual(['Navalny', 'Tomilevsky'])
  })

  it('gives the usual Latin spellings of a name ending', () => {
    expect(latinCandidates('Navalny')).toEqual(expect.arrayContaining(['navalnyi', 'navalnyy', 'navalniy']))
    expect(latinCandidates('Kharkiv')).toContain('harkiv')
  })

  it('grows only Cyrillic spellings the library could hold', () => {
    const words = ['навального', 'навальный']
    const vocabulary = { hasPrefix: (p: string) => words.some((w) => w.startsWith(p)) }
    const out = cyrillicCandidates('Navalny', vocabulary)
    expect(out).toContain('навальный')
    expect(out.every((c) => c.startsWith('навал'))).toBe(true)
    expect(cyrillicCandidates('Navalny', { hasPrefix: () => false }).length).toBeLessThanOrEqual(2)
  })
})
