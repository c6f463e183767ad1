import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/core/library/library'
import { openStories } from '../../../electron/core/stories'
import { makeTempDir, sampleText, type TempDir } from '../../helpers/temp-library'

let dir: TempDir
const opened: { close(): Promise<void> }[] = []

afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close()
  dir?.remove()
})

describe('openStories', () => {
  it('adds the diff and the timeline to the groups', async () => {
    dir = makeTempDir()
    dir.write('a.txt', sampleText('Port opens', 'The river port opened on Monday with two cranes.'))
    dir.write('b.txt', sampleText('Port opens', 'The river port opened on Tuesday with two cranes.'))
    const library = await openLibrary(dir.root)
    opened.push(library)
    const stories = await openStories(library, { worker: false })
    opened.push(stories)
    await stories.ready()
    const [a, b] = ['a.txt', 'b.txt'].map((p) => library.list().find((item) => item.path === p)!.id)
    const diff = await stories.diff(a!, b!)
    expect(diff?.ops.filter(([op]) => op !== '=').map(([op, text]) => [op, text.trim()])).toEqual([
      ['-', 'Monday'],
      ['+', 'Tuesday'],
    ])
    expect(await stories.diff(a!, 'nope')).toBeUndefined()
    const timeline = stories.timeline([a!], 'day')
    expect(timeline.undated + timeline.bins.reduce((n, bin) => n + bin.count, 0)).toBe(1)
    expect(stories.timeline(null, 'month').undated).toBe(2)
  })
})
