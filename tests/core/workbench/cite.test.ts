import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../electron/shared/models'
import { CITATION_FORMATS } from '../../../electron/shared/workbench'
import { citation } from '../../../electron/core/workbench/cite'

// citation-js ships no types: a small typed view of what the test uses.
const require = createRequire(import.meta.url)
const { Cite } = require('@citation-js/core') as { Cite: new (input: string) => { data: CslData[] } }
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-csl')

interface CslData {
  type: string
  title: string
  author?: { family?: string; given?: string; literal?: string }[]
  'container-title'?: string
  issued?: { 'date-parts': number[][] }
  accessed?: { 'date-parts': number[][] }
  URL?: string
  note?: string
}

const HASH = 'ab'.repeat(32)

function article(patch: Partial<Article> = {}): Article {
  return {
    id: '0123456789abcdef',
    path: 'news/harbour.html',
    collection: 'news',
    title: 'Harbour plan: 50% more & {new} quays',
    author: 'Jane Q. Smith',
    site: 'The Coast Courier',
    url: 'https://example.org/harbour?a=1&b=2',
    published: '2024-05-01T08:00:00Z',
    sourceUrl: null,
    capturedAt: '2024-06-02T10:30:00Z',
    language: 'en',
    category: null,
    text: 'The council met.',
    html: null,
    disclaimers: [],
    flags: [],
    wordCount: 3,
    importedAt: '2024-07-03T12:00:00Z',
    hash: HASH,
    importedFrom: null,
    edited: [],
    ...patch,
  }
}

describe('citation', () => {
  it('carries the hash note in every format', () => {
    for (const format of CITATION_FORMATS) {
      expect(citation(article(), format)).toContain(`sha256:${HASH} of the offline copy`)
    }
  })

  it('writes APA, Chicago and MLA with the published date and the capture date apart', () => {
    expect(citation(article(), 'apa')).toBe(
      'Smith, J. Q. (2024, May 1). Harbour plan: 50% more & {new} quays. The Coast Courier. Captured June 2, 2024, ' +
        `from https://example.org/harbour?a=1&b=2 (sha256:${HASH} of the offline copy)`,
    )
    expect(citation(article(), 'chicago')).toBe(
      'Smith, Jane Q. “Harbour plan: 50% more & {new} quays.” The Coast Courier, May 1, 2024. Captured June 2, ' +
        `2024. https://example.org/harbour?a=1&b=2. sha256:${HASH} of the offline copy.`,
    )
    expect(citation(article(), 'mla')).toBe(
      'Smith, Jane Q. “Harbour plan: 50% more & {new} quays.” The Coast Courier, 1 May 2024, ' +
        `https://example.org/harbour?a=1&b=2. Captured 2 June 2024. sha256:${HASH} of the offline copy.`,
    )
  })

  it('labels the import date as accessed when no capture date was recorded, and never uses it as published', () => {
    const a = article({ capturedAt: null, published: null })
    expect(citation(a, 'apa')).toContain('(n.d.)')
    expect(citation(a, 'apa')).toContain('Accessed July 3, 2024')
    expect(citation(a, 'mla')).toContain('Accessed 3 July 2024.')
    const csl = JSON.parse(citation(a, 'csl'))[0]
    expect(csl.issued).toBeUndefined()
    expect(csl.accessed).toEqual({ 'date-parts': [[2024, 7, 3]] })
  })

  it('writes BibTeX that citation-js parses with the right fields, escaped text intact', () => {
    const bib = citation(article(), 'bibtex')
    expect(bib).toMatch(/^@article\{smith2024-01234567,/)
    const [item] = new Cite(bib).data
    expect(item!.title).toBe('Harbour plan: 50% more & {new} quays')
    expect(item!.author).toEqual([{ family: 'Smith', given: 'Jane Q.' }])
    expect(item!['container-title']).toBe('The Coast Courier')
    expect(item!.issued!['date-parts']).toEqual([[2024, 5, 1]])
    expect(item!.accessed!['date-parts']).toEqual([[2024, 6, 2]])
    expect(item!.URL).toBe('https://example.org/harbour?a=1&b=2')
    expect(item!.note).toContain(`sha256:${HASH} of the offline copy`)
  })

  it('writes CSL-JSON that citation-js reads back with the right fields', () => {
    const [item] = new Cite(citation(article(), 'csl')).data
    expect(item!.title).toBe('Harbour plan: 50% more & {new} quays')
    expect(item!.author).toEqual([{ family: 'Smith', given: 'Jane Q.' }])
    expect(item!['container-title']).toBe('The Coast Courier')
    expect(item!.issued!['date-parts']).toEqual([[2024, 5, 1]])
    expect(item!.accessed!['date-parts']).toEqual([[2024, 6, 2]])
  })

  it('keeps Cyrillic titles and names, with an ASCII BibTeX key', () => {
    const ru = article({ title: 'Мост через реку открыт', author: 'Иван Петров', site: 'Вести', language: 'ru' })
    const bib = citation(ru, 'bibtex')
    expect(bib).toMatch(/^@article\{petrov2024-01234567,/)
    const [fromBib] = new Cite(bib).data
    expect(fromBib!.title).toBe('Мост через реку открыт')
    expect(fromBib!.author).toEqual([{ family: 'Петров', given: 'Иван' }])
    const [fromCsl] = new Cite(citation(ru, 'csl')).data
    expect(fromCsl!.title).toBe('Мост через реку открыт')
    expect(fromCsl!['container-title']).toBe('Вести')
  })

  it('writes RIS a reference manager reads: type, title, dates, URL, note, end', () => {
    const lines = citation(article(), 'ris').split('\r\n')
    expect(lines).toEqual([
      'TY  - ELEC',
      'TI  - Harbour plan: 50% more & {new} quays',
      'AU  - Smith, Jane Q.',
      'T2  - The Coast Courier',
      'PY  - 2024',
      'DA  - 2024/05/01',
      'UR  - https://example.org/harbour?a=1&b=2',
      'Y2  - 2024/06/02',
      'LA  - en',
      `N1  - sha256:${HASH} of the offline copy; captured 2024-06-02`,
      'ER  -',
      '',
    ])
  })
})

describe('citation keys', () => {
  it('give two records of one file different BibTeX keys', () => {
    const keys = ['f3ad19c72a9883db-0', 'f3ad19c72a9883db-3'].map(
      (id) => /^@article\{([^,]+),/.exec(citation(article({ id }), 'bibtex'))![1],
    )
    expect(keys).toEqual(['smith2024-f3ad19c7-0', 'smith2024-f3ad19c7-3'])
  })
})
