import { describe, expect, it } from 'vitest'
import { provenanceRows, readLaterText } from '../../../renderer/lib/provenance'
import { article } from '../fake-api'

const table = (a: Parameters<typeof provenanceRows>[0]) =>
  Object.fromEntries(provenanceRows(a).map((r) => [r.label, r.value + (r.edited ? ' (edited by you)' : '')]))

describe('provenanceRows', () => {
  it('says where, when and from what bytes the copy came, in plain words', () => {
    const rows = table(
      article({
        path: 'world/port.html',
        importedFrom: '/home/reporter/Downloads/port.html',
        importedAt: '2025-01-02T08:00:00Z',
        sourceUrl: 'https://port.example/story',
        capturedAt: '2024-12-30T18:00:00Z',
        category: 'Business',
        hash: 'c0ffee'.padEnd(64, '7'),
      }),
    )
    expect(rows).toEqual({
      'Imported from': '/home/reporter/Downloads/port.html',
      Imported: '2 Jan 2025',
      'File in the library': 'world/port.html',
      'Captured from': 'https://port.example/story',
      Captured: '30 Dec 2024',
      Published: '5 Mar 2024',
      Site: 'example.org',
      Category: 'Business',
      'SHA-256 of the original file': 'c0ffee'.padEnd(64, '7'),
    })
  })

  it('says "date not given" and leaves out capture rows the format does not record', () => {
    const rows = table(article({ published: null, site: null, importedFrom: null }))
    expect(rows.Published).toBe('date not given')
    expect(rows.Site).toBe('not given')
    expect(rows['Imported from']).toMatch(/found in the library folder/)
    expect(rows).not.toHaveProperty('Captured')
    expect(rows).not.toHaveProperty('Captured from')
  })

  it('marks the fields the user edited', () => {
    const rows = table(article({ title: 'Fixed title', site: 'Port Daily', edited: ['title', 'site'] }))
    expect(rows.Site).toBe('Port Daily (edited by you)')
    expect(rows.Title).toBe('Fixed title (edited by you)')
    expect(rows.Published).toBe('5 Mar 2024')
    expect(rows).not.toHaveProperty('Author')
  })
})

describe('readLaterText', () => {
  it('says when the article was saved to read later and with which tags, in the banner’s provenance', () => {
    const rows = table(
      article({ savedAt: '2024-05-03T09:00:00Z', tags: ['climate', 'eu'], published: '2024-05-01T00:00:00Z' }),
    )
    expect(rows['Read later']).toBe('Saved to read later on 3 May 2024 · tags: climate, eu')
    // The saved date is no publication date.
    expect(rows.Published).toBe('1 May 2024')
  })

  it('names archived articles, and leaves the row out when no read-later service saved the article', () => {
    expect(readLaterText({ archived: true, tags: [] })).toBe('Saved to read later · archived')
    expect(readLaterText({ tags: ['eu'] })).toBe('Saved to read later · tags: eu')
    expect(table(article({}))).not.toHaveProperty('Read later')
  })
})
