import { describe, expect, it } from 'vitest'
import { groupAll, signAll, StoriesWorker, type GroupingEntry } from '../../../electron/core/stories/grouping'
import { signatureOf, storyTermsOf } from '../../../electron/core/stories/signature'

const TEXTS = [
  ['Port opens', 'The river port opened on Monday with two new cranes after three years of work on the quay.'],
  ['Port opens', 'The river port opened on Monday with two new cranes after three years of work on the quay.'],
  ['Cup tie settled', 'A late goal settled the cup tie on Saturday, leaving the home fans silent in the rain.'],
  ['Quiet night', ''],
]

const entries: GroupingEntry[] = TEXTS.map(([title, text], i) => ({
  id: `a${i}`,
  hash: `h${i}`,
  url: null,
  sourceUrl: null,
  site: 'Wire',
  language: 'en',
  time: i,
  sig: signatureOf(text!),
  terms: storyTermsOf(title!, text!),
}))

describe('StoriesWorker', () => {
  it('signs and groups in a worker thread as this thread does', async () => {
    const worker = new StoriesWorker(true)
    try {
      const texts = TEXTS.map(([, text]) => text!)
      expect(await worker.sign(texts)).toEqual(signAll(texts))
      const here = groupAll(entries)
      expect(here.duplicates).toEqual([['a0', 'a1']])
      expect(await worker.group(entries)).toEqual(here)
    } finally {
      await worker.close()
    }
  })

  it('works in this thread when told to, and after it is closed', async () => {
    const worker = new StoriesWorker(false)
    expect(await worker.group(entries)).toEqual(groupAll(entries))
    await worker.close()
    expect((await worker.sign(['one two three']))[0]!.sig).not.toBeNull()
  })
})
