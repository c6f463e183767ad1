import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../electron/core/formats/index'
import { checkCase, loadFixtureCases } from '../../helpers/fixture-cases'

describe('json', () => {
  const cases = [...loadFixtureCases('json'), ...loadFixtureCases('jsonl')]

  it('has fixture cases', async () => {
    expect(cases.length).toBeGreaterThan(0)
  })

  it.each(cases)('reads $name as expected', async ({ fileName, bytes, expected }) => {
    checkCase(await parseFile(bytes, fileName, expected.options), expected)
  })
})
