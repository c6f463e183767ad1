/**
 * Export benchmark: `npm run bench:export -- [--articles=N]` (default 10,000).
 *
 * Writes N synthetic plain-text articles into a temp library, opens it, then exports them all as an evidence folder,
 * an evidence ZIP and a CSV, printing each one's time, peak RSS and the RSS at a tenth, half and all of the articles
 * (flat memory: the later figures stay near the first), and checks the folder with `verify`. Run with
 * NODE_OPTIONS=--expose-gc for heap figures taken after a collection.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openLibrary } from '../../electron/core/library/library'
import type { SearchIndex } from '../../electron/core/search/types'
import { runExport, type ExportSources } from '../../electron/core/workbench/export/index'
import { verifyExport } from '../../electron/core/workbench/verify'
import type { ExportFormat } from '../../electron/shared/workbench'
import { err } from '../../electron/shared/result'

const arg = process.argv.find((a) => a.startsWith('--articles='))
const count = arg ? Number(arg.slice('--articles='.length)) : 10_000
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const WORDS = 'harbour council port river vote plan quay crane ship trade dock storm pier city budget'.split(' ')

function body(i: number): string {
  const words: string[] = []
  for (let w = 0; w < 400; w++) words.push(WORDS[(i * 7 + w * 13) % WORDS.length]!)
  return `Article ${i}: the ${WORDS[i % WORDS.length]} report\n\n${words.join(' ')}.\n\nМост ${i} открыт.\n`
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-export-bench-'))
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-export-out-'))
  try {
    for (let i = 0; i < count; i++) {
      const dir = path.join(root, `batch-${Math.floor(i / 1000)}`)
      if (i % 1000 === 0) fs.mkdirSync(dir)
      fs.writeFileSync(path.join(dir, `article-${i}.txt`), body(i))
    }
    let start = performance.now()
    const library = await openLibrary(root)
    console.log(`library of ${count} articles opened in ${((performance.now() - start) / 1000).toFixed(1)} s`)
    const ids = library.list().map((a) => a.id)
    const sources: ExportSources = {
      library,
      search: {} as SearchIndex, // an ids selection never asks the index
      stories: null,
      highlightsOf: async () => [],
      savedIds: async () => err('not-found', 'no saved searches in the bench'),
    }
    const runs: [string, ExportFormat, boolean][] = [
      ['evidence folder', 'evidence', false],
      ['evidence ZIP', 'evidence', true],
      ['CSV', 'csv', false],
    ]
    for (const [label, format, zip] of runs) {
      global.gc?.()
      const to = path.join(out, `${format}${zip ? '.zip' : ''}`)
      let peak = process.memoryUsage().rss
      const base = peak
      const marks: string[] = []
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
      start = performance.now()
      const result = await runExport(sources, {
        selection: { kind: 'ids', ids },
        format,
        zip,
        to,
        onProgress: ({ done, total }) => {
          if ([Math.floor(total / 10), Math.floor(total / 2), total].includes(done)) {
            global.gc?.()
            const m = process.memoryUsage()
            marks.push(`${done}: RSS ${mb(m.rss)} heap ${mb(m.heapUsed)}`)
          }
        },
      })
      const seconds = (performance.now() - start) / 1000
      clearInterval(sampler)
      if (!result.ok) throw new Error(result.error.message)
      const s = result.value
      console.log(
        `${label}: ${seconds.toFixed(1)} s, ${s.files} files, ${mb(s.bytes)}; RSS before ${mb(base)}, ` +
          `peak ${mb(peak)}; at ${marks.join(', ')}`,
      )
    }
    start = performance.now()
    const report = await verifyExport(path.join(out, 'evidence'))
    const ok2 = report.ok && report.value.ok
    console.log(
      `verify of the folder: ${ok2 ? 'OK' : 'FAILED'} in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    )
    await library.close()
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
    fs.rmSync(out, { recursive: true, force: true })
  }
}

void main()
