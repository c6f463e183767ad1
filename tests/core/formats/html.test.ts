import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../electron/core/formats/index'
import { checkCase, loadFixtureCases } from '../../helpers/fixture-cases'

describe('html', () => {
  const cases = loadFixtureCases('html')

  it('has fixture cases', () => {
    expect(cases.length).toBeGreaterThan(0)
  })

  it.each(cases)('reads $name as expected', ({ fileName, bytes, expected }) => {
    checkCase(parseFile(bytes, fileName, expected.options), expected)
  })
})

describe('html edge cases', () => {
  it('reads a page nested too deeply for a DOM walk instead of failing', () => {
    const text = 'The harbour authority approved the new ferry terminal after a long review of the plans.'
    const page = `<html><body>${'<div>'.repeat(20000)}<p>${text}</p>${'</div>'.repeat(20000)}</body></html>`
    const outcome = parseFile(new TextEncoder().encode(page), 'deep.html')
    expect(outcome.ok && outcome.articles[0]!.article.text).toBe(text)
  })
})
