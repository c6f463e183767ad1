import { describe, expect, it } from 'vitest'
import { formatSize, parseFile } from '../../../electron/core/formats/index'

const utf8 = (text: string) => new TextEncoder().encode(text)
const story =
  'Bridge reopens after repairs\n\nThe old bridge over the river reopened on Monday after six months of repairs.\n'

describe('parseFile', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'story.txt', 'empty file'],
    ['a file of only whitespace', utf8(' \n\t\n  '), 'story.txt', 'file holds only whitespace'],
    ['a file holding only a BOM', new Uint8Array([0xef, 0xbb, 0xbf]), 'story.txt', 'empty file'],
    [
      'binary data with NUL bytes',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]),
      'story.txt',
      'binary data in a .txt file',
    ],
    [
      'control characters',
      new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))),
      'notes.md',
      'binary data in a .md file',
    ],
    [
      '16-bit binary words',
      new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 2 ? 0 : (i * 7) % 9))),
      'data.json',
      'binary data in a .json file',
    ],
    ['an unsupported extension', utf8(story), 'scan.odt', 'unsupported file type .odt'],
    ['a file without an extension', utf8(story), 'README', 'unsupported file type (no extension)'],
    ['malformed JSON', utf8('{"title": "x",\n  "text": }'), 'export.json', 'not valid JSON: '],
  ])('fails %s with a specific reason', async (_case, bytes, name, reason) => {
    const outcome = await parseFile(bytes, name)
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.reason.startsWith(reason), outcome.reason).toBe(true)
  })

  it('names the line and column of a JSON syntax error', async () => {
    const outcome = await parseFile(utf8('{\n  "title": "Broken",\n  "text": "x",,\n}\n'), 'broken.json')
    expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/^not valid JSON: line 3, column 15: \S.+$/) })
  })

  it('refuses a file over the size cap and says by how much', async () => {
    const bytes = new Uint8Array(Math.round(31.2 * 1024 * 1024)).fill(0x61)
    expect(await parseFile(bytes, 'huge.txt')).toEqual({ ok: false, reason: 'file is 31.2 MB, over the 20 MB limit' })
  })

  it('honours a smaller size cap from the options', async () => {
    expect(await parseFile(utf8(story), 'story.txt', { maxBytes: 40 })).toEqual({
      ok: false,
      reason: `file is ${utf8(story).length} bytes, over the 40 bytes limit`,
    })
  })

  it('reads UTF-16 text without a BOM', async () => {
    const bytes = new Uint8Array(Buffer.from(story, 'utf16le'))
    const outcome = await parseFile(bytes, 'story.txt')
    expect(outcome.ok && outcome.articles[0]!.article.title).toBe('Bridge reopens after repairs')
  })

  it('reads upper-case extensions', async () => {
    const outcome = await parseFile(utf8(story), 'STORY.TXT')
    expect(outcome.ok && outcome.articles[0]!.article.title).toBe('Bridge reopens after repairs')
  })

  it('never rejects on random bytes', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const bytes = new Uint8Array(64 + (seed % 50)).map((_, i) => (seed * 7919 + i * 104729) % 256)
      for (const name of ['a.txt', 'a.html', 'a.md', 'a.json', 'a.jsonl'])
        await expect(parseFile(bytes, name)).resolves.toBeDefined()
    }
  })
})

describe('formatSize', () => {
  it('rounds to one decimal in the largest fitting unit', async () => {
    expect(formatSize(20 * 1024 * 1024)).toBe('20 MB')
    expect(formatSize(1536)).toBe('1.5 KB')
    expect(formatSize(12)).toBe('12 bytes')
  })
})
