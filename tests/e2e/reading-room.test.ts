import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs/promises'
import path from 'node:path'
import iconv from 'iconv-lite'
import type { Page } from 'playwright-core'
import type { WebHarness } from '../../electron/web/harness'
import { openReadingRoom, SCREENSHOT_DIR, type ReadingRoom } from './support'

/** Synthetic articles, one per format, written for this test. */
const MT_NOTICE =
  'We transmit this news automatically and translate it through programmatic technology, not from a human editor.'

function fixtureFiles(): { name: string; bytes: Buffer }[] {
  const txt = [
    'Harbour board approves the quayside extension at Velmora',
    '',
    'The Velmora harbour board voted on Tuesday to extend the northern quayside by 240 metres, a plan that has divided fishermen and the ferry company for two years.',
    '',
    'Work on the quayside is due to start in spring. The board said the cost would be shared with the regional fund.',
    '',
    'Local news',
    'Back to top button',
    MT_NOTICE,
  ].join('\n')
  const cp1251 = [
    'В Ольховке открыли новую библиотеку',
    '',
    'В посёлке Ольховка в субботу открылась новая районная библиотека с читальным залом на сорок мест.',
    '',
    'Книжный фонд библиотеки составляет двенадцать тысяч томов.',
  ].join('\n')
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lantern festival lights up the old town</title>
<meta property="og:site_name" content="Kessling Courier"><meta property="article:published_time" content="2025-09-14T09:00:00Z"></head>
<body><article><h1>Lantern festival lights up the old town</h1><p>Thousands of paper lanterns floated over the Kessling canals on Saturday night as the annual festival returned.</p>
<p>Organisers said more than forty thousand visitors came, a record for the event.</p></article></body></html>`
  const md = `---\ntitle: Orchard growers expect an early apple harvest\nsite: Valley Farmer\npublished: 2025-08-02\n---\n\nOrchard growers across the valley expect the apple harvest to begin two weeks early after a warm spring.\n\nThe cooperative said pickers are being hired now.\n`
  const json = JSON.stringify({
    title: 'Tram line to the university opens',
    text: 'The new tram line to the university campus opened on Monday with free rides all week.\n\nThe line has nine stops.',
    site: 'Brackenford Evening Post',
    url: 'https://brackenford-post.example/tram-line',
    published: '2025-10-01',
  })
  const jsonl = [
    {
      title: 'Rowing club wins the autumn regatta',
      text: 'The rowing club won the autumn regatta on the river on Sunday.',
    },
    {
      title: 'Library extends its opening hours',
      text: 'The central library will open until nine in the evening from next month.',
    },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n')
  return [
    { name: 'quayside.txt', bytes: Buffer.from(txt, 'utf8') },
    { name: 'olkhovka-cp1251.txt', bytes: iconv.encode(cp1251, 'win1251') },
    { name: 'lanterns.html', bytes: Buffer.from(html, 'utf8') },
    { name: 'orchards.md', bytes: Buffer.from(md, 'utf8') },
    { name: 'tram.json', bytes: Buffer.from(json, 'utf8') },
    { name: 'digest.jsonl', bytes: Buffer.from(jsonl, 'utf8') },
    { name: 'broken.json', bytes: Buffer.from('{"title": "Half a record", "text": ', 'utf8') },
  ]
}

/** Drops files on the window the way a user's drag does: dragenter, dragover, drop with a DataTransfer. */
async function dropFiles(
  page: Page,
  files: { name: string; bytes: Buffer }[],
  beforeDrop: () => Promise<void> = async () => {},
): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') }))
  await page.evaluate((items) => {
    const transfer = new DataTransfer()
    for (const item of items) {
      const binary = atob(item.base64)
      const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
      transfer.items.add(new File([bytes], item.name))
    }
    const w = window as unknown as { __transfer: DataTransfer }
    w.__transfer = transfer
    for (const type of ['dragenter', 'dragover']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }))
    }
  }, payload)
  await beforeDrop()
  await page.evaluate(() => {
    const transfer = (window as unknown as { __transfer: DataTransfer }).__transfer
    document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }))
  })
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) })
}

describe('the reading room in Chromium', () => {
  let room: ReadingRoom
  let harness: WebHarness
  let root: string
  let page: Page

  beforeAll(async () => {
    room = await openReadingRoom('reading-room')
    ;({ harness, root, page } = room)
  })

  afterAll(async () => {
    await room?.close()
  })

  it('opens on an empty library that explains how to import', async () => {
    await page.getByRole('heading', { name: 'Your library is empty' }).waitFor()
    expect(await page.getByText(/Drag article files or whole folders/).isVisible()).toBe(true)
    await shot(page, '01-empty-library')
  })

  it('imports dropped files of every format and reports the bad one with its reason', async () => {
    await dropFiles(page, fixtureFiles(), async () => {
      await page.getByText('Drop to import').waitFor()
      await shot(page, '02-drop-overlay')
    })
    expect(await page.getByText('Drop to import').count()).toBe(0)
    const report = page.getByRole('dialog', { name: 'Import report' })
    await report.waitFor()
    const failed = report.getByRole('region', { name: 'Failed files' })
    await expect.poll(() => failed.textContent()).toContain('broken.json')
    const failedText = (await failed.textContent()) ?? ''
    expect(failedText).toMatch(/broken\.json: \S+/)
    const imported = (await report.getByRole('region', { name: 'Imported files' }).textContent()) ?? ''
    for (const name of [
      'quayside.txt',
      'olkhovka-cp1251.txt',
      'lanterns.html',
      'orchards.md',
      'tram.json',
      'digest.jsonl',
    ]) {
      expect(imported).toContain(name)
    }
    await shot(page, '02-import-report')
    await report.getByRole('button', { name: 'Close' }).click()
    const list = page.getByRole('listbox', { name: 'Articles' })
    await list.getByText('Harbour board approves the quayside extension at Velmora').waitFor()
    await list.getByText('В Ольховке открыли новую библиотеку').waitFor()
    expect(await list.getByRole('option').count()).toBe(7)
    await shot(page, '03-library-list')
  })

  it('finds an article by search and shows the hits and the disclaimer banner in the reader', async () => {
    const box = page.getByRole('searchbox', { name: 'Search' })
    await page.keyboard.press('/')
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true)
    await box.pressSequentially('quayside')
    const results = page.getByRole('region', { name: 'Search results' })
    const hit = results.getByRole('button', { name: /Harbour board approves the quayside extension/ })
    await hit.waitFor({ timeout: 30_000 })
    expect(await results.locator('mark').count()).toBeGreaterThan(0)
    await shot(page, '04-search-results')
    await hit.click()
    await page
      .getByRole('heading', { level: 1, name: 'Harbour board approves the quayside extension at Velmora' })
      .waitFor()
    const marks = page.locator('article mark')
    expect(await marks.count()).toBeGreaterThanOrEqual(2)
    expect((await marks.first().textContent())?.toLowerCase()).toBe('quayside')
    await page.getByText(/Hit 1 of \d+/).waitFor()
    await page.keyboard.press('n')
    await page.getByText(/Hit 2 of \d+/).waitFor()
    const banner = page.getByRole('note', { name: /Disclaimer/ })
    expect(await banner.textContent()).toContain(MT_NOTICE)
    expect(await banner.textContent()).toMatch(/File in the library\s*quayside\.txt/)
    await shot(page, '05-reader-with-hits')
  })

  it('points at the position of a query error under the search box', async () => {
    const box = page.getByRole('searchbox', { name: 'Search' })
    await box.fill('quayside nosuchfield:harbour')
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/Query error/)
    expect(await page.getByLabel('Error position').locator('mark').textContent()).not.toBe('')
    await shot(page, '05b-query-error')
    await box.fill('quayside')
    await page
      .getByText(/Hit 1 of|1 result/)
      .first()
      .waitFor()
    await page
      .getByRole('region', { name: 'Search results' })
      .getByRole('button', { name: /Harbour board approves/ })
      .click()
    await page.getByRole('heading', { level: 1, name: /Harbour board approves/ }).waitFor()
  })

  it('stars the open article and shows the star in the list', async () => {
    await page.getByRole('button', { name: '☆ Star' }).click()
    await page.getByRole('button', { name: '★ Starred' }).waitFor()
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Library' }).click()
    const row = page.getByRole('option').filter({ hasText: 'Harbour board approves the quayside extension' })
    await row.getByRole('img', { name: 'Starred' }).waitFor()
  })

  it('changes the theme and remembers it after a reload', async () => {
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('radio', { name: 'Dark' }).check()
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    await shot(page, '06-settings-dark')
    await page.reload()
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    await page.getByRole('radio', { name: 'Dark' }).waitFor()
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true)
  })

  it('shows a file added behind its back', async () => {
    await page.getByRole('button', { name: 'Library' }).click()
    await page.getByRole('listbox', { name: 'Articles' }).waitFor()
    await fs.writeFile(
      path.join(root, 'lighthouse.txt'),
      'Lighthouse keeper retires after forty years\n\nThe last keeper of the Tarnholm lighthouse handed over the keys on Friday.\n',
    )
    await page
      .getByRole('listbox', { name: 'Articles' })
      .getByText('Lighthouse keeper retires after forty years')
      .waitFor({ timeout: 15_000 })
    await shot(page, '07-library-dark-after-outside-change')
  })

  it('shows article HTML in the page itself, where no script may run', async () => {
    await page.getByRole('listbox', { name: 'Articles' }).getByText('Lantern festival lights up the old town').click()
    await page.getByRole('heading', { level: 1, name: 'Lantern festival lights up the old town' }).waitFor()
    expect(await page.locator('iframe').count()).toBe(0)
    await page
      .locator('[data-article-html]')
      .getByText(/Thousands of paper lanterns/)
      .waitFor()
    const csp = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    )
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? ''
    expect(scriptSrc.trim()).toBe("script-src 'self'")
    expect(await page.getByRole('note', { name: /Disclaimer/ }).textContent()).toMatch(/Site\s*Kessling Courier/)
    await shot(page, '08-reader-html')
  })

  it('opens the original address only when the user clicks, through the app', async () => {
    expect(await page.locator('a[href^="http"]').count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.getByRole('listbox', { name: 'Articles' }).getByText('Tram line to the university opens').click()
    await page.getByRole('heading', { level: 1, name: 'Tram line to the university opens' }).waitFor()
    expect(harness.shellRequests.filter((r) => r.action === 'openExternal')).toHaveLength(0)
    await page.getByRole('button', { name: 'More' }).click()
    await page.getByRole('menuitem', { name: /Open original/ }).click()
    await expect
      .poll(() => harness.shellRequests.filter((r) => r.action === 'openExternal').map((r) => r.target))
      .toEqual(['https://brackenford-post.example/tram-line'])
  })

  it('moves through the list with the keyboard, opens with Enter and goes back with Escape', async () => {
    await page.keyboard.press('Escape')
    const list = page.getByRole('listbox', { name: 'Articles' })
    await list.waitFor()
    const titles = await list.locator('.title').allTextContents()
    await list.focus()
    await page.keyboard.press('Home')
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('k')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: titles[1] }).waitFor()
    await page.keyboard.press('Escape')
    await list.waitFor()
    expect(await list.getByRole('option', { selected: true }).locator('.title').textContent()).toBe(titles[1])
  })
})
