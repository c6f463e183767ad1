/**
 * UI benchmark: `npm run bench:ui -- [--articles 100000] [--library DIR] [--samples 40]`
 *
 * Generates a library of synthetic articles (JSONL files of 500 records each) in a temp folder, starts the
 * browser harness on it, opens it in Chromium and measures: the core's startup (scan, index build), first
 * list paint after navigation, frame times while scrolling the list, and keystroke-to-results in the search box.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startWebHarness } from '../../electron/web/harness'
import { buildRenderer, launchChromium } from '../e2e/support'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    library: { type: 'string' },
    samples: { type: 'string', default: '40' },
  },
})
const total = Number(values.articles)
const samples = Number(values.samples)

/** A deterministic pseudo-random generator, so runs are comparable. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}
const random = rng(42)
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!

const syllables = ['ka', 'lo', 'mer', 'vin', 'dra', 'sol', 'tem', 'bri', 'nor', 'pel', 'gus', 'ran', 'fet', 'mo', 'li']
const vocabulary = Array.from({ length: 3000 }, () => {
  const n = 2 + Math.floor(random() * 3)
  return Array.from({ length: n }, () => pick(syllables)).join('')
})
const sites = Array.from({ length: 40 }, (_, i) => `site${i}.example`)

function sentence(words: number): string {
  const out = Array.from({ length: words }, () => pick(vocabulary))
  return out.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.'
}

function generate(root: string, count: number): void {
  const perFile = 500
  for (let f = 0; f * perFile < count; f++) {
    const lines: string[] = []
    for (let i = f * perFile; i < Math.min(count, (f + 1) * perFile); i++) {
      const day = 1 + (i % 28)
      const month = 1 + (i % 12)
      lines.push(
        JSON.stringify({
          title: sentence(6),
          text: [sentence(14), sentence(18), sentence(12)].join('\n\n'),
          site: pick(sites),
          published: `${2015 + (i % 10)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        }),
      )
    }
    const dir = path.join(root, `batch-${String(Math.floor(f / 20)).padStart(3, '0')}`)
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, `part-${String(f).padStart(4, '0')}.jsonl`), lines.join('\n') + '\n')
  }
}

const quantile = (xs: number[], q: number) => {
  const sorted = xs.slice().sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}
const ms = (n: number) => `${n.toFixed(1)} ms`

// --library DIR keeps the library (generated into DIR when it is empty) for later runs; else a temp one is removed.
const root = values.library
  ? path.resolve(values.library)
  : fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-ui-bench-'))
const temporary = !values.library
const empty = !fs.existsSync(root) || fs.readdirSync(root).length === 0
try {
  if (empty) {
    const t = performance.now()
    generate(root, total)
    console.log(`generated ${total} articles in ${root} (${ms(performance.now() - t)})`)
  }
  const rendererDir = await buildRenderer('bench')

  const t0 = performance.now()
  const harness = await startWebHarness({ library: root, port: 0, rendererDir })
  const tOpen = performance.now() - t0
  // The library opens at once and scans behind; measure the UI over the whole library, not a part of it.
  let count = harness.library()?.list().length ?? 0
  const expected = empty ? total : undefined
  for (let last = -1; expected !== undefined ? count < expected : count !== last;) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    last = count
    count = harness.library()?.list().length ?? 0
  }
  console.log(`core: library open ${ms(tOpen)}, scan of ${count} articles done after ${ms(performance.now() - t0)}`)
  const t1 = performance.now()
  await harness.search()?.ready()
  console.log(
    `core: search index ready ${ms(performance.now() - t1)} (status ${JSON.stringify(harness.search()?.status())})`,
  )

  const chromium = await launchChromium()
  try {
    const page = await chromium.context.newPage()
    // tsx keeps function names with a __name helper that the page does not have.
    await page.addInitScript('globalThis.__name = (f) => f')
    // Stamp the moment the first list row is in the DOM, measured from navigation start.
    await page.addInitScript(() => {
      const w = window as unknown as { __firstRow?: number }
      const observer = new MutationObserver(() => {
        if (w.__firstRow === undefined && document.querySelector('[role="listbox"] [role="option"]')) {
          requestAnimationFrame(() => (w.__firstRow = performance.now()))
          observer.disconnect()
        }
      })
      observer.observe(document, { childList: true, subtree: true })
    })
    const firstPaints: number[] = []
    const parts: string[] = []
    for (let i = 0; i < 3; i++) {
      await page.goto(harness.url)
      await page.waitForFunction(() => (window as unknown as { __firstRow?: number }).__firstRow !== undefined, null, {
        timeout: 120_000,
      })
      firstPaints.push(await page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow))
      // Where the time went: the list request's server time (to first byte), its transfer, then parse and render.
      parts.push(
        await page.evaluate(() => {
          const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/ipc/library:list')) as
            PerformanceResourceTiming | undefined
          const first = (window as unknown as { __firstRow: number }).__firstRow
          if (!entry) return 'no list request seen'
          const f = (n: number) => `${n.toFixed(0)} ms`
          return `request sent ${f(entry.requestStart)}, server ${f(entry.responseStart - entry.requestStart)}, transfer ${f(
            entry.responseEnd - entry.responseStart,
          )} (${(entry.transferSize / 1e6).toFixed(1)} MB), parse+render ${f(first - entry.responseEnd)}`
        }),
      )
    }
    console.log(`ui: first list paint after navigation ${firstPaints.map(ms).join(', ')}`)
    for (const part of parts) console.log(`    ${part}`)

    // Scroll the list for 3 s, a few rows per frame, and record the frame intervals.
    const frames = await page.evaluate(async () => {
      const viewport = document.querySelector<HTMLElement>('[role="listbox"]')!
      const deltas: number[] = []
      let last = performance.now()
      const end = last + 3000
      await new Promise<void>((resolve) => {
        const step = (now: number) => {
          deltas.push(now - last)
          last = now
          viewport.scrollTop += 240
          if (now < end) requestAnimationFrame(step)
          else resolve()
        }
        requestAnimationFrame(step)
      })
      return {
        deltas: deltas.slice(1),
        scrolledTo: viewport.scrollTop,
        rows: viewport.querySelectorAll('[role="option"]').length,
      }
    })
    const long = frames.deltas.filter((d) => d > 1000 / 60 + 4).length
    console.log(
      `ui: scrolling ${frames.deltas.length} frames, p50 ${ms(quantile(frames.deltas, 0.5))}, p95 ${ms(
        quantile(frames.deltas, 0.95),
      )}, max ${ms(Math.max(...frames.deltas))}, frames over 20.7 ms: ${long}; rows in DOM ${frames.rows}, scrolled to ${frames.scrolledTo}px`,
    )

    // Keystroke to results: type a word but its last letter, wait for its answer, then time the last key.
    const box = page.getByRole('searchbox', { name: 'Search' })
    await page.evaluate(() => {
      const w = window as unknown as { __key: number; __expect: string; __done: number | null }
      document.addEventListener('keydown', () => (w.__key = performance.now()), true)
      new MutationObserver(() => {
        const answered = document.querySelector('[data-answered]')?.getAttribute('data-answered')
        if (w.__done === null && answered === w.__expect) requestAnimationFrame(() => (w.__done = performance.now()))
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-answered'] })
    })
    const latencies: number[] = []
    const hitCounts: number[] = []
    for (let i = 0; i < samples; i++) {
      const word = pick(vocabulary)
      await box.fill(word.slice(0, -1))
      await page.waitForFunction(
        (q) => document.querySelector('[data-answered]')?.getAttribute('data-answered') === q,
        word.slice(0, -1),
        { timeout: 30_000 },
      )
      await page.evaluate((q) => {
        const w = window as unknown as { __expect: string; __done: number | null }
        w.__expect = q
        w.__done = null
      }, word)
      await box.press(word.slice(-1))
      await page.waitForFunction(() => (window as unknown as { __done: number | null }).__done !== null, null, {
        timeout: 30_000,
      })
      latencies.push(
        await page.evaluate(() => {
          const w = window as unknown as { __key: number; __done: number }
          return w.__done - w.__key
        }),
      )
      hitCounts.push(Number((await page.locator('.total').textContent())?.replace(/[^0-9]/g, '') ?? 0))
    }
    console.log(
      `ui: keystroke to results (${samples} words, median ${quantile(hitCounts, 0.5)} results): p50 ${ms(
        quantile(latencies, 0.5),
      )}, p95 ${ms(quantile(latencies, 0.95))}, max ${ms(Math.max(...latencies))}`,
    )

    // The search alone, without the debounce and the DOM.
    const server: number[] = []
    for (let i = 0; i < samples; i++) {
      const t = performance.now()
      await harness.search()?.search({ query: pick(vocabulary), limit: 200 })
      server.push(performance.now() - t)
    }
    console.log(`core: search:query alone p50 ${ms(quantile(server, 0.5))}, p95 ${ms(quantile(server, 0.95))}`)
  } finally {
    await chromium.close()
    await harness.close()
  }

  // A second start over the same folder: what a user sees every day after the first scan.
  const t2 = performance.now()
  const again = await startWebHarness({ library: root, port: 0, rendererDir })
  const tAgain = performance.now() - t2
  const t3 = performance.now()
  await again.search()?.ready()
  console.log(`core: second open ${ms(tAgain)}, search index ready ${ms(performance.now() - t3)}`)
  await again.close()
} finally {
  if (temporary) fs.rmSync(root, { recursive: true, force: true })
}
