import { describe, expect, it } from 'vitest'
import { buildInThread } from '../../../electron/core/search/builder-pool'
import { SearchEngine } from '../../../electron/core/search/engine'
import { SEED_ALIASES } from '../../../electron/core/search/names/seed'
import type { SearchRecord } from '../../../electron/core/search/record'
import { record } from './records'

// 19 articles naming the city (1 Kyiv, 1 Kiev, 10 Киев in inflected forms, 7 Київ in inflected forms) and one not.
function cityLibrary(): SearchRecord[] {
  const out: SearchRecord[] = [
    record('en/kyiv', 'Council meets', 'The council met in Kyiv on Monday to discuss the tram budget.'),
    record('en/kiev', 'Old archive', 'An archive photo shows the Kiev tram depot in winter.'),
    record('en/none', 'Harbour news', 'The harbour opened a new quay for grain barges.'),
  ]
  const ru = ['Киев', 'Киеве', 'Киева', 'Киеву', 'Киевом']
  for (let i = 0; i < 10; i++)
    out.push(
      record(`ru/${i}`, `Новости ${i}`, `Совет собрался в городе ${ru[i % ru.length]} в понедельник.`, {
        language: 'ru',
      }),
    )
  const uk = ['Київ', 'Києві', 'Києва', 'Києву']
  for (let i = 0; i < 7; i++)
    out.push(
      record(`uk/${i}`, `Новини ${i}`, `Рада зібралася у місті ${uk[i % uk.length]} в понеділок.`, { language: 'uk' }),
    )
  return out
}

async function engineOf(names = SEED_ALIASES): Promise<SearchEngine> {
  const engine = new SearchEngine({ names })
  await engine.buildFrom(cityLibrary(), buildInThread)
  return engine
}

function idsFor(engine: SearchEngine, query: string): string[] {
  const r = engine.matchingIds({ query })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('names in every spelling', () => {
  it('finds every article naming the city from any one spelling', async () => {
    const engine = await engineOf()
    for (const q of ['kyiv', 'Kiev', 'Киев', 'Київ']) expect(idsFor(engine, q), q).toHaveLength(19)
    expect(idsFor(engine, 'kyiv')).not.toContain('en/none')
  })

  it('ranks the spelling typed first and says which other spellings matched', async () => {
    const engine = await engineOf()
    const r = engine.search({ query: 'Kiev', limit: 5 })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.hits[0]!.id).toBe('en/kiev')
    expect(r.value.variants).toEqual(expect.arrayContaining(['Kyiv', 'Киев', 'Київ']))
    const none = engine.search({ query: 'Moscow' })
    expect(none.ok && none.value.variants).toBeFalsy()
  })

  it('finds only the spelling as typed without the alias table', async () => {
    const engine = await engineOf([])
    expect(idsFor(engine, 'kyiv')).toEqual(['en/kyiv'])
  })

  it('takes a quoted name as exactly that spelling', async () => {
    const engine = await engineOf()
    expect(idsFor(engine, '"Kyiv"')).toEqual(['en/kyiv'])
  })
})
