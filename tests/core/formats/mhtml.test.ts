import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../electron/core/formats/index'
import { MAX_IMAGE_BYTES } from '../../../electron/core/formats/inline-images'
import { gunzip } from '../../../electron/core/formats/mhtml'
import { checkCase, loadFixtureCases } from '../../helpers/fixture-cases'

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'formats', 'mhtml', name, 'source.mhtml'))

describe('mhtml', () => {
  const cases = loadFixtureCases('mhtml')

  it('has fixture cases', () => {
    expect(cases.length).toBeGreaterThan(0)
  })

  it.each(cases)('reads $name as expected', async ({ fileName, bytes, expected }) => {
    checkCase(await parseFile(bytes, fileName, expected.options), expected)
  })
})

describe('gzipped mhtml', () => {
  const page = fixture('001-blink-page-with-image')

  it('reads a .mhtml.gz like the page inside it', async () => {
    const outcome = await parseFile(gzipSync(page), 'harbour.mhtml.gz')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.articles[0]!.article.title).toBe('Harbour ferry terminal approved')
    expect(outcome.articles[0]!.article.html).toContain('data:image/png;base64,')
  })

  it('fails a truncated download with its own reason', async () => {
    const zipped = gzipSync(page)
    const outcome = await parseFile(zipped.subarray(0, zipped.length - 40), 'harbour.mhtml.gz')
    expect(outcome).toEqual({ ok: false, reason: 'truncated gzip: the file ends before its data does' })
  })
})

describe('mhtml size', () => {
  it('refuses a gzip that unpacks to more than its limit', async () => {
    expect(gunzip(gzipSync(Buffer.alloc(4096, 32)), 1024)).toEqual({ reason: 'unpacks to more than 1 KB' })
  })

  it('reads a saved page larger than the limit for one article (its pictures are most of it)', async () => {
    const outcome = await parseFile(fixture('001-blink-page-with-image'), 'harbour.mhtml', { maxBytes: 1024 })
    expect(outcome.ok).toBe(true)
  })
})

describe('mhtml images', () => {
  it('leaves an image over the per-image cap out, and says which', async () => {
    const huge = Buffer.alloc(MAX_IMAGE_BYTES + 512 * 1024, 7).toString('base64')
    const page = fixture('001-blink-page-with-image')
      .toString('latin1')
      .replace(/(Content-Location: https:\/\/news\.example\.org\/img\/pier\.png\n\n)[^\n]+/, `$1${huge}`)
    const outcome = await parseFile(Buffer.from(page, 'latin1'), 'big.mhtml')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.articles[0]!.article.html).not.toContain('data:image')
    expect(outcome.warnings).toEqual([
      'image https://news.example.org/img/pier.png is 2.5 MB, over the 2 MB cap per image: not kept',
    ])
  })
})
