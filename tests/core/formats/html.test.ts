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

describe('html text', () => {
  const read = (body: string) => {
    const outcome = parseFile(
      new TextEncoder().encode(`<html><body><article>${body}</article></body></html>`),
      'a.html',
    )
    if (!outcome.ok) throw new Error(outcome.reason)
    return outcome.articles[0]!.article.text
  }

  it('treats line breaks in the page source as spaces and <br> as a line break', () => {
    const text = read(
      '<p>The harbour authority approved\nthe new ferry terminal on Tuesday.<br>Work starts in spring, officials said after the meeting.</p>',
    )
    expect(text).toBe(
      'The harbour authority approved the new ferry terminal on Tuesday.\nWork starts in spring, officials said after the meeting.',
    )
  })

  it('keeps the lines of preformatted text', () => {
    const text = read(
      '<p>The timetable published by the harbour authority for the new terminal reads as follows.</p><pre>08:00 Northport\n09:30 Eastholm</pre>',
    )
    expect(text).toContain('08:00 Northport\n09:30 Eastholm')
  })
})
