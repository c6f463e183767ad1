/**
 * Read-later export rates: `npx tsx tests/bench/read-later-bench.ts`.
 *
 * Omnivore ZIP articles/s on a synthetic 500-item export (about 400 words each) beside the txt rate on the same texts
 * (the issue asks containers for the txt rate per article); Pocket's HTML export links/s on 5,000 links; and what the
 * Pocket check costs every other `.html` import (a 200 KB page that is no export). Parsing only (parseFile in this
 * thread): the import's read, hash and copy are the same for every format.
 */
import yazl from 'yazl'
import { parseFile } from '../../electron/core/formats/index'
import { readPocketHtml } from '../../electron/core/formats/pocket-html'
import { paragraphs } from './measure'

/** An Omnivore export ZIP of `count` items. */
function omnivoreZip(count: number): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  const items = Array.from({ length: count }, (_, i) => ({
    id: `id-${i}`,
    slug: `story-${i}`,
    title: `Story ${i}`,
    url: `https://news.example.org/story-${i}`,
    state: i % 3 === 0 ? 'ARCHIVED' : 'SUCCEEDED',
    labels: ['harbour'],
    savedAt: '2024-10-29T16:30:11.000Z',
    publishedAt: '2024-10-28T08:00:00.000Z',
  }))
  zip.addBuffer(Buffer.from(JSON.stringify(items)), `metadata_0_to_${count}.json`)
  for (let i = 0; i < count; i++) {
    const body = paragraphs(i)
      .map((p) => `<p>${p}</p>`)
      .join('')
    zip.addBuffer(Buffer.from(`<div class="page" id="readability-page-1">${body}</div>`), `content/story-${i}.html`)
  }
  zip.end()
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

/** A Pocket HTML export of `count` links. */
function pocketExport(count: number): string {
  const item = (i: number) =>
    `<li><a href="https://news.example.org/${i}" time_added="${1700000000 + i}" tags="harbour,local">Story ${i}</a></li>`
  const unread = Array.from({ length: count / 2 }, (_, i) => item(i)).join('\n')
  const archive = Array.from({ length: count / 2 }, (_, i) => item(i + count / 2)).join('\n')
  return `<!DOCTYPE html><html><head><title>Pocket Export</title></head><body><h1>Unread</h1><ul>${unread}</ul><h1>Read Archive</h1><ul>${archive}</ul></body></html>`
}

/** Times `runs` parses after a warm-up; ms per parse and the first outcome's article and link counts. */
async function time(
  bytes: Uint8Array,
  name: string,
  runs = 5,
): Promise<{ ms: number; articles: number; links: number }> {
  const first = await parseFile(bytes, name)
  if (!first.ok) throw new Error(`${name}: ${first.reason}`)
  const start = performance.now()
  for (let i = 0; i < runs; i++) await parseFile(bytes, name)
  return { ms: (performance.now() - start) / runs, articles: first.articles.length, links: first.links?.length ?? 0 }
}

const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(0)

const items = 500
const o = await time(new Uint8Array(await omnivoreZip(items)), 'omnivore.zip')
console.log(`omnivore zip: ${o.articles} articles in ${o.ms.toFixed(0)} ms: ${rate(o.articles, o.ms)} articles/s`)
let start = performance.now()
for (let i = 0; i < items; i++)
  await parseFile(new TextEncoder().encode(`Story ${i}\n\n${paragraphs(i).join('\n\n')}\n`), `s${i}.txt`)
const txtMs = performance.now() - start
console.log(`txt (same texts): ${items} articles in ${txtMs.toFixed(0)} ms: ${rate(items, txtMs)} articles/s`)

const p = await time(new TextEncoder().encode(pocketExport(5000)), 'ril_export.html')
console.log(`pocket html: ${p.links} links in ${p.ms.toFixed(0)} ms: ${rate(p.links, p.ms)} links/s`)

const page = `<!doctype html><html><head><title>Harbour news</title></head><body>${paragraphs(1)
  .map((text) => `<p>${text}</p>`)
  .join('')
  .repeat(40)}</body></html>`
const calls = 10000
start = performance.now()
for (let i = 0; i < calls; i++) readPocketHtml(page)
const checkUs = ((performance.now() - start) * 1000) / calls
console.log(`pocket check on a ${(page.length / 1024).toFixed(0)} KB page that is no export: ${checkUs.toFixed(1)} µs`)
