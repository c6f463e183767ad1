/**
 * Single-file pages in Chromium: an MHTML save (its picture a MIME part) and an EPUB chapter (its picture a file in
 * the ZIP) are dropped through the harness, and their images are drawn from data: URIs without a single request
 * leaving 127.0.0.1. (SingleFile's HTML with data: images is covered by images.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import yazl from 'yazl'
import { solidPng } from '../helpers/png'
import { openReadingRoom, type ReadingRoom } from './support'

const FERRY_PNG = solidPng(36, 20, [40, 120, 90])
const QUAY_PNG = solidPng(24, 18, [160, 40, 120])

const paragraphs = (topic: string) =>
  Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Paragraph ${i + 1} on ${topic}: the harbour master said the crossings would run every half hour ` +
      'through the summer, and that the timetable would be posted at the harbour office each Monday.</p>',
  ).join('\n')

const MHTML_TITLE = 'Night ferry returns to the island'
const MHTML = [
  'From: <Saved by Blink>',
  'Snapshot-Content-Location: https://harbour-news.example/night-ferry',
  `Subject: ${MHTML_TITLE}`,
  'Date: Wed, 4 Mar 2026 21:10:00 -0000',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related;',
  '\ttype="text/html";',
  '\tboundary="----MultipartBoundary--e2e----"',
  '',
  '------MultipartBoundary--e2e----',
  'Content-Type: text/html',
  'Content-Transfer-Encoding: 8bit',
  'Content-Location: https://harbour-news.example/night-ferry',
  '',
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${MHTML_TITLE}</title></head><body><article>`,
  `<h1>${MHTML_TITLE}</h1>`,
  '<figure><img src="https://harbour-news.example/img/ferry.png" alt="The night ferry at the quay"></figure>',
  paragraphs('the night ferry'),
  '</article></body></html>',
  '------MultipartBoundary--e2e----',
  'Content-Type: image/png',
  'Content-Transfer-Encoding: base64',
  'Content-Location: https://harbour-news.example/img/ferry.png',
  '',
  FERRY_PNG.toString('base64'),
  '------MultipartBoundary--e2e------',
  '',
].join('\r\n')

const EPUB_CHAPTER = 'The Quay at Dusk'
const EPUB_TITLE = `Harbour Stories: ${EPUB_CHAPTER}`

/** An EPUB of one chapter holding one picture, zipped with yazl. */
function epub(): Promise<Buffer> {
  const files: Record<string, string | Buffer> = {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml':
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    'OPS/book.opf':
      '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Harbour Stories</dc:title></metadata><manifest><item id="c1" href="quay.xhtml" media-type="application/xhtml+xml"/><item id="i1" href="quay.png" media-type="image/png"/></manifest><spine><itemref idref="c1"/></spine></package>',
    'OPS/quay.xhtml': `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Harbour Stories</title></head><body><h1>${EPUB_CHAPTER}</h1><p><img src="quay.png" alt="The quay at dusk"/></p>${paragraphs('the quay')}</body></html>`,
    'OPS/quay.png': QUAY_PNG,
  }
  const archive = new yazl.ZipFile()
  for (const [name, data] of Object.entries(files)) archive.addBuffer(Buffer.from(data), name)
  archive.end()
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    archive.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    archive.outputStream.on('error', reject)
    archive.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

describe('single-file pages in Chromium', () => {
  let room: ReadingRoom
  let page: Page
  let foreignRequests: string[]

  beforeAll(async () => {
    room = await openReadingRoom('single-file')
    ;({ page, foreignRequests } = room)
    await page.getByRole('main').waitFor()
  })

  afterAll(async () => {
    await room?.close()
  })

  const list = () => page.getByRole('listbox', { name: 'Articles' })
  const articleImages = () => page.locator('[data-article-html] img')
  const drawnWidths = async () => {
    await expect
      .poll(() => articleImages().evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete)))
      .toBe(true)
    return articleImages().evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth))
  }

  it('imports a dropped MHTML and EPUB', async () => {
    const dropped = [
      { relativePath: 'night-ferry.mhtml', base64: Buffer.from(MHTML, 'utf8').toString('base64') },
      { relativePath: 'harbour-stories.epub', base64: (await epub()).toString('base64') },
    ]
    const results = await page.evaluate(async (files) => {
      const api = (window as unknown as { broadsheet: import('../../electron/shared/ipc-contract').BroadsheetApi })
        .broadsheet
      const answer = await api.imports.dropped(
        files.map(({ relativePath, base64 }) => ({
          file: new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], relativePath),
          relativePath,
        })),
      )
      if (!answer.ok) throw new Error(answer.error.message)
      return answer.value.map((r) => ({ file: r.file, status: r.status }))
    }, dropped)
    expect(results).toEqual([
      { file: 'night-ferry.mhtml', status: 'imported' },
      { file: 'harbour-stories.epub', status: 'imported' },
    ])
    await list().getByText(MHTML_TITLE).waitFor()
    await list().getByText(EPUB_TITLE).waitFor()
  })

  it('draws the MHTML page’s image from its MIME part', async () => {
    await list().getByText(MHTML_TITLE).click()
    await page.getByRole('heading', { level: 1, name: MHTML_TITLE }).waitFor()
    expect(await drawnWidths()).toEqual([36])
    expect(await articleImages().first().getAttribute('alt')).toBe('The night ferry at the quay')
    await page.keyboard.press('Escape')
  })

  it('draws the EPUB chapter’s image from the archive', async () => {
    await list().getByText(EPUB_TITLE).click()
    await page.getByRole('heading', { level: 1, name: EPUB_TITLE }).waitFor()
    expect(await drawnWidths()).toEqual([24])
    await page.keyboard.press('Escape')
  })

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(foreignRequests).toEqual([])
  })
})
