/**
 * Reader benchmark: `npx tsx tests/bench/reader-bench.ts [--paragraphs 2000] [--samples 7]`
 *
 * Writes one long saved page (paragraphs with links, remote images and a table every so often) and one long plain
 * text article into a temp library, serves it through the browser harness, and measures in Chromium the time from
 * a click on the list row to the article's last paragraph being drawn, and the frames over 20 ms while scrolling
 * the HTML article with PageDown.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startWebHarness } from '../../electron/web/harness'
import { buildRenderer, launchChromium } from '../e2e/support'

const { values } = parseArgs({
  options: { paragraphs: { type: 'string', default: '2000' }, samples: { type: 'string', default: '7' } },
})
const paragraphs = Number(values.paragraphs)
const samples = Number(values.samples)

const sentence = (i: number) =>
  `Paragraph ${i}: the river board met the ferry operators and the harbour office to talk about dredging, ` +
  'tolls and the winter timetable, and agreed to meet again before the budget vote.'

function pageHtml(): string {
  const body = Array.from({ length: paragraphs }, (_, i) => {
    const p = `<p>${sentence(i)} <a href="https://river.example/notes/${i}">Notes ${i}</a>.</p>`
    if (i % 50 === 0) return `${p}<figure><img src="https://img.example/${i}.jpg" alt="Photo ${i}"></figure>`
    if (i % 120 === 0) return `${p}<table><tr><th>Year</th><th>Tolls</th></tr><tr><td>${i}</td><td>3</td></tr></table>`
    return p
  })
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>River board long report</title></head>
<body><article><h1>River board long report</h1>${body.join('\n')}<p>Final paragraph of the report.</p></article></body></html>`
}

const textArticle = () =>
  ['River board long notes', '', ...Array.from({ length: paragraphs }, (_, i) => [sentence(i), '']).flat()]
    .concat('Final paragraph of the notes.')
    .join('\n')

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main(): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-reader-bench-'))
  await fs.writeFile(path.join(root, 'report.html'), pageHtml())
  await fs.writeFile(path.join(root, 'notes.txt'), textArticle())
  const rendererDir = await buildRenderer('reader-bench')
  const harness = await startWebHarness({ library: root, port: 0, rendererDir })
  const chromium = await launchChromium()
  try {
    const page = await chromium.context.newPage()
    await page.setViewportSize({ width: 1366, height: 850 })
    await page.goto(harness.url)
    const list = page.getByRole('listbox', { name: 'Articles' })
    await list.getByText('River board long report').waitFor({ timeout: 60_000 })
    for (const [title, last, kind] of [
      ['River board long report', 'Final paragraph of the report.', 'HTML'],
      ['River board long notes', 'Final paragraph of the notes.', 'text'],
    ] as const) {
      const times: number[] = []
      for (let i = 0; i < samples; i++) {
        await page.keyboard.press('Escape')
        await list.waitFor()
        const start = Date.now()
        await list.getByText(title).click()
        await page.locator('article.scroll').getByText(last).waitFor({ state: 'attached' })
        times.push(Date.now() - start)
      }
      process.stdout.write(`open ${kind} article (${paragraphs} paragraphs): median ${median(times)} ms\n`)
    }
    await page.keyboard.press('Escape')
    await list.getByText('River board long report').click()
    await page.locator('article.scroll').getByText('Final paragraph of the report.').waitFor({ state: 'attached' })
    // A string, so the bundler adds no helpers the page lacks.
    await page.evaluate(`(() => {
      window.__frames = []
      let last = performance.now()
      const tick = (now) => {
        window.__frames.push(now - last)
        last = now
        if (!window.__stop) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })()`)
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('PageDown')
      // Two frames per key, so the sample covers the scrolling itself.
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
    }
    const frames = (await page.evaluate('(window.__stop = true, window.__frames)')) as number[]
    const slow = frames.filter((f) => f > 20).length
    process.stdout.write(`scroll HTML article with PageDown: ${slow} of ${frames.length} frames over 20 ms\n`)
  } finally {
    await chromium.close()
    await harness.close()
    await fs.rm(root, { recursive: true, force: true })
  }
}

await main()
