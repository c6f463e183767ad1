import { describe, expect, it, vi } from 'vitest'
import type { Highlight } from '../../../electron/shared/workbench'
import { highlight } from '../components/reader/highlight-fixture'
import { ok } from '../../../electron/shared/result'
import { HighlightsState, inTextOrder, parseTags } from '../../../renderer/state/highlights.svelte'
import { fakeApi } from '../fake-api'

describe('parseTags', () => {
  it('reads tags split by spaces or commas, without a leading # or repeats', () => {
    expect(parseTags(' #port, yard  port,,crane ')).toEqual(['port', 'yard', 'crane'])
    expect(parseTags('   ')).toEqual([])
  })
})

describe('inTextOrder', () => {
  it('orders highlights as they come in the text, orphaned ones last', () => {
    const list = [
      highlight({ id: 'orphan', range: null, status: 'orphaned' }),
      highlight({ id: 'late', range: [40, 50] }),
      highlight({ id: 'early', range: [2, 5] }),
    ]
    expect(inTextOrder(list).map((h) => h.id)).toEqual(['early', 'late', 'orphan'])
  })
})

describe('HighlightsState', () => {
  it("lists an article's highlights in text order and draws only the anchored ones", async () => {
    const fake = fakeApi()
    vi.mocked(fake.api.highlights.list).mockResolvedValue(
      ok([highlight({ id: 'o', range: null, status: 'orphaned' }), highlight({ id: 'x' })]),
    )
    const state = new HighlightsState(fake.api)
    await state.load('a')
    expect(fake.api.highlights.list).toHaveBeenCalledWith('a')
    expect(state.items.map((h) => h.id)).toEqual(['x', 'o'])
    expect(state.anchored.map((h) => h.id)).toEqual(['x'])
  })

  it('adds, edits and deletes, saying what happened', async () => {
    const fake = fakeApi()
    const made = highlight({ id: 'n', range: [0, 3], note: 'check' })
    vi.mocked(fake.api.highlights.add).mockResolvedValue(ok(made))
    vi.mocked(fake.api.highlights.update).mockResolvedValue(ok({ ...made, note: 'checked', tags: ['done'] }))
    vi.mocked(fake.api.highlights.remove).mockResolvedValue(ok(true))
    const state = new HighlightsState(fake.api)
    await state.load('a')
    expect(await state.add([0, 3], 'check', [])).toEqual(made)
    expect(fake.api.highlights.add).toHaveBeenCalledWith('a', { range: [0, 3], note: 'check', tags: [] })
    expect(state.notice).toBe('Highlight saved')
    expect(await state.update('n', { note: 'checked', tags: ['done'] })).toBe(true)
    expect(state.find('n')).toMatchObject({ note: 'checked', tags: ['done'] })
    expect(await state.remove('n')).toBe(true)
    expect(state.items).toEqual([])
    expect(state.notice).toBe('Highlight deleted')
  })

  it('lists the highlight of the same words once when they are highlighted again', async () => {
    const fake = fakeApi()
    const made = highlight({ id: 'n', range: [0, 3], note: 'check' })
    vi.mocked(fake.api.highlights.list).mockResolvedValue(ok([made]))
    vi.mocked(fake.api.highlights.add).mockResolvedValue(ok({ ...made, note: 'check\n\nagain' }))
    const state = new HighlightsState(fake.api)
    await state.load('a')
    await state.add([0, 3], 'again', [])
    expect(state.items.map((h) => [h.id, h.note])).toEqual([['n', 'check\n\nagain']])
    expect(state.notice).toBe('Added to the highlight of these words')
  })

  it('keeps the list and says why when a highlight cannot be saved', async () => {
    const fake = fakeApi()
    const state = new HighlightsState(fake.api)
    await state.load('a')
    expect(await state.add([0, 3], '', [])).toBeNull()
    expect(state.items).toEqual([])
    expect(state.notice).toBe('Could not save the highlight: not faked')
  })

  it('forgets the last article when another opens, and an answer that comes late', async () => {
    const fake = fakeApi()
    let answer: (value: ReturnType<typeof ok<Highlight[]>>) => void = () => {}
    vi.mocked(fake.api.highlights.list)
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
      .mockResolvedValueOnce(ok([highlight({ id: 'b1', articleId: 'b' })]))
    const state = new HighlightsState(fake.api)
    const first = state.load('a')
    await state.load('b')
    answer(ok([highlight({ id: 'a1' })]))
    await first
    expect(state.articleId).toBe('b')
    expect(state.items.map((h) => h.id)).toEqual(['b1'])
  })
})
