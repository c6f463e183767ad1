import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../../helpers/run-cli'
import { makeTempDir, makeTempLibrary, sampleText, type TempDir } from '../../helpers/temp-library'

let lib: TempDir
let src: TempDir
beforeEach(() => {
  lib = makeTempLibrary()
  src = makeTempDir()
  lib.write('a/ferry-1.txt', sampleText('Ferry strike begins', 'Ferry crews walked out at dawn.'))
  lib.write('a/market.txt', sampleText('Market day', 'Stallholders sold apples.'))
})
afterEach(() => {
  lib.remove()
  src.remove()
})

const cli = (args: string[]) => runCliCaptured(['--library', lib.root, ...args])

describe('saved command', () => {
  it('shows exactly the articles a later import added, new first, and then none as new', async () => {
    const add = await cli(['saved', 'add', 'ferries', 'ferry', '--json'])
    expect(add.status).toBe(0)
    expect(JSON.parse(add.stdout)).toMatchObject({
      name: 'ferries',
      request: { query: 'ferry' },
      total: 1,
      newCount: 0,
    })
    src.write('ferry-2.txt', sampleText('Ferry talks resume', 'Ferry owners met the union.'))
    src.write('bridge.txt', sampleText('Bridge closed', 'The bridge shut for repairs.'))
    expect((await cli(['import', src.path('ferry-2.txt'), src.path('bridge.txt')])).status).toBe(0)
    const list = JSON.parse((await cli(['saved', 'list', '--json'])).stdout)
    expect(list).toEqual([expect.objectContaining({ name: 'ferries', total: 2, newCount: 1 })])
    const show = JSON.parse((await cli(['saved', 'show', 'ferries', '--json'])).stdout)
    expect(show.articles.map((a: { title: string; new: boolean }) => [a.title, a.new])).toEqual([
      ['Ferry talks resume', true],
      ['Ferry strike begins', false],
    ])
    expect(show.newIds).toEqual([show.ids[0]])
    const again = await cli(['saved', 'list'])
    expect(again.stdout).toBe('ferries  "ferry"  2 matches, 0 new\n')
  })

  it('keeps filters and prints them, and marks new rows in the text listing', async () => {
    await cli(['saved', 'add', 'in b', 'ferry', '--collection', 'b'])
    src.write('ferry-5.txt', sampleText('Ferry late', 'The ferry was late.'))
    await cli(['import', src.path('ferry-5.txt'), '--into', 'b'])
    const show = await cli(['saved', 'show', 'in b'])
    expect(show.stdout.split('\n')[0]).toBe('in b  "ferry" collection:b  1 match, 1 new')
    expect(show.stdout.split('\n')[1]).toMatch(/^NEW Ferry late {2}\(/)
  })

  it('fails clearly for an unknown name, a repeated one, a bad action and a wrong argument count', async () => {
    const unknown = await cli(['saved', 'show', 'nope'])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('No saved search named "nope".')
    await cli(['saved', 'add', 'x', 'ferry'])
    const twice = await cli(['saved', 'add', 'x', 'ferry'])
    expect(twice.stderr).toContain('A saved search named "x" already exists.')
    const bad = await cli(['saved', 'drop', 'x'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('saved needs add, list or show, not "drop"')
    expect((await cli(['saved', 'add', 'y'])).status).toBe(2)
    expect((await cli(['saved', 'list'])).stdout).toBe('x  "ferry"  1 match, 0 new\n')
  })
})

describe('search command with notes', () => {
  it('prints notes that match apart from the articles, and takes a note: query', async () => {
    const list = JSON.parse((await cli(['list', '--json'])).stdout) as { id: string; path: string }[]
    const id = list.find((item) => item.path === 'a/ferry-1.txt')!.id
    await cli(['annotate', id, '--quote', 'walked out', '--note', 'Confirm the union ballot'])
    const text = await cli(['search', 'ballot'])
    expect(text.status).toBe(0)
    expect(text.stdout).toContain(
      '0 articles found\n\n1 note found:\n  note: Confirm the union ballot\n    on "walked out" in Ferry strike begins',
    )
    const json = JSON.parse((await cli(['search', 'note:union', '--json'])).stdout)
    expect(json.total).toBe(0)
    expect(json.notes).toEqual([
      expect.objectContaining({ articleId: id, quote: 'walked out', note: 'Confirm the union ballot' }),
    ])
  })
})
