/**
 * The timeline in Chromium: drawn beside the list and the results under the app's CSP, named for screen readers,
 * its hidden table adding up to the search's total, and a date range put in force by dragging on the chart and by
 * typing dates, each narrowing the results to exactly the articles of that range.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expectNoAxeViolations, openReadingRoom, SCREENSHOT_DIR, type ReadingRoom } from './support'

const SITES = ['North Quay Herald', 'Southbank Post', 'Eastern Courier']
const PLACES = ['Alder', 'Birch', 'Cedar', 'Damson', 'Elm', 'Fir', 'Gorse', 'Hazel', 'Ivy', 'Juniper', 'Kale', 'Larch']

/** Synthetic harbour reports, one a month through 2023 and 2024 from three sites, written for this test. */
const DATED = Array.from({ length: 24 }, (_, m) => {
  const year = 2023 + Math.floor(m / 12)
  const month = String((m % 12) + 1).padStart(2, '0')
  const place = PLACES[m % 12]!
  return {
    title: `${place} harbour report ${year}-${month}`,
    text: `The ${place} harbour master counted boats in ${month}/${year}.\n\nMoorings at ${place} were ${m + 3} in all.`,
    site: SITES[m % 3],
    published: `${year}-${month}-${m % 2 === 0 ? '10' : '25'}`,
  }
})
/** Articles without the query's word, so the search narrows the library. */
const OTHERS = PLACES.slice(0, 4).map((place, i) => ({
  title: `${place} meadow in bloom`,
  text: `Wild flowers cover the ${place} meadow this spring.`,
  site: SITES[i % 3],
  published: `2024-0${i + 1}-05`,
}))
const UNDATED = [
  'Harbour notes without a date\n\nThe harbour wall was painted white.',
  'Undated harbour diary\n\nA quiet week at the harbour.',
]

/** How many dated harbour reports fall in a range (ISO dates, both ends inclusive). */
const inRange = (from: string, to: string) => DATED.filter((a) => a.published >= from && a.published <= to).length

/** The hidden table's sums: the dated bins, the undated row and the "All hits" cell. */
async function tableSums(page: Page): Promise<{ dated: number; undated: number; all: number }> {
  return page.evaluate(() => {
    const n = (el: Element | null) => Number((el?.textContent ?? '0').replace(/,/g, ''))
    const table = document.querySelector('.timeline table.visually-hidden')!
    const dated = Array.from(table.querySelectorAll('tbody td[data-total]')).reduce((sum, td) => sum + n(td), 0)
    return { dated, undated: n(table.querySelector('td[data-undated]')), all: n(table.querySelector('td[data-all]')) }
  })
}

/** Whether the chart's canvas has pixels of exactly the colour a CSS variable resolves to now. */
async function paintedIn(page: Page, variable: string): Promise<boolean> {
  return page.evaluate((name) => {
    const probe = document.createElement('span')
    probe.style.color = `var(${name})`
    document.body.append(probe)
    const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g)!.map(Number)
    probe.remove()
    const canvas = document.querySelector<HTMLCanvasElement>('.timeline canvas')!
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) return true
    return false
  }, variable)
}

/** The search's total as the results header says it ("26 results"). */
async function resultTotal(page: Page): Promise<number> {
  const text = (await page.locator('.results .total').textContent()) ?? ''
  return Number(text.replace(/[^\d]/g, ''))
}

/** Opens the timeline's unit and From/To fields from the keyboard, unless they are open. */
async function openControls(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Dates and bars' })
  if ((await toggle.getAttribute('aria-expanded')) === 'true') return
  await toggle.focus()
  await page.keyboard.press('Enter')
  await page.getByLabel('From', { exact: true }).waitFor()
}

/** Waits until the timeline has answered for the search now showing (not busy, its name a summary). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const section = document.querySelector('.timeline')
      const img = section?.querySelector('[role="img"]')
      return section?.getAttribute('aria-busy') === 'false' && /hits? /.test(img?.getAttribute('aria-label') ?? '')
    },
    null,
    { timeout: 30_000 },
  )
  await page.waitForFunction(() => !/…/.test(document.querySelector('.results .total')?.textContent ?? '…'), null, {
    timeout: 30_000,
  })
  // The timeline answers a pause after the search does: wait until it has caught up with the results shown (a
  // timeline that never agrees with them times out here).
  await page.waitForFunction(
    () => {
      const total = Number((document.querySelector('.results .total')?.textContent ?? '').replace(/[^\d]/g, ''))
      const all = document.querySelector('.timeline table.visually-hidden td[data-all]')?.textContent ?? ''
      return (
        document.querySelector('.timeline')?.getAttribute('aria-busy') === 'false' &&
        Number(all.replace(/,/g, '')) === total
      )
    },
    null,
    { timeout: 30_000 },
  )
}

describe('the timeline', () => {
  let room: ReadingRoom

  beforeAll(async () => {
    room = await openReadingRoom('timeline', {
      viewport: { width: 1366, height: 768 },
      seed: async (root) => {
        const lines = [...DATED, ...OTHERS].map((a) => JSON.stringify(a))
        await fs.writeFile(path.join(root, 'reports.jsonl'), lines.join('\n') + '\n')
        await Promise.all(UNDATED.map((text, i) => fs.writeFile(path.join(root, `undated-${i}.txt`), text)))
      },
    })
    // Record every CSP violation from the first script on, then load the app again under that watch. The
    // harness's own bridge script (__bridge.js, the test transport standing in for the preload) is left out: zod
    // in it probes once whether eval is allowed, which the CSP rightly refuses; the app's own files must cause none.
    await room.page.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
      document.addEventListener('securitypolicyviolation', (e) => {
        if (!e.sourceFile.endsWith('/__bridge.js')) seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`)
      })
    })
    await room.page.reload()
  }, 180_000)
  afterAll(async () => room?.close())

  const violations = () => room.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)

  it('draws the whole library beside the list, named by its summary', async () => {
    const { page } = room
    const chart = page.getByRole('img', {
      name: /^Timeline: 30 hits from 2023 to 2024, most in .*; 2 of them undated\.$/,
    })
    await chart.waitFor({ timeout: 60_000 })
    await page.waitForSelector('.timeline canvas')
    const painted = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.timeline canvas')!
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
      let inked = 0
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++
      return inked
    })
    expect(painted).toBeGreaterThan(500)
    expect(await page.getByText('2 undated, shown by import date').isVisible()).toBe(true)
    // On the way from the sidebar to the list the timeline is a single tab stop (its dates open from it).
    const stops = await page.evaluate(
      () =>
        Array.from(
          document.querySelectorAll('.timeline button, .timeline select, .timeline input, .timeline [tabindex]'),
        ).length,
    )
    expect(stops).toBe(1)
    // The chart follows its container: a wider window (one pane, no reader beside) draws a wider plot.
    const width = () => page.evaluate(() => document.querySelector('.timeline canvas')!.getBoundingClientRect().width)
    const narrow = await width()
    await page.setViewportSize({ width: 1200, height: 768 })
    await page.waitForFunction((before) => {
      const canvas = document.querySelector('.timeline canvas')
      return canvas !== null && canvas.getBoundingClientRect().width > before + 100
    }, narrow)
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.waitForFunction((before) => {
      const canvas = document.querySelector('.timeline canvas')
      return canvas !== null && Math.abs(canvas.getBoundingClientRect().width - before) < 2
    }, narrow)
    // uPlot styles through its stylesheet and the CSSOM: nothing put a <style> element in the page.
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0)
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'timeline-list.png') })
    expect(await violations()).toEqual([])
  }, 120_000)

  it('counts the same hits as the search, undated apart, and passes axe', async () => {
    const { page } = room
    await page.keyboard.press('/')
    await page.keyboard.type('harbour')
    await page.keyboard.press('Enter')
    await page.getByRole('img', { name: /^Timeline: 26 hits from 2023 to 2024/ }).waitFor({ timeout: 30_000 })
    await settled(page)
    expect(await resultTotal(page)).toBe(26)
    expect(await tableSums(page)).toEqual({ dated: 24, undated: 2, all: 26 })
    await expectNoAxeViolations(page)
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'timeline-search.png') })
    // The bars are painted in the theme's own colour for the busiest site, light and dark.
    expect(await paintedIn(page, '--chart-1')).toBe(true)
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'))
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark')
    await page.waitForTimeout(300)
    expect(await paintedIn(page, '--chart-1')).toBe(true)
    await expectNoAxeViolations(page)
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'timeline-search-dark.png') })
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'))
    expect(await violations()).toEqual([])
  }, 120_000)

  it('narrows the results to the bins a mouse drag crosses, with a chip that clears it', async () => {
    const { page } = room
    const height = () => page.evaluate(() => document.querySelector('.timeline')!.getBoundingClientRect().height)
    const before = await height()
    const over = page.locator('.timeline .u-over')
    const box = (await over.boundingBox())!
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2, { steps: 10 })
    await page.mouse.up()
    const chip = page.getByRole('list', { name: 'Filters in force' }).getByText(/^Dates:/)
    await chip.waitFor({ timeout: 30_000 })
    await settled(page)
    // The new answer (no undated hits now) takes the same room: the results below do not move.
    expect(await height()).toBe(before)
    await openControls(page)
    const from = await page.getByLabel('From', { exact: true }).inputValue()
    const to = await page.getByLabel('To', { exact: true }).inputValue()
    const expected = inRange(from, to)
    expect(expected).toBeGreaterThan(0)
    expect(expected).toBeLessThan(24)
    expect(await resultTotal(page)).toBe(expected)
    expect(await tableSums(page)).toEqual({ dated: expected, undated: 0, all: expected })
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'timeline-brushed.png') })

    await page.getByRole('button', { name: /^Remove filter Dates:/ }).focus()
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => !document.querySelector('.chips'), null, { timeout: 30_000 })
    await settled(page)
    expect(await resultTotal(page)).toBe(26)
  }, 120_000)

  it('narrows the results to dates typed in From and To, by keyboard alone', async () => {
    const { page } = room
    await openControls(page)
    await page.getByLabel('From', { exact: true }).focus()
    await page.getByLabel('From', { exact: true }).fill('2023-04-01')
    await page.keyboard.press('Tab')
    await page.getByLabel('To', { exact: true }).fill('2023-09-30')
    await page.keyboard.press('Enter')
    await page
      .getByRole('list', { name: 'Filters in force' })
      .getByText(/^Dates:/)
      .waitFor({ timeout: 30_000 })
    await settled(page)
    expect(await resultTotal(page)).toBe(inRange('2023-04-01', '2023-09-30'))
    expect((await tableSums(page)).all).toBe(6)
    await expectNoAxeViolations(page)
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'timeline-dates.png') })
    expect(await violations()).toEqual([])
    expect(room.foreignRequests).toEqual([])
  }, 120_000)
})
