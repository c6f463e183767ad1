import { describe, expect, it } from 'vitest'
import { groupAll, runGrouping, type GroupingEntry } from '../../../electron/core/stories/grouping'
import { signatureOf, storyTermsOf } from '../../../electron/core/stories/signature'

const texts = [
  ['Port opens', 'The river port opened on Monday with two new cranes after three years of work on the quay.'],
  ['Port opens', 'The river port opened on Monday with two new cranes after three years of work on the quay.'],
  ['Cup tie settled', 'A late goal settled the cup tie on Saturday, leaving the home fans silent in the rain.'],
  ['Quiet night', ''],
]

const entries: GroupingEntry[] = texts.map(([title, text], i) => ({
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

describe('runGrouping', () => {
  it('gives in a worker thread what it gives in this one', async () => {
    const here = groupAll(entries)
    expect(here.duplicates).toEqual([['a0', 'a1']])
    expect(await runGrouping(entries, true)).toEqual(here)
  })
})
