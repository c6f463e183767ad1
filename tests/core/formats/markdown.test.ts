import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../electron/core/formats/index'
import { checkCase, loadFixtureCases } from '../../helpers/fixture-cases'

describe('markdown', () => {
  const cases = loadFixtureCases('markdown')

  it('has fixture cases', async () => {
    expect(cases.length).toBeGreaterThan(0)
  })

  it.each(cases)('reads $name as expected', async ({ fileName, bytes, expected }) => {
    checkCase(await parseFile(bytes, fileName, expected.options), expected)
  })
})

describe('markdown pathological input', () => {
  it('reads a paragraph of thousands of emphasis markers as plain text, with a warning', async () => {
    const outcome = await parseFile(new TextEncoder().encode(`# Markers\n\n${'__a'.repeat(21000)}\n`), 'markers.md')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.warnings).toEqual([
      'line 3: 21000 emphasis markers in one paragraph; shown as typed, not as emphasis',
    ])
    expect(outcome.articles[0]!.article.text).toBe('__a'.repeat(21000))
  })

  it('still renders ordinary emphasis', async () => {
    const outcome = await parseFile(new TextEncoder().encode('# Title\n\nThe **new** bridge opens _soon_.\n'), 'a.md')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.warnings).toEqual([])
    expect(outcome.articles[0]!.article.html).toContain('<strong>new</strong>')
  })
})
