/**
 * The list, the search view, the sidebar and the layout in Chromium, as a keyboard user and a fact-checker use
 * them: sorting and filtering, tab stops, walking results, focus coming back from the reader, three panes,
 * the import report, and axe-core on every view in light and dark. Screenshots go to test-output/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expectNoAxeViolations, openReadingRoom, SCREENSHOT_DIR, type ReadingRoom } from './support'

/** Synthetic articles written for this test. */
const MT_NOTICE =
  'We transmit this news automatically and translate it through programmatic technology, not from a human editor.'

const ORCHARDS_MD = `---\ntitle: Orchard growers expect an early apple harvest\nsite: Valley Farmer\npublished: 2025-08-02\n---\n\nOrchard growers across the valley expect the apple harvest to begin two weeks early after a warm spring.\n\nThe harbour cooperative said pickers are being hired now.\n`

function files(): { name: string; text: string }[] {
  return [
    {
      name: 'quayside.txt',
      text: [
        'Harbour board approves the quayside extension',
        '',
        'The harbour board voted on Tuesday to extend the northern quayside by 240 metres.',
        '',
        'Work on the quayside is due to start in spring.',
        '',
        MT_NOTICE,
      ].join('\n'),
    },
    {
      name: 'olkhovka.txt',
      text: [
        'В Ольховке открыли новую библиотеку',
        '',
        'В посёлке Ольховка в субботу открылась новая районная библиотека с читальным залом на сорок мест.',
        '',
        'Книжный фонд библиотеки составляет двенадцать тысяч томов, а в зале есть компьютеры для читателей.',
        '',
        MT_NOTICE,
      ].join('\n'),
    },
    { name: 'orchards.md', text: ORCHARDS_MD },
    {
      name: 'tram.json',
      text: JSON.stringify({
        title: 'Tram line to the harbour opens',
        text: 'The new tram line to the harbour opened on Monday with free rides all week.\n\nThe line has nine stops.',
        site: 'Brackenford Evening Post',
        published: '2025-10-01',
      }),
    },
    {
      name: 'lanterns.html',
      text: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lantern festival lights up the harbour</title>
<meta property="og:site_name" content="Kessling Courier"><meta property="article:published_time" content="2025-09-14T09:00:00Z"></head>
<body><article><h1>Lantern festival lights up the harbour</h1><p>Thousands of paper lanterns floated over the harbour on Saturday night as the annual festival returned.</p>
<p>Organisers said more than forty thousand visitors came, a record for the event.</p></article></body></html>`,
    },
  ]
}

/** Drops files on the window the way a user's drag does: dragenter, dragover, drop with a DataTransfer. */
async function dropFiles(page: Page, dropped: { name: string; text: string }[]): Promise<void> {
  await page.evaluate((items) => {
    const transfer = new DataTransfer()
    for (const item of items) transfer.items.add(new File([item.text], item.name))
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }))
    }
  }, dropped)
}

const SIZES = [
  { width: 1366, height: 850 },
  { width: 1920, height: 1080 },
]

/** Screenshots the page at both sizes, then goes back to the first. */
async function shots(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `list-search-${name}-${size.width}x${size.height}.png`) })
  }
  await page.setViewportSize(SIZES[0]!)
}

/** axe-core in light and then dark. */
async function axeLightAndDark(page: Page): Promise<void> {
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme)
    await expectNoAxeViolations(page)
  }
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'))
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return { id: el?.id ?? '', dataId: el?.dataset.id ?? '', text: el?.textContent?.trim() ?? '' }
  })

describe('the list and search in Chromium', () => {
  let room: ReadingRoom
  let page: Page

  beforeAll(async () => {
    room = await openReadingRoom('list-search', { viewport: SIZES[0]! })
    ;({ page } = room)
  })

  afterAll(async () => {
    await room?.close()
  })

  it('shows an empty library that passes axe-core in light and dark', async () => {
    await page.getByRole('heading', { name: 'Your library is empty' }).waitFor()
    await axeLightAndDark(page)
    await shots(page, 'empty')
  })

  it('reports an import with counts in words, one banner landmark and no axe findings', async () => {
    await dropFiles(page, files())
    const report = page.getByRole('dialog', { name: 'Import report' })
    await report.waitFor()
    expect(await report.textContent()).toContain('5 imported (5 articles)')
    expect(await page.getByRole('banner').count()).toBe(1)
    await axeLightAndDark(page)
    await shots(page, 'import-report')
    await report.getByRole('button', { name: 'Close' }).click()
  })

  it('names a duplicate by the title of the article it repeats and opens that article', async () => {
    await dropFiles(page, [{ name: 'orchards-copy.md', text: ORCHARDS_MD }])
    const duplicates = page.getByRole('region', { name: 'Duplicate files' })
    await duplicates.waitFor()
    expect(await duplicates.textContent()).toContain(
      'already in the library as “Orchard growers expect an early apple harvest”',
    )
    await duplicates.getByRole('link', { name: 'Orchard growers expect an early apple harvest' }).click()
    await page.getByRole('heading', { level: 1, name: 'Orchard growers expect an early apple harvest' }).waitFor()
    await page.keyboard.press('Escape')
  })

  it('sorts undated articles last under Published, and by import under Imported', async () => {
    const list = page.getByRole('listbox', { name: 'Articles' })
    await list.getByRole('option').nth(4).waitFor()
    const titles = async () => (await list.getByRole('option').locator('.title').allTextContents()).map((t) => t.trim())
    const published = await titles()
    expect(published.slice(0, 3)).toEqual([
      'Tram line to the harbour opens',
      'Lantern festival lights up the harbour',
      'Orchard growers expect an early apple harvest',
    ])
    expect(await list.getByRole('option').nth(3).textContent()).toContain('Undated')
    expect(await list.textContent()).not.toContain('(imported)')
    await page.getByRole('combobox', { name: /Sort by/ }).selectOption({ label: 'Imported' })
    expect(await titles()).toHaveLength(5)
    await page.getByRole('combobox', { name: /Sort by/ }).selectOption({ label: 'Published' })
  })

  it('combines sidebar filters as chips in words and lists languages by name', async () => {
    const sidebar = page.getByRole('navigation', { name: 'Library filters' })
    await sidebar.getByRole('button', { name: /Russian/ }).click()
    await sidebar.getByRole('button', { name: /Machine-translated/ }).click()
    const chips = page.getByRole('list', { name: 'Filters in force' })
    expect(await chips.textContent()).toMatch(/Language:\s*Russian/)
    expect(await chips.textContent()).toMatch(/Flag:\s*Machine-translated/)
    const library = page.getByRole('region', { name: 'Library' })
    await library.getByText('1 article', { exact: true }).waitFor()
    await axeLightAndDark(page)
    await shots(page, 'list-filtered')
    await chips.getByRole('button', { name: 'Clear all' }).click()
    await library.getByText('5 articles', { exact: true }).waitFor()
    await sidebar.getByRole('button', { name: /Undated/ }).click()
    await library.getByText('2 articles', { exact: true }).waitFor()
    await sidebar.getByRole('button', { name: /All articles/ }).click()
    await library.getByText('5 articles', { exact: true }).waitFor()
    await axeLightAndDark(page)
    await shots(page, 'list')
  })

  it('reaches the list in a few tab stops, the first a skip link, one per sidebar group', async () => {
    await page.reload()
    await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').first().waitFor()
    await page.keyboard.press('Tab')
    expect((await focused(page)).text).toBe('Skip to the list')
    let stops = 1
    while ((await focused(page)).id !== 'article-list' && stops < 40) {
      await page.keyboard.press('Tab')
      stops++
    }
    expect(stops).toBeLessThan(20)
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    await page.reload()
    await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').first().waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    expect((await focused(page)).id).toBe('article-list')
  })

  it('opens the reader beside the list from 1280 px, and Esc gives focus back to the row', async () => {
    expect(await page.getByText('Open an article with Enter or a click to read it here.').isVisible()).toBe(true)
    await page.getByRole('listbox', { name: 'Articles' }).focus()
    await page.keyboard.press('j')
    const row = page.locator('#article-list [aria-selected="true"]')
    const id = await row.getAttribute('data-id')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Lantern festival lights up the harbour' }).waitFor()
    expect(await page.getByRole('listbox', { name: 'Articles' }).isVisible()).toBe(true)
    await shots(page, 'three-panes')
    await page.keyboard.press('Escape')
    expect((await focused(page)).id).toBe('article-list')
    expect(await page.locator('#article-list [aria-selected="true"]').getAttribute('data-id')).toBe(id)
    await page.setViewportSize({ width: 1100, height: 800 })
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Lantern festival lights up the harbour' }).waitFor()
    expect(await page.getByRole('listbox', { name: 'Articles' }).count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.setViewportSize(SIZES[0]!)
  })

  it('moves from the search box to the results, walks them and comes back to the result after reading', async () => {
    const box = page.getByRole('searchbox', { name: 'Search' })
    await box.fill('harbour')
    const results = page.getByRole('list', { name: 'Results' })
    await results.getByRole('button').nth(2).waitFor()
    await box.focus()
    await page.keyboard.press('ArrowDown')
    const first = (await focused(page)).dataId
    expect(first).not.toBe('')
    await page.keyboard.press('j')
    const second = (await focused(page)).dataId
    expect(second).not.toBe(first)
    await page.keyboard.press('k')
    await page.keyboard.press('ArrowDown')
    expect((await focused(page)).dataId).toBe(second)
    await page.keyboard.press('Enter')
    await page.locator('article h1').waitFor()
    await page.keyboard.press('Escape')
    expect((await focused(page)).dataId).toBe(second)
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1)
    await box.focus()
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.activeElement?.closest('#search-results') !== null)
    await axeLightAndDark(page)
    await shots(page, 'search')
  })

  it('clears stale results on a query error and keeps the count in view', async () => {
    const box = page.getByRole('searchbox', { name: 'Search' })
    await box.fill('harbour nosuchfield:x')
    const count = page.getByText('No results: the query has an error.')
    await count.waitFor()
    expect(await page.getByRole('list', { name: 'Results' }).count()).toBe(0)
    const box2 = await count.boundingBox()
    const onTop = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.textContent?.includes('the query has an error') ?? false,
      [box2!.x + 5, box2!.y + box2!.height / 2],
    )
    expect(onTop).toBe(true)
    await axeLightAndDark(page)
    await shots(page, 'search-error')
    await box.fill('')
    await page.getByRole('heading', { name: 'Recent searches' }).waitFor()
    await page.getByRole('alert').waitFor({ state: 'detached' })
    expect(await page.getByRole('button', { name: 'harbour', exact: true }).count()).toBe(1)
    await axeLightAndDark(page)
    await shots(page, 'search-empty')
    await page.keyboard.press('Escape')
  })

  it('passes axe-core on Settings in light and dark', async () => {
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await axeLightAndDark(page)
    await shots(page, 'settings')
    await page.getByRole('button', { name: 'Library' }).click()
  })

  it('comes back from the reader to the list and the results where they were scrolled', async () => {
    await page.setViewportSize({ width: 1000, height: 400 })
    const list = page.locator('#article-list')
    await list.getByRole('option').first().waitFor()
    const listTop = await list.evaluate((el) => (el.scrollTop = el.scrollHeight))
    expect(listTop).toBeGreaterThan(0)
    const before = await list.evaluate((el) => el.scrollTop)
    await list.getByRole('option').filter({ hasText: 'Orchard growers' }).click()
    await page.getByRole('heading', { level: 1, name: /Orchard growers/ }).waitFor()
    await page.keyboard.press('Escape')
    await list.waitFor()
    expect(await list.evaluate((el) => el.scrollTop)).toBe(before)

    await page.getByRole('searchbox', { name: 'Search' }).fill('harbour')
    const results = page.getByRole('region', { name: 'Search results' })
    await results.getByRole('list', { name: 'Results' }).getByRole('button').nth(3).waitFor()
    const resultsTop = await results.evaluate((el) => {
      el.scrollTop = el.scrollHeight
      return el.scrollTop
    })
    expect(resultsTop).toBeGreaterThan(0)
    await results.getByRole('button', { name: /Lantern festival/ }).click()
    await page.getByRole('heading', { level: 1, name: /Lantern festival/ }).waitFor()
    await page.keyboard.press('Escape')
    await results.waitFor()
    expect(await results.evaluate((el) => el.scrollTop)).toBe(resultsTop)
    await page.setViewportSize(SIZES[0]!)
  })
})
