/**
 * Web archive figures (run through `npm run bench:import -- --warc[=MB]`):
 *
 * 1. article records/s: a generated gzipped WARC of 1,000 news pages (each with a request record, a stylesheet
 *    and a PNG the page names, inlined at import) parsed from its path in this thread (parsing only);
 * 2. memory: a generated plain WARC of about MB megabytes (default 1,024: pages between 1 MB scripts) imported
 *    into a temp library through the real import (copy, streamed hash, worker parse); RSS is sampled every 50 ms
 *    and its peak reported against the RSS before, which stays flat when nothing reads the archive whole.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { parseArchive } from '../../electron/core/formats/archive'
import { openLibrary } from '../../electron/core/library/library'
import { solidPng } from '../helpers/png'

const encoder = new TextEncoder()
const PNG = solidPng(32, 20, [40, 90, 160])

/** One WARC record (WARC/1.1 headers, an HTTP block, the two CRLFs), hand-written for speed. */
function record(type: 'response' | 'request', url: string, http: Uint8Array): Buffer {
  const head =
    `WARC/1.1\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${url}\r\nWARC-Date: 2024-03-05T10:20:30Z\r\n` +
    `WARC-Record-ID: <urn:uuid:${randomUUID()}>\r\nContent-Type: application/http; msgtype=${type}\r\n` +
    `Content-Length: ${http.length}\r\n\r\n`
  return Buffer.concat([encoder.encode(head), http, encoder.encode('\r\n\r\n')])
}

function response(url: string, contentType: string, body: Uint8Array): Buffer {
  const head = `HTTP/1.1 200 OK\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`
  return record('response', url, Buffer.concat([encoder.encode(head), body]))
}

function newsPage(i: number): string {
  const paragraphs = Array.from(
    { length: 8 },
    (_, p) =>
      `<p>Story ${i}, paragraph ${p + 1}: the harbour council met on Tuesday to weigh the new ferry timetable, ` +
      'and members of the public spoke for and against the change at length before the vote.</p>',
  ).join('\n')
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ferry story ${i}</title>` +
    `<link rel="stylesheet" href="/site.css"></head><body><nav><a href="/">Home</a></nav><article>` +
    `<h1>Ferry story ${i}</h1><figure><img src="/img/${i}.png" alt="Picture ${i}"></figure>${paragraphs}` +
    '</article><footer>Coast News</footer></body></html>'
  )
}

/** The records of page i: its request, the page, its image and a stylesheet. */
function pageRecords(i: number): Buffer[] {
  const url = `https://coast-news.example/2024/story-${i}`
  return [
    record('request', url, encoder.encode(`GET /2024/story-${i} HTTP/1.1\r\nHost: coast-news.example\r\n\r\n`)),
    response(url, 'text/html; charset=utf-8', encoder.encode(newsPage(i))),
    response(`https://coast-news.example/img/${i}.png`, 'image/png', PNG),
    response(`https://coast-news.example/site-${i}.css`, 'text/css', encoder.encode('p { margin: 0 }')),
  ]
}

async function rate(dir: string): Promise<void> {
  const pages = 1000
  const file = path.join(dir, 'rate.warc.gz')
  const out = fs.openSync(file, 'w')
  for (let i = 0; i < pages; i++) for (const rec of pageRecords(i)) fs.writeSync(out, gzipSync(rec))
  fs.closeSync(out)
  const start = performance.now()
  const outcome = await parseArchive({ fileName: 'rate.warc.gz', path: file, maxBytes: 20 * 1024 * 1024 })
  const seconds = (performance.now() - start) / 1000
  if (!outcome.ok) throw new Error(outcome.reason)
  const inlined = outcome.articles.filter((a) => a.article.html?.includes('src="data:image/png')).length
  console.log(
    `WARC parse: ${outcome.articles.length} articles (${inlined} with their image inlined) of ${pages * 4} records, ` +
      `${(fs.statSync(file).size / 1_048_576).toFixed(1)} MB gzipped, in ${seconds.toFixed(2)} s: ` +
      `${(outcome.articles.length / seconds).toFixed(0)} article records/s (target ≥ 200/s)`,
  )
}

async function memory(dir: string, megabytes: number): Promise<void> {
  const file = path.join(dir, 'big.warc')
  const out = fs.openSync(file, 'w')
  const script = encoder.encode(`var filler = "${'x'.repeat(1024 * 1024 - 32)}";\n`)
  let written = 0
  for (let i = 0; written < megabytes * 1_048_576; i++) {
    for (const rec of [
      ...pageRecords(i),
      response(`https://coast-news.example/js/${i}.js`, 'text/javascript', script),
    ]) {
      fs.writeSync(out, rec)
      written += rec.length
    }
  }
  fs.closeSync(out)
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-warc-lib-'))
  try {
    const library = await openLibrary(root, { syncCopies: false })
    globalThis.gc?.()
    const before = process.memoryUsage().rss
    let peak = before
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
    const start = performance.now()
    const [result] = await library.import([{ kind: 'path', path: file }])
    const seconds = (performance.now() - start) / 1000
    clearInterval(timer)
    await library.close()
    console.log(
      `WARC import of ${(written / 1_048_576).toFixed(0)} MB: ${result?.status}, ${result?.articles.length} articles ` +
        `in ${seconds.toFixed(1)} s; RSS ${(before / 1_048_576).toFixed(0)} MB before, peak ` +
        `${(peak / 1_048_576).toFixed(0)} MB (+${((peak - before) / 1_048_576).toFixed(0)} MB)`,
    )
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
}

/** Runs both WARC figures; `megabytes` sizes the memory run's archive. */
export async function warcBench(megabytes = 1024): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-warc-bench-'))
  try {
    await rate(dir)
    await memory(dir, megabytes)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
