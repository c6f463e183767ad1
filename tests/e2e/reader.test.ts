/**
 * The reader in Chromium, as a keyboard user and a careful fact-checker use it: focus, scrolling, keys inside
 * HTML articles, links, the banner, provenance and accessibility.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { WebHarness } from '../../electron/web/harness'
import { expectNoAxeViolations, openReadingRoom, SCREENSHOT_DIR, type ReadingRoom } from './support'

/** Synthetic articles written for this test. */
const MT_NOTICE =
  'We transmit this news automatically and translate it through programmatic technology, not from a human editor.'

const filler = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `Paragraph ${i + 1} about ${topic}: the council heard from residents, engineers and the harbour office, ` +
      'who each described the plan from their side and asked for the figures to be published before the vote.',
  )

const LONG_TXT = [
  'Ferry timetable changes split the island council',
  '',
  ...filler('the ferry timetable', 30).flatMap((p) => [p, '']),
  'At the end of the meeting the councillors agreed to publish the ferry contract in full next week.',
  '',
  MT_NOTICE,
].join('\n')

const BAKERY_TXT = ['Bakery on Mill Street reopens', '', ...filler('the bakery', 24).flatMap((p) => [p, ''])].join('\n')

const PAGE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tide gauge readings published online</title>
<meta property="og:site_name" content="Saltmarsh Gazette"><meta property="article:published_time" content="2025-06-03T09:00:00Z"></head>
<body><article><h1>Tide gauge readings published online</h1>
<p>The harbour office has published <a href="https://tides.example/readings">ten years of tide gauge readings</a> for anyone to study.</p>
<figure><img src="https://images.example/gauge.jpg" alt="The tide gauge on the north pier"><figcaption>The gauge in 2019</figcaption></figure>
${filler('the tide gauge', 14)
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
<p>Questions go to <a href="https://tides.example/contact">the harbour office</a>.</p>
</article></body></html>`

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) })
}

/** True when the focused element is inside the reader's article (the contract of an opened article). */
const focusInArticle = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('article, [role="article"], main') !== null)

const scrollTop = (page: Page) => page.evaluate(() => document.querySelector('article.scroll')?.scrollTop ?? -1)

describe('the reader in Chromium', () => {
  let room: ReadingRoom
  let harness: WebHarness
  let page: Page
  let foreignRequests: string[]

  beforeAll(async () => {
    room = await openReadingRoom('reader', {
      seed: async (root) => {
        await fs.writeFile(path.join(root, 'ferry-timetable.txt'), LONG_TXT)
        await fs.writeFile(path.join(root, 'bakery.txt'), BAKERY_TXT)
        await fs.writeFile(path.join(root, 'tide-gauge.html'), PAGE_HTML)
      },
    })
    ;({ harness, page, foreignRequests } = room)
    await page.getByRole('listbox', { name: 'Articles' }).getByText('Bakery on Mill Street reopens').waitFor()
  })

  afterAll(async () => {
    await room?.close()
  })

  const list = () => page.getByRole('listbox', { name: 'Articles' })
  // The reader's own title: at three panes the list beside it has its own h1.
  const heading = (name: string | RegExp) => page.locator('article.scroll').getByRole('heading', { level: 1, name })
  const readerTitle = () => page.locator('article.scroll h1').textContent()

  it('puts focus on the article after Enter, so Space and PageDown scroll it, and Space at the end goes on', async () => {
    // Every article here is longer than the window; open the first row, whose next one is the second.
    const titles = await list().locator('.title').allTextContents()
    await list().getByText(titles[0]!).click()
    await heading(titles[0]!).waitFor()
    await page.keyboard.press('Escape')
    await list().waitFor()
    await list().focus()
    await page.keyboard.press('Home')
    await page.keyboard.press('Enter')
    await heading(titles[0]!).waitFor()
    expect(await focusInArticle(page)).toBe(true)
    expect(await scrollTop(page)).toBe(0)
    await page.keyboard.press('PageDown')
    await expect.poll(() => scrollTop(page)).toBeGreaterThan(0)
    const afterPageDown = await scrollTop(page)
    await page.keyboard.press('Space')
    await expect.poll(() => scrollTop(page)).toBeGreaterThan(afterPageDown)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('End')
    await expect
      .poll(() =>
        page.evaluate(() => {
          const el = document.querySelector('article.scroll')!
          return el.scrollTop + el.clientHeight >= el.scrollHeight - 2
        }),
      )
      .toBe(true)
    await page.keyboard.press('Space')
    await heading(titles[1]!).waitFor()
    expect(await focusInArticle(page)).toBe(true)
    expect(await scrollTop(page)).toBe(0)
  })

  it('keeps Esc, j/k, arrows and / working after a click or Tab into an HTML article', async () => {
    await page.keyboard.press('Escape')
    const titles = await list().locator('.title').allTextContents()
    const tide = 'Tide gauge readings published online'
    // Step away and back in whichever direction has a neighbour.
    const [away, back, arrowAway, arrowBack] =
      titles.indexOf(tide) < titles.length - 1
        ? ['j', 'k', 'ArrowRight', 'ArrowLeft']
        : ['k', 'j', 'ArrowLeft', 'ArrowRight']
    await list().getByText(tide).click()
    await heading(tide).waitFor()
    expect(await page.locator('iframe').count()).toBe(0)
    await page.getByText(/Paragraph 3 about the tide gauge/).click()
    expect(await focusInArticle(page)).toBe(true)
    await page.keyboard.press(away)
    await expect.poll(() => readerTitle()).not.toBe(tide)
    await page.keyboard.press(back)
    await heading(tide).waitFor()
    // Tab onto a link inside the article, then use the app's keys from there.
    await page.getByText(/Paragraph 3 about the tide gauge/).click()
    const focusedLink = () =>
      page.evaluate(() => {
        let el = document.activeElement
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
        return el?.localName === 'a' ? el.textContent : null
      })
    for (let i = 0; i < 10 && (await focusedLink()) === null; i++) await page.keyboard.press('Tab')
    expect(await focusedLink()).toBe('ten years of tide gauge readings')
    await page.keyboard.press(arrowAway)
    await expect.poll(() => readerTitle()).not.toBe(tide)
    await page.keyboard.press(arrowBack)
    await heading(tide).waitFor()
    await page.getByText(/Paragraph 5 about the tide gauge/).click()
    await page.keyboard.press('/')
    expect(await page.getByRole('searchbox', { name: 'Search' }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    )
    await page.keyboard.press('Escape')
    await list().waitFor()
    await list().getByText(tide).click()
    await page.getByText(/Paragraph 5 about the tide gauge/).click()
    await page.keyboard.press('Escape')
    await list().waitFor()
  })

  it('turns caret browsing on with F7, leaving the arrows to the text cursor and j/k to the pages', async () => {
    const tide = 'Tide gauge readings published online'
    const titles = await list().locator('.title').allTextContents()
    const [arrowAway, away] = titles.indexOf(tide) < titles.length - 1 ? ['ArrowRight', 'j'] : ['ArrowLeft', 'k']
    await list().getByText(tide).click()
    await heading(tide).waitFor()
    await page.keyboard.press('F7')
    await page.getByText(/Caret browsing on/).waitFor()
    await page.keyboard.press(arrowAway)
    await page.waitForTimeout(300)
    expect(await readerTitle()).toBe(tide)
    await page.keyboard.press(away)
    await expect.poll(() => readerTitle()).not.toBe(tide)
    await page.keyboard.press('F7')
    await page.getByText('Caret browsing off.').waitFor()
    await page.keyboard.press('Escape')
    await list().waitFor()
  })

  it('selects words with Shift and the arrows in both views without caret browsing, ready to highlight', async () => {
    for (const title of ['Bakery on Mill Street reopens', 'Tide gauge readings published online']) {
      await list().getByText(title).click()
      await heading(title).waitFor()
      // No caret anywhere yet: the selection starts at the first article text in view.
      await page.evaluate(() => document.getSelection()?.removeAllRanges())
      await page.keyboard.press('Control+Shift+ArrowRight')
      await page.keyboard.press('Control+Shift+ArrowRight')
      await expect.poll(() => readerTitle()).toBe(title)
      await page.keyboard.press('h')
      const dialog = page.getByRole('dialog', { name: 'New highlight' })
      await dialog.waitFor()
      expect((await dialog.locator('blockquote').textContent())?.trim().split(/\s+/)).toHaveLength(2)
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached' })
      await page.keyboard.press('Escape')
      await list().waitFor()
    }
  })

  it('shows a link’s address and opens it only through the app on a click or Enter, with no request leaving 127.0.0.1', async () => {
    await list().getByText('Tide gauge readings published online').click()
    await heading('Tide gauge readings published online').waitFor()
    const link = page.getByRole('link', { name: 'ten years of tide gauge readings' })
    await link.hover()
    await page.getByText('https://tides.example/readings', { exact: true }).waitFor()
    await shot(page, 'reader-link-hint')
    const opened = () => harness.shellRequests.filter((r) => r.action === 'openExternal').map((r) => r.target)
    expect(opened()).toEqual([])
    await link.click()
    await expect.poll(opened).toEqual(['https://tides.example/readings'])
    await page.getByRole('link', { name: 'the harbour office' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(opened).toEqual(['https://tides.example/readings', 'https://tides.example/contact'])
    // The article is still there: nothing navigated.
    await heading('Tide gauge readings published online').waitFor()
    expect(new URL(page.url()).hostname).toBe('127.0.0.1')
    // The remote image is a labelled placeholder, never fetched.
    const placeholder = page.locator('.image-placeholder')
    expect(await placeholder.textContent()).toContain('The tide gauge on the north pier')
    expect(await placeholder.textContent()).toContain('https://images.example/gauge.jpg')
    expect(await placeholder.isVisible()).toBe(true)
    expect(foreignRequests).toEqual([])
  })

  it('keeps the flags strip in view when opened at a search hit, and never carries a collapse to the next article', async () => {
    await page.keyboard.press('/')
    await page.getByRole('searchbox', { name: 'Search' }).pressSequentially('contract')
    const hit = page
      .getByRole('region', { name: 'Search results' })
      .getByRole('button', { name: /Ferry timetable changes/ })
    await hit.waitFor({ timeout: 30_000 })
    await hit.click()
    await heading('Ferry timetable changes split the island council').waitFor()
    await page.getByText(/Hit 1 of/).waitFor()
    await expect.poll(() => scrollTop(page)).toBeGreaterThan(0)
    const banner = page.getByRole('note', { name: 'Disclaimer and provenance' })
    const badge = banner.getByText('Machine-translated', { exact: true })
    const box = await badge.boundingBox()
    const viewport = page.viewportSize()!
    expect(box).not.toBeNull()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height)
    const mark = await page.locator('mark.current').boundingBox()
    expect(mark!.y).toBeGreaterThan(box!.y + box!.height)
    await shot(page, 'reader-opened-at-hit')
    await page.keyboard.press('Home')
    await banner.getByRole('button', { name: 'Hide details' }).click()
    expect(await banner.textContent()).not.toContain(MT_NOTICE)
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Library' }).click()
    await list().getByText('Bakery on Mill Street reopens').click()
    await heading('Bakery on Mill Street reopens').waitFor()
    await banner.getByRole('button', { name: 'Hide details' }).waitFor()
    await page.keyboard.press('Escape')
    await list().getByText('Ferry timetable changes split the island council').click()
    await heading('Ferry timetable changes split the island council').waitFor()
    expect(await banner.textContent()).toContain(MT_NOTICE)
  })

  it('gives the provenance in plain words with the full SHA-256, and opens compact when Settings say so', async () => {
    const banner = page.getByRole('note', { name: 'Disclaimer and provenance' })
    const text = (await banner.textContent()) ?? ''
    expect(text).toMatch(/\b[0-9a-f]{64}\b/)
    expect(text).toContain('ferry-timetable.txt')
    expect(text).toContain('date not given')
    await shot(page, 'reader-provenance')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('radio', { name: /Compact/ }).check()
    await page.getByRole('button', { name: 'Library' }).click()
    await list().getByText('Ferry timetable changes split the island council').click()
    await heading('Ferry timetable changes split the island council').waitFor()
    expect(await banner.textContent()).not.toContain(MT_NOTICE)
    expect(await banner.getByText('Machine-translated', { exact: true }).isVisible()).toBe(true)
    await banner.getByRole('button', { name: 'Show details' }).click()
    expect(await banner.textContent()).toContain(MT_NOTICE)
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('radio', { name: /Expanded/ }).check()
  })

  it('runs no script and sends no request even for hostile HTML that got past the core', async () => {
    const hostile = [
      '<p>Hostile body</p>',
      "<script>window.__pwned = 'script'</script>",
      `<img src="x" onerror="window.__pwned = 'onerror'">`,
      '<img src="https://evil.example/pixel.png" alt="pixel">',
      `<svg onload="window.__pwned = 'svg'"><image href="https://evil.example/i.png"/></svg>`,
      `<iframe srcdoc="<script>parent.__pwned = 'iframe'</script>"></iframe>`,
      `<a href="javascript:window.__pwned = 'link'">hostile link</a>`,
      '<link rel="stylesheet" href="https://evil.example/style.css">',
      '<p style="background:url(https://evil.example/bg.png)">styled</p>',
      '<form action="https://evil.example/"><button>go</button></form>',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    ].join('')
    // Stand in for a sanitizer bug: the page receives the hostile HTML as the article's own.
    await page.route(
      (url) => decodeURIComponent(url.pathname).endsWith('/ipc/article:get'),
      async (route) => {
        const response = await route.fetch()
        const json = await response.json()
        if (json.ok && json.value.title === 'Tide gauge readings published online') json.value.html = hostile
        await route.fulfill({ response, json })
      },
    )
    try {
      await page.getByRole('button', { name: 'Library' }).click()
      await list().getByText('Tide gauge readings published online').click()
      const body = page.locator('[data-article-html]')
      await body.getByText('Hostile body').waitFor()
      await body.getByText('hostile link').click()
      await body.getByText('styled').hover()
      // Give anything that could fire (an error handler, a refresh) the chance to.
      await page.waitForTimeout(500)
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
      expect(foreignRequests).toEqual([])
      expect(new URL(page.url()).hostname).toBe('127.0.0.1')
      await heading('Tide gauge readings published online').waitFor()
    } finally {
      await page.unrouteAll()
      await page.keyboard.press('Escape')
    }
  })

  it.each(['light', 'dark'] as const)(
    'has no serious or moderate axe violations in text and HTML, %s',
    async (theme) => {
      await page.getByRole('button', { name: 'Settings' }).click()
      await page.getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).check()
      await page.getByRole('button', { name: 'Library' }).click()
      await list().getByText('Ferry timetable changes split the island council').click()
      await heading('Ferry timetable changes split the island council').waitFor()
      await expectNoAxeViolations(page, '.reader')
      await shot(page, `reader-text-${theme}`)
      await page.keyboard.press('Escape')
      await list().getByText('Tide gauge readings published online').click()
      await heading('Tide gauge readings published online').waitFor()
      await expectNoAxeViolations(page, '.reader')
      await shot(page, `reader-html-${theme}`)
      await page.getByRole('button', { name: 'Show plain text' }).click()
      await expectNoAxeViolations(page, '.reader')
      await page.keyboard.press('Escape')
    },
  )
})

describe('the reader at common screen sizes', () => {
  let room: ReadingRoom
  let page: Page

  beforeAll(async () => {
    room = await openReadingRoom('reader-sizes', {
      seed: async (root) => {
        await fs.writeFile(path.join(root, 'ferry-timetable.txt'), LONG_TXT)
        await fs.writeFile(path.join(root, 'tide-gauge.html'), PAGE_HTML)
      },
    })
    ;({ page } = room)
  })

  afterAll(async () => {
    await room?.close()
  })

  it.each([
    [1366, 850],
    [1920, 1080],
  ])('keeps title, banner and body in one column at %i×%i', async (width, height) => {
    await page.setViewportSize({ width, height })
    const list = page.getByRole('listbox', { name: 'Articles' })
    for (const [title, name] of [
      ['Ferry timetable changes split the island council', 'text'],
      ['Tide gauge readings published online', 'html'],
    ] as const) {
      await list.getByText(title).click()
      await page.locator('article.scroll').getByRole('heading', { level: 1, name: title }).waitFor()
      const left = async (selector: string) => (await page.locator(selector).first().boundingBox())?.x
      const titleLeft = await left('article.scroll h1')
      expect(await left('article.scroll .strip')).toBe(titleLeft)
      expect(await left(name === 'html' ? '[data-article-html]' : 'article.scroll .body')).toBe(titleLeft)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `reader-${name}-${width}x${height}.png`) })
      await page.keyboard.press('Escape')
    }
  })
})
