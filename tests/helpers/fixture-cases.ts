/**
 * Loads fixture cases for the format parsers: `tests/fixtures/formats/<format>/<NNN-slug>/{source.<ext>, expected.json}`.
 *
 * Sources stay readable UTF-8 on disk; `expected.json` may ask for them to be re-encoded
 * (`encode`, `bom`, `lineEndings`) before parsing, so legacy-encoding cases need no binary files.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { expect } from 'vitest'
import type { ParsedArticle } from '../../electron/core/formats/types'

/** Expectations for one article; only the fields present are checked. */
export interface ArticleExpectation {
  index?: number
  title?: string
  author?: string | null
  site?: string | null
  url?: string | null
  sourceUrl?: string | null
  capturedAt?: string | null
  published?: string | null
  language?: string | null
  category?: string | null
  disclaimers?: string[]
  flags?: string[]
  textStartsWith?: string
  textEndsWith?: string
  textIncludes?: string[]
  textExcludes?: string[]
  paragraphs?: number
  htmlNull?: boolean
  htmlIncludes?: string[]
  htmlExcludes?: string[]
}

/** What `expected.json` holds. */
export interface CaseExpectation extends ArticleExpectation {
  /** Re-encode the UTF-8 source with iconv-lite before parsing (e.g. "windows-1251", "utf-16le"). */
  encode?: string
  /** Put a byte-order mark in front (after encoding). */
  bom?: boolean
  /** Rewrite the source's line endings. */
  lineEndings?: 'crlf' | 'cr'
  /** Parse under this file name instead of source.<ext>. */
  fileName?: string
  options?: { maxBytes?: number }
  /** false for a case that must fail; `reason` is then the expected reason (or its start). */
  ok?: boolean
  reason?: string
  /** Each entry starts one warning, in order; the counts must match. */
  warnings?: string[]
  /** For files with several articles, in file order. */
  articles?: ArticleExpectation[]
}

/** One fixture case, ready to parse. */
export interface FixtureCase {
  name: string
  fileName: string
  bytes: Uint8Array
  expected: CaseExpectation
}

const BOMS: Record<string, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
}

/** Loads every case of a format folder, sorted by name. */
export function loadFixtureCases(format: string): FixtureCase[] {
  const root = join(import.meta.dirname, '..', 'fixtures', 'formats', format)
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(root, name)
      const source = readdirSync(dir).find((file) => file.startsWith('source.'))
      if (!source) throw new Error(`fixture-cases: ${format}/${name} has no source.* file`)
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as CaseExpectation
      let text = readFileSync(join(dir, source), 'utf8')
      if (expected.lineEndings === 'crlf') text = text.replace(/\n/g, '\r\n')
      if (expected.lineEndings === 'cr') text = text.replace(/\n/g, '\r')
      const encoding = expected.encode ?? 'utf-8'
      let bytes: Uint8Array = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding)
      if (expected.encode === undefined && expected.lineEndings === undefined && expected.bom === undefined) {
        bytes = readFileSync(join(dir, source))
      }
      if (expected.bom) bytes = Buffer.concat([Buffer.from(BOMS[encoding] ?? []), bytes])
      return { name: `${format}/${name}`, fileName: expected.fileName ?? source, bytes, expected }
    })
}

/** Checks one parsed article against its expectations. */
export function expectArticle(article: ParsedArticle, want: ArticleExpectation): void {
  const keys = [
    'title',
    'author',
    'site',
    'url',
    'sourceUrl',
    'capturedAt',
    'published',
    'language',
    'category',
    'disclaimers',
    'flags',
  ] as const
  for (const key of keys) {
    if (want[key] !== undefined) expect(article[key], key).toEqual(want[key])
  }
  if (want.textStartsWith !== undefined)
    expect(
      article.text.startsWith(want.textStartsWith),
      `text starts with ${want.textStartsWith}\n---\n${article.text}`,
    ).toBe(true)
  if (want.textEndsWith !== undefined)
    expect(article.text.endsWith(want.textEndsWith), `text ends with ${want.textEndsWith}\n---\n${article.text}`).toBe(
      true,
    )
  for (const part of want.textIncludes ?? []) expect(article.text).toContain(part)
  for (const part of want.textExcludes ?? []) expect(article.text).not.toContain(part)
  if (want.paragraphs !== undefined) expect(article.text.split('\n\n')).toHaveLength(want.paragraphs)
  if (want.htmlNull) expect(article.html).toBeNull()
  for (const part of want.htmlIncludes ?? []) expect(article.html ?? '').toContain(part)
  for (const part of want.htmlExcludes ?? []) expect(article.html ?? '').not.toContain(part)
  expect(article.text).toBe(article.text.trim())
  expect(article.text).not.toMatch(/\n{3,}/)
  expect(article.wordCount).toBeGreaterThan(0)
}

/** Parses a case with parseFile and checks the outcome, warnings and articles. */
export function checkCase(
  outcome: import('../../electron/core/formats/types').ParseOutcome,
  expected: CaseExpectation,
): void {
  if (expected.ok === false) {
    expect(outcome.ok).toBe(false)
    if (!outcome.ok && expected.reason !== undefined)
      expect(outcome.reason.startsWith(expected.reason), outcome.reason).toBe(true)
    return
  }
  if (!outcome.ok) throw new Error(`expected articles, got failure: ${outcome.reason}`)
  const warnings = expected.warnings ?? []
  expect(outcome.warnings).toHaveLength(warnings.length)
  warnings.forEach((start, i) => expect(outcome.warnings[i]!.startsWith(start), outcome.warnings[i]).toBe(true))
  const wanted = expected.articles ?? [expected]
  expect(outcome.articles).toHaveLength(wanted.length)
  wanted.forEach((want, i) => {
    const got = outcome.articles[i]!
    if (want.index !== undefined) expect(got.index).toBe(want.index)
    expectArticle(got.article, want)
  })
}
