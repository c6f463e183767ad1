import { describe, expect, it } from 'vitest'
import { buildClusters, STORY_WINDOW_MS, type ClusterEntry } from '../../../electron/core/stories/clusters'
import { storyTermsOf } from '../../../electron/core/stories/signature'

const DAY = 86_400_000

function entry(id: string, title: string, lead: string, time = 0, language: string | null = 'en'): ClusterEntry {
  return { id, language, time, terms: storyTermsOf(title, lead) }
}

// Filler stories so the document frequencies look like a library's, not like three articles'.
const filler = [
  ['Cup tie settled late', 'A late goal settled the cup tie on Saturday in heavy rain.'],
  ['Bakery wins prize', 'A village bakery won the national bread prize for its sourdough loaf.'],
  ['Museum reopens', 'The city museum reopened its dinosaur hall after a long restoration.'],
  ['Snow closes schools', 'Heavy snow closed schools across the northern valleys on Thursday.'],
].map(([title, lead], i) => entry(`f${i}`, title!, lead!, i * 10 * DAY))

describe('buildClusters', () => {
  it('puts two sites’ reports of one event in one cluster, earliest first', () => {
    const clusters = buildClusters([
      ...filler,
      entry('b', 'Dockers strike shuts Felixstowe port', 'Dockers at Felixstowe walked out over pay on Monday.', DAY),
      entry('a', 'Felixstowe port shut by dockers strike', 'A strike by Felixstowe dockers closed the port.', 0),
    ])
    expect(clusters).toEqual([['a', 'b']])
  })

  it('keeps the same words apart when the reports are further apart than the window', () => {
    const clusters = buildClusters([
      ...filler,
      entry('a', 'Felixstowe port shut by dockers strike', 'Dockers at Felixstowe walked out over pay.', 0),
      entry(
        'b',
        'Felixstowe port shut by dockers strike',
        'Dockers at Felixstowe walked out over pay.',
        STORY_WINDOW_MS + DAY,
      ),
    ])
    expect(clusters).toEqual([])
  })

  it('clusters Russian reports whatever case a name is inflected in', () => {
    const clusters = buildClusters([
      ...filler,
      entry('r1', 'Навальный переведен в колонию', 'Алексея Навального этапировали в колонию под Владимиром.', 0, 'ru'),
      entry('r2', 'Навального этапировали во Владимир', 'Навальный переведен в колонию Владимирской области.', 0, 'ru'),
      entry('r3', 'В Москве открылся новый каток', 'Каток на ВДНХ принял первых посетителей.', 0, 'ru'),
    ])
    expect(clusters).toEqual([['r1', 'r2']])
  })

  it('asks surer words of articles with no date of their own, whose import time says nothing of the event', () => {
    const a = entry(
      'a',
      'Felixstowe port shut by dockers strike',
      'A strike by Felixstowe dockers closed the port on Monday.',
    )
    const loose = entry(
      'b',
      'Dockers strike at Felixstowe',
      'A strike by dockers closed the container terminal over pay.',
    )
    const close = entry(
      'c',
      'Port shut by strike',
      'A strike by Felixstowe dockers over pay closed the port on Monday.',
    )
    expect(buildClusters([...filler, a, loose])).toEqual([['a', 'b']])
    expect(buildClusters([...filler, { ...a, undated: true }, { ...loose, undated: true }])).toEqual([])
    expect(buildClusters([...filler, { ...a, undated: true }, { ...close, undated: true }])).toEqual([['a', 'c']])
  })

  it('never joins articles of different languages by shared words alone', () => {
    const clusters = buildClusters([
      entry('en', 'Kyiv metro reopens', 'Kyiv metro stations reopened on Sunday.', 0, 'en'),
      entry('de', 'Kyiv metro reopens', 'Kyiv metro stations reopened on Sunday.', 0, 'de'),
    ])
    expect(clusters).toEqual([])
  })

  it('does not chain two reports into one story through a third that shares words with each', () => {
    const raw = (id: string, terms: string[]): ClusterEntry => ({ id, language: 'en', time: 0, terms })
    const others = ['k', 'l', 'm', 'n'].map((t, i) => raw(`f${i}`, [`${t}1`, `${t}2`]))
    // a–b and b–c reach a cosine of about 0.41; a and c share nothing.
    const a = raw('a', ['p', 'q', 'r', 's'])
    const b = raw('b', ['p', 'q', 't', 'u'])
    const c = raw('c', ['t', 'u', 'v', 'w'])
    const clusters = buildClusters([...others, a, b, c], [], 0.4)
    expect(clusters).toHaveLength(1)
    expect(clusters[0]).toHaveLength(2)
    expect(clusters[0]).toContain('b')
  })

  it('joins the groups of copies it is given', () => {
    expect(buildClusters([entry('x', 'One', 'alpha'), entry('y', 'Two', 'beta')], [['x', 'y']])).toEqual([['x', 'y']])
  })
})
