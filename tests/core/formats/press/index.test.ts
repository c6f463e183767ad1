import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../../electron/core/formats/index'
import { readPressHtml, readPressText } from '../../../../electron/core/formats/press'
import { normaliseNewlines } from '../../../../electron/core/formats/text'
import { checkCase, loadFixtureCases } from '../../../helpers/fixture-cases'

describe('press exports', () => {
  const cases = loadFixtureCases('press')

  it('has fixture cases', () => {
    expect(cases.length).toBeGreaterThan(0)
  })

  it.each(cases)('reads $name as expected', async ({ fileName, bytes, expected }) => {
    checkCase(await parseFile(bytes, fileName, expected.options), expected)
  })
})

describe('press export detection', () => {
  const sources = (format: string) => loadFixtureCases(format).map((c) => [c.name, c.bytes] as const)

  it.each([...sources('txt'), ...sources('markdown')])('leaves the plain text %s to the text reader', (_, bytes) => {
    expect(readPressText(normaliseNewlines(new TextDecoder().decode(bytes)))).toBeNull()
  })

  it.each(sources('html'))('leaves the web page %s to the page reader', (_, bytes) => {
    expect(readPressHtml(new TextDecoder().decode(bytes))).toBeNull()
  })
})

describe('press export detection on pathological pages', () => {
  it.each([
    ['unclosed table cells', '<td class=index'.repeat(100000)],
    ['repeated class attributes', 'class='.repeat(200000)],
  ])('leaves a page of %s to the page reader', (_, tail) => {
    const page = `<html><head><title>Ferry terminal</title></head><body>\n<p>The ferry terminal opens.</p>\n${tail}`
    expect(readPressHtml(page)).toBeNull()
  })
})
