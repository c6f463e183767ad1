import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../electron/core/formats/index'
import { column, writePdf } from '../../helpers/pdf-writer'

async function parse(bytes: Buffer, name = 'story.pdf') {
  const outcome = await parseFile(new Uint8Array(bytes), name)
  if (!outcome.ok) throw new Error(outcome.reason)
  expect(outcome.articles).toHaveLength(1)
  return outcome.articles[0]!.article
}

const HEADER = { x: 72, y: 760, size: 9, text: 'The Harbour Gazette - Spring edition' }
const footer = (n: number) => ({ x: 290, y: 40, size: 9, text: `Page ${n}` })

describe('pdf: one column over two pages', () => {
  const bytes = writePdf({
    info: { Title: 'Harbour ferry terminal approved', Author: 'Ada Example', CreationDate: 'D:20260303091500Z' },
    pages: [
      {
        texts: [
          HEADER,
          ...column(
            [
              'The harbour authority approved the new ferry terminal on Tuesday after a',
              'review that lasted almost two years and drew hundreds of comments from the',
              'residents of the old town, who asked for a quieter design for the termi-',
              'nal and a new car queue away from the houses.',
              '',
              'Work on the pier starts in spring. The authority said the terminal will',
              'handle twice as many crossings as the current one and will carry the',
              'crossings as today and opens in 2028.',
            ],
            72,
            700,
          ),
          footer(1),
        ],
      },
      {
        texts: [
          HEADER,
          ...column(
            [
              'Residents welcomed the decision at a meeting on Wednesday evening, and the',
              'chair thanked them for their patience during the long review.',
            ],
            72,
            700,
          ),
          footer(2),
        ],
      },
    ],
  })

  it('joins lines into paragraphs, undoes the hyphen and drops the running head and page numbers', async () => {
    const article = await parse(bytes)
    expect(article.text).toBe(
      [
        'The harbour authority approved the new ferry terminal on Tuesday after a review that lasted almost two years and drew hundreds of comments from the residents of the old town, who asked for a quieter design for the terminal and a new car queue away from the houses.',
        'Work on the pier starts in spring. The authority said the terminal will handle twice as many crossings as the current one and will carry the crossings as today and opens in 2028.',
        'Residents welcomed the decision at a meeting on Wednesday evening, and the chair thanked them for their patience during the long review.',
      ].join('\n\n'),
    )
  })

  it('reads a PDF larger than the limit for one article (its pictures are most of it)', async () => {
    const outcome = await parseFile(new Uint8Array(bytes), 'story.pdf', { maxBytes: 1024 })
    expect(outcome.ok).toBe(true)
  })

  it('takes the title and author from the document info, and its creation as the capture date', async () => {
    const article = await parse(bytes)
    expect(article.title).toBe('Harbour ferry terminal approved')
    expect(article.author).toBe('Ada Example')
    expect(article.capturedAt).toBe('2026-03-03T09:15:00.000Z')
    expect(article.published).toBeNull()
  })
})

describe('pdf: two columns under a headline', () => {
  const bytes = writePdf({
    pages: [
      {
        texts: [
          { x: 72, y: 740, size: 20, text: 'Council opens the new library' },
          ...column(
            [
              'The council opened the new public library on',
              'Saturday, with a reading room that seats two',
              'hundred people and a floor for children.',
              '',
              'The library replaces the old building on Mill',
              'Street, which closed three years ago after a',
              'flood damaged its basement archive.',
            ],
            50,
            700,
          ),
          ...column(
            [
              'Volunteers moved forty thousand books over the',
              'summer, and the catalogue is now online for',
              'the first time.',
              '',
              'The mayor said the library will stay open late',
              'on Thursdays from next month.',
            ],
            320,
            700,
          ),
        ],
      },
    ],
  })

  it('reads the left column before the right one, and takes the headline as the title', async () => {
    const article = await parse(bytes)
    expect(article.title).toBe('Council opens the new library')
    expect(article.text).toBe(
      [
        'The council opened the new public library on Saturday, with a reading room that seats two hundred people and a floor for children.',
        'The library replaces the old building on Mill Street, which closed three years ago after a flood damaged its basement archive.',
        'Volunteers moved forty thousand books over the summer, and the catalogue is now online for the first time.',
        'The mayor said the library will stay open late on Thursdays from next month.',
      ].join('\n\n'),
    )
  })
})

describe('pdf: a paragraph running on into the next column', () => {
  it('keeps a sentence cut by the column break in one paragraph', async () => {
    const left = column(
      [
        'The ferry service will run every half hour from',
        'the new pier, and the old landing stage on the',
        'east side of the harbour will be turned into a',
        'small park with benches and a playground for',
      ],
      50,
      700,
    )
    const right = column(
      [
        'the children of the old town, the chair said.',
        '',
        'Tickets go on sale in May at the harbour office',
        'and online, at the same price as this year.',
      ],
      320,
      700,
    )
    const article = await parse(writePdf({ pages: [{ texts: [...left, ...right] }] }))
    expect(article.text.split('\n\n')[0]).toBe(
      'The ferry service will run every half hour from the new pier, and the old landing stage on the east side of the harbour will be turned into a small park with benches and a playground for the children of the old town, the chair said.',
    )
  })
})

describe('pdf: a web page printed from the browser', () => {
  it('drops the printed date, title, address and page count, keeping the address as the source', async () => {
    const page = (n: number, body: string[]) => ({
      texts: [
        { x: 20, y: 775, size: 8, text: '3/4/26, 9:15 AM' },
        { x: 250, y: 775, size: 8, text: 'Harbour ferry terminal approved' },
        ...column(body, 72, 700),
        { x: 20, y: 15, size: 8, text: 'https://news.example.org/2026/harbour-ferry' },
        { x: 570, y: 15, size: 8, text: `${n}/2` },
      ],
    })
    const article = await parse(
      writePdf({
        pages: [
          page(1, ['The harbour authority approved the new ferry terminal on Tuesday.']),
          page(2, ['Work on the pier starts in spring, the authority said.']),
        ],
      }),
    )
    expect(article.sourceUrl).toBe('https://news.example.org/2026/harbour-ferry')
    expect(article.text).toBe(
      'The harbour authority approved the new ferry terminal on Tuesday.\n\nWork on the pier starts in spring, the authority said.',
    )
  })
})

describe('pdf: a Japanese page in a font that is not embedded', () => {
  it('reads its text through Adobe’s character maps', async () => {
    const article = await parse(
      writePdf({ pages: [{ texts: column(['東京の港に新しいフェリーターミナルが完成しました。'], 72, 700, 12, 16) }] }),
    )
    expect(article.text).toBe('東京の港に新しいフェリーターミナルが完成しました。')
  })
})

describe('pdf: footnote marks', () => {
  it('keeps a raised footnote mark in its line instead of a line of its own', async () => {
    const raw = [
      'BT /F1 10 Tf 72 700 Td (The north pier was first opened in 1902) Tj /F1 6 Tf 4 Ts ([1]) Tj',
      '/F1 10 Tf 0 Ts ( and rebuilt after the storm of 1953.) Tj ET',
    ].join('\n')
    const article = await parse(writePdf({ pages: [{ texts: [], raw }] }))
    expect(article.text).toBe('The north pier was first opened in 1902[1] and rebuilt after the storm of 1953.')
  })
})

describe('pdf: bad input', () => {
  it('fails a scan without a text layer', async () => {
    const outcome = await parseFile(new Uint8Array(writePdf({ pages: [{ texts: [], rectangle: true }] })), 'scan.pdf')
    expect(outcome).toEqual({ ok: false, reason: 'no text layer (scanned image)' })
  })

  it('fails a password-protected PDF', async () => {
    const locked = writePdf({ encrypted: true, pages: [{ texts: column(['Secret minutes of the board.'], 72, 700) }] })
    const outcome = await parseFile(new Uint8Array(locked), 'locked.pdf')
    expect(outcome).toEqual({ ok: false, reason: 'encrypted PDF (password protected)' })
  })

  it('fails a file that is not a PDF', async () => {
    const outcome = await parseFile(new TextEncoder().encode('meeting notes, typed in a hurry'), 'notes.pdf')
    expect(outcome.ok === false && outcome.reason).toMatch(/^not a valid PDF/)
  })
})
