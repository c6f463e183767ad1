import { describe, expect, it } from 'vitest'
import { buildGroups, canonicalUrl, joinNew, type GroupEntry } from '../../../electron/core/stories/groups'
import { signatureOf } from '../../../electron/core/stories/signature'

const story =
  'The river port opened on Monday with two new cranes after three years of work. Dock workers said the quay ' +
  'could now take ships twice as large, and the council expects trade through the harbour to grow next year.'
const other =
  'A late goal from the visiting side settled the cup tie on Saturday, leaving the home fans silent in the rain ' +
  'as their team went out of the competition at the first hurdle for the third season running.'

function entry(id: string, text: string, extra: Partial<GroupEntry> = {}): GroupEntry {
  return { id, hash: `hash-${id}`, url: null, sourceUrl: null, site: null, sig: signatureOf(text), time: 0, ...extra }
}

describe('buildGroups', () => {
  it('groups a reprint with its original, earliest first, and leaves other texts alone', () => {
    const groups = buildGroups([
      entry('b', story, { time: 200, site: 'Reprints' }),
      entry('a', story, { time: 100, site: 'Wire' }),
      entry('c', other),
    ])
    expect(groups.duplicates).toEqual([['a', 'b']])
    expect(groups.versions).toEqual([])
  })

  it('groups byte-identical files even when they hold no words', () => {
    const groups = buildGroups([entry('a', '', { hash: 'h' }), entry('b', '', { hash: 'h' })])
    expect(groups.duplicates).toEqual([['a', 'b']])
  })

  it('makes versions of two captures of one URL with different text', () => {
    const groups = buildGroups([
      entry('new', other, { url: 'https://www.example.com/news/port/?utm_source=x#top', time: 300 }),
      entry('old', story, { url: 'https://example.com/news/port', time: 100 }),
    ])
    expect(groups.versions).toEqual([['old', 'new']])
    expect(groups.duplicates).toEqual([])
  })

  it('makes versions of one site’s lightly edited article', () => {
    const long = `${story} ${other} ${story.split(' ').reverse().join(' ')}`
    const edited = long.replace('three years', 'four years')
    const groups = buildGroups([
      entry('v1', long, { site: 'Gazette', time: 1 }),
      entry('v2', edited, { site: 'Gazette', time: 2 }),
    ])
    expect(groups.versions).toEqual([['v1', 'v2']])
  })

  it('does not call byte-identical copies versions', () => {
    const groups = buildGroups([
      entry('a', story, { hash: 'same', url: 'https://example.com/a' }),
      entry('b', story, { hash: 'same', url: 'https://example.com/a' }),
    ])
    expect(groups.versions).toEqual([])
    expect(groups.duplicates).toEqual([['a', 'b']])
  })
})

describe('canonicalUrl', () => {
  it('ignores the fragment, tracking parameters, www and a trailing slash', () => {
    expect(canonicalUrl('https://WWW.Example.com/a/b/?utm_medium=rss&id=3#x')).toBe('example.com/a/b?id=3')
    expect(canonicalUrl('not a url')).toBeNull()
  })
})

describe('joinNew', () => {
  it('puts a new copy into the existing group, earliest first, and a new capture among the versions', () => {
    const old = [
      entry('a', story, { time: 100 }),
      entry('b', story, { time: 200 }),
      entry('v1', other, { url: 'https://example.com/cup', time: 100 }),
    ]
    const copies = new Map<string, readonly string[]>([
      ['a', ['a', 'b']],
      ['b', ['a', 'b']],
    ])
    const versions = new Map<string, readonly string[]>()
    const added = [entry('c', story, { time: 50 }), entry('v2', story, { url: 'https://example.com/cup/', time: 300 })]
    joinNew([...old, ...added], new Set(['c', 'v2']), copies, versions)
    expect(copies.get('b')).toEqual(['c', 'a', 'b', 'v2'])
    expect(versions.get('v2')).toEqual(['v1', 'v2'])
  })
})
