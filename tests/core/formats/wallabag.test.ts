import { describe, expect, it } from 'vitest'
import { parseJson } from '../../../electron/core/formats/json'

const BODY = 'The ferry timetable changes on Monday, and the council says the late crossing will run all winter long.'

const V2 = [
  {
    id: 7,
    title: 'Ferry timetable changes',
    url: 'https://port.example.org/ferry',
    is_archived: true,
    is_starred: false,
    created_at: '2024-03-05T08:30:00+0100',
    published_at: '2024-03-04T18:00:00+0100',
    content: `<h2>What changes</h2><p>${BODY}</p><script>alert(1)</script><p onclick="x()">Second paragraph of the note.</p>`,
    tags: [{ label: 'transport' }, { label: 'port' }],
    language: 'en',
  },
  { id: 8, title: 'Empty one', url: 'https://port.example.org/empty', is_archived: false, content: '' },
]

const V1 = [
  {
    '0': '1',
    id: '1',
    title: 'Library hours extended',
    url: 'http://town.example.net/library',
    is_read: '1',
    is_fav: '0',
    content: `<p>${BODY}</p>`,
    user_id: '1',
    tags: 'town,books',
  },
]

describe('Wallabag JSON', () => {
  it('gives one article per v2 entry with sanitized HTML, its url and the save time as capture time', () => {
    const outcome = parseJson(JSON.stringify(V2))
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.articles).toHaveLength(2)
    const { article } = outcome.articles[0]!
    expect(article.title).toBe('Ferry timetable changes')
    expect(article.url).toBe('https://port.example.org/ferry')
    expect(article.capturedAt).toBe('2024-03-05T07:30:00.000Z')
    expect(article.published).toBe('2024-03-04T17:00:00.000Z')
    expect(article.text).toContain('late crossing will run all winter')
    expect(article.html).toContain('<h2>What changes</h2>')
    expect(article.html).not.toMatch(/script|onclick/)
    expect(outcome.links![0]).toEqual({
      url: 'https://port.example.org/ferry',
      title: 'Ferry timetable changes',
      tags: ['transport', 'port'],
      read: true,
      archived: true,
      savedAt: '2024-03-05T07:30:00.000Z',
    })
  })

  it('reads a v1 entry: comma-separated tags and "1" flags', () => {
    const outcome = parseJson(JSON.stringify(V1))
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.articles[0]!.article.url).toBe('http://town.example.net/library')
    expect(outcome.links![0]).toMatchObject({ tags: ['town', 'books'], read: true, archived: true, savedAt: null })
  })

  it('leaves other JSON arrays to the scraper reader', () => {
    const outcome = parseJson(JSON.stringify([{ title: 'Plain record', text: BODY, created_at: '2024-01-02' }]))
    expect(outcome.ok && outcome.links).toBeFalsy()
    expect(outcome.ok && outcome.articles[0]!.article.published).toBe('2024-01-02')
  })
})
