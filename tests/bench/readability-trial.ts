/**
 * Trial: parse every `<page>/source.html` under a folder of Readability test pages and compare
 * title, byline and site name (and language, where given) with `expected-metadata.json`.
 *
 * Usage: npx tsx tests/bench/readability-trial.ts <folder> [--verbose]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseFile } from '../../electron/core/formats/index'

const root = process.argv[2]
const verbose = process.argv.includes('--verbose')
if (!root) {
  process.stderr.write('usage: readability-trial.ts <folder>\n')
  process.exit(2)
}

const norm = (s: unknown) => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : '')
const fields = [
  ['title', 'title'],
  ['author', 'byline'],
  ['site', 'siteName'],
] as const
const score = Object.fromEntries(fields.map(([f]) => [f, { expected: 0, exact: 0, contains: 0 }]))
const language = { expected: 0, equal: 0 }
let pages = 0
let failures = 0
let parseMs = 0

for (const page of readdirSync(root).sort()) {
  const sourcePath = join(root, page, 'source.html')
  const metaPath = join(root, page, 'expected-metadata.json')
  if (!existsSync(sourcePath) || !existsSync(metaPath)) continue
  const bytes = readFileSync(sourcePath)
  const expected = JSON.parse(readFileSync(metaPath, 'utf8')) as Record<string, unknown>
  pages++
  const start = performance.now()
  const outcome = await parseFile(bytes, 'source.html')
  parseMs += performance.now() - start
  if (!outcome.ok) {
    failures++
    process.stdout.write(`FAIL ${page}: ${outcome.reason}\n`)
    continue
  }
  const article = outcome.articles[0]!.article
  const lang = norm(expected.lang).toLowerCase().split(/[-_]/)[0]
  if (lang) {
    language.expected++
    if (article.language === lang) language.equal++
    else if (verbose) process.stdout.write(`${page} language: got ${article.language} want ${lang}\n`)
  }
  for (const [field, key] of fields) {
    const want = norm(expected[key])
    if (!want) continue
    const got = norm(article[field])
    const s = score[field]!
    s.expected++
    if (got === want) s.exact++
    else if (verbose)
      process.stdout.write(`${page} ${field}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}\n`)
    if (got && (got.toLowerCase().includes(want.toLowerCase()) || want.toLowerCase().includes(got.toLowerCase())))
      s.contains++
  }
}

process.stdout.write(`pages: ${pages}, parse failures: ${failures}, ${(pages / (parseMs / 1000)).toFixed(1)} pages/s\n`)
process.stdout.write(`language (vs lang's primary tag): ${language.expected} expected, equal ${language.equal}\n`)
for (const [field, key] of fields) {
  const s = score[field]!
  const pct = (n: number) => `${((100 * n) / Math.max(1, s.expected)).toFixed(1)}%`
  process.stdout.write(
    `${field} (vs ${key}): ${s.expected} expected, exact ${s.exact} (${pct(s.exact)}), contains ${s.contains} (${pct(s.contains)})\n`,
  )
}
