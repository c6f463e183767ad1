/**
 * Images offline in Chromium: a page saved "Web page, complete" (with its `_files` folder) and a SingleFile page
 * (images as data: URIs) are imported through the harness, and their images are drawn without a single request
 * leaving 127.0.0.1; an image that only exists on the web is a labelled placeholder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { WebHarness } from '../../electron/web/harness'
import { solidPng } from '../helpers/png'
import { openReadingRoom, SCREENSHOT_DIR, type ReadingRoom } from './support'

const PIER_PNG = solidPng(40, 24, [30, 90, 160])
const BUOY_PNG = solidPng(16, 16, [220, 120, 20])

const paragraphs = (topic: string) =>
  Array.from(
    { length: 8 },
    (_, i) =>
      `<p>Paragraph ${i + 1} on ${topic}: the harbour master told the meeting that the work would run through ` +
      'the winter, and that boat owners would be told of each closure a week ahead in the harbour office.</p>',
  ).join('\n')

/** Saved by a browser as "Web page, complete": the images sit in `Harbour news_files/`, referred to relatively. */
const COMPLETE_TITLE = 'North pier reopens after repairs'
const COMPLETE_PAGE = `<!DOCTYPE html>
<!-- saved from url=(0036)https://harbour-news.example/pier -->
<html lang="en"><head><meta charset="utf-8"><title>${COMPLETE_TITLE}</title>
<link rel="canonical" href="https://harbour-news.example/pier">
<link rel="stylesheet" href="./Harbour%20news_files/site.css">
</head><body><article><h1>${COMPLETE_TITLE}</h1>
<figure><img src="./Harbour%20news_files/pier.png" alt="The repaired north pier at low tide" width="40" height="24">
<figcaption>The north pier after the repairs</figcaption></figure>
${paragraphs('the north pier')}
<figure><img src="https://cdn.harbour-news.example/crane.jpg" alt="A crane lifting the last pier section">
<figcaption>The last section goes in</figcaption></figure>
<p>The pier is open to walkers again from Saturday morning.</p>
</article></body></html>`

/** Saved by SingleFile: one file, its image inlined as a data: URI, with SingleFile's comment at the top. */
const SINGLEFILE_TITLE = 'New buoys mark the channel'
const SINGLEFILE_PAGE = `<!DOCTYPE html> <html lang="en"><!--
 Page saved with SingleFile
 url: https://harbour-news.example/buoys
 saved date: Tue Mar 04 2025 10:12:00 GMT+0000 (Coordinated Universal Time)
--><head><meta charset="utf-8"><title>${SINGLEFILE_TITLE}</title></head>
<body><article><h1>${SINGLEFILE_TITLE}</h1>
<figure><img src="data:image/png;base64,${BUOY_PNG.toString('base64')}" alt="An orange channel buoy">
<figcaption>One of the new buoys</figcaption></figure>
${paragraphs('the channel buoys')}
</article></body></html>`

describe('images offline in Chromium', () => {
  let room: ReadingRoom
  let harness: WebHarness
  let sourceDir: string
  let page: Page
  let foreignRequests: string[]
  const mediaResponses: [string, number][] = []

  beforeAll(async () => {
    sourceDir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-saved-pages-'))
    await fs.mkdir(path.join(sourceDir, 'saved', 'Harbour news_files'), { recursive: true })
    await fs.writeFile(path.join(sourceDir, 'saved', 'Harbour news.html'), COMPLETE_PAGE)
    await fs.writeFile(path.join(sourceDir, 'saved', 'Harbour news_files', 'pier.png'), PIER_PNG)
    await fs.writeFile(path.join(sourceDir, 'saved', 'Harbour news_files', 'site.css'), 'body { margin: 0 }')
    await fs.writeFile(path.join(sourceDir, 'saved', 'buoys.html'), SINGLEFILE_PAGE)

    room = await openReadingRoom('images')
    ;({ harness, page, foreignRequests } = room)
    page.on('response', (response) => {
      const url = new URL(response.url())
      if (url.pathname.startsWith('/media/')) mediaResponses.push([decodeURIComponent(url.pathname), response.status()])
    })
    await page.getByRole('main').waitFor()
  })

  afterAll(async () => {
    await room?.close()
    if (sourceDir) await fs.rm(sourceDir, { recursive: true, force: true })
  })

  const list = () => page.getByRole('listbox', { name: 'Articles' })
  const articleImages = () => page.locator('[data-article-html] img')

  /** Drops the folder the way a browser hands a dropped folder to the page: each file with its relative path. */
  async function dropSavedFolder(): Promise<{ file: string; status: string }[]> {
    const files: { relativePath: string; base64: string }[] = []
    for (const rel of ['saved/Harbour news.html', 'saved/Harbour news_files/pier.png', 'saved/buoys.html']) {
      files.push({ relativePath: rel, base64: (await fs.readFile(path.join(sourceDir, rel))).toString('base64') })
    }
    files.push({
      relativePath: 'saved/Harbour news_files/site.css',
      base64: Buffer.from('body { margin: 0 }').toString('base64'),
    })
    return page.evaluate(async (dropped) => {
      const toFile = ({ relativePath, base64 }: { relativePath: string; base64: string }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
        return { file: new File([bytes], relativePath.split('/').pop()!), relativePath }
      }
      const api = (window as unknown as { broadsheet: import('../../electron/shared/ipc-contract').BroadsheetApi })
        .broadsheet
      const answer = await api.imports.dropped(dropped.map(toFile))
      if (!answer.ok) throw new Error(answer.error.message)
      return answer.value.map((r) => ({ file: r.file, status: r.status }))
    }, files)
  }

  /** Waits until every image in the article has finished loading, then answers each one's natural width. */
  const drawnWidths = async () => {
    await expect
      .poll(() => articleImages().evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete)))
      .toBe(true)
    return articleImages().evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth))
  }

  it('imports a saved folder as two articles, the _files folder travelling with its page', async () => {
    const results = await dropSavedFolder()
    expect(results).toEqual([
      { file: 'saved/Harbour news.html', status: 'imported' },
      { file: 'saved/buoys.html', status: 'imported' },
    ])
    await list().getByText(COMPLETE_TITLE).waitFor()
    await list().getByText(SINGLEFILE_TITLE).waitFor()
    expect(await list().getByRole('option').count()).toBe(2)
  })

  it('draws the "complete" page’s image from the library and shows the web-only image as a labelled box', async () => {
    await list().getByText(COMPLETE_TITLE).click()
    await page.getByRole('heading', { level: 1, name: COMPLETE_TITLE }).waitFor()
    expect(await drawnWidths()).toEqual([40])
    expect(await articleImages().first().getAttribute('alt')).toBe('The repaired north pier at low tide')
    expect(mediaResponses).toContainEqual([expect.stringMatching(/\/Harbour news_files\/pier\.png$/), 200])
    const placeholder = page.locator('[data-article-html] .image-placeholder')
    await expect.poll(() => placeholder.count()).toBe(1)
    expect(await placeholder.isVisible()).toBe(true)
    expect(await placeholder.textContent()).toContain('A crane lifting the last pier section')
    expect(await placeholder.textContent()).toContain('https://cdn.harbour-news.example/crane.jpg')
    const box = await placeholder.boundingBox()
    expect(box?.height).toBeGreaterThan(20)
    await articleImages().first().scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'reader-images-complete.png') })
    await page.keyboard.press('Escape')
  })

  it('draws the SingleFile page’s inlined image', async () => {
    await list().getByText(SINGLEFILE_TITLE).click()
    await page.getByRole('heading', { level: 1, name: SINGLEFILE_TITLE }).waitFor()
    expect(await drawnWidths()).toEqual([16])
    expect(await page.locator('[data-article-html] .image-placeholder').count()).toBe(0)
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'reader-images-singlefile.png') })
    await page.keyboard.press('Escape')
  })

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(foreignRequests).toEqual([])
  })

  it('refuses to serve anything but the article’s own images on the media route', async () => {
    const id = harness
      .library()!
      .list()
      .find((item) => item.title === COMPLETE_TITLE)!.id
    const status = (p: string) => page.evaluate(async (u) => (await fetch(u)).status, p)
    expect(await status(`/media/${id}/Harbour%20news_files/pier.png`)).toBe(200)
    expect(await status(`/media/${id}/Harbour%20news_files/site.css`)).toBe(404)
    expect(await status(`/media/${id}/..%2F..%2Fetc%2Fpasswd`)).toBe(404)
    expect(await status(`/media/${id}/.broadsheet/catalog.json`)).toBe(404)
  })
})
