import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../electron/core/formats/index'
import { checkCase, loadFixtureCases } from '../../helpers/fixture-cases'

describe('html', () => {
  const cases = loadFixtureCases('html')

  it('has fixture cases', async () => {
    expect(cases.length).toBeGreaterThan(0)
  })

  it.each(cases)('reads $name as expected', async ({ fileName, bytes, expected }) => {
    checkCase(await parseFile(bytes, fileName, expected.options), expected)
  })
})

describe('html edge cases', () => {
  it('reads a page nested too deeply for a DOM walk instead of failing', async () => {
    const text = 'The harbour authority approved the new ferry terminal after a long review of the plans.'
    const page = `<html><body>${'<div>'.repeat(20000)}<p>${text}</p>${'</div>'.repeat(20000)}</body></html>`
    const outcome = await parseFile(new TextEncoder().encode(page), 'deep.html')
    expect(outcome.ok && outcome.articles[0]!.article.text).toBe(text)
  })
})

describe('html text', () => {
  const read = async (body: string) => {
    const outcome = await parseFile(
      new TextEncoder().encode(`<html><body><article>${body}</article></body></html>`),
      'a.html',
    )
    if (!outcome.ok) throw new Error(outcome.reason)
    return outcome.articles[0]!.article.text
  }

  it('treats line breaks in the page source as spaces and <br> as a line break', async () => {
    const text = await read(
      '<p>The harbour authority approved\nthe new ferry terminal on Tuesday.<br>Work starts in spring, officials said after the meeting.</p>',
    )
    expect(text).toBe(
      'The harbour authority approved the new ferry terminal on Tuesday.\nWork starts in spring, officials said after the meeting.',
    )
  })

  it('keeps the lines of preformatted text', async () => {
    const text = await read(
      '<p>The timetable published by the harbour authority for the new terminal reads as follows.</p><pre>08:00 Northport\n09:30 Eastholm</pre>',
    )
    expect(text).toContain('08:00 Northport\n09:30 Eastholm')
  })
})

describe('html pathological input', () => {
  const lead = 'The harbour authority approved the new ferry terminal after a long review of the plans.'
  const page = (tail: string) =>
    new TextEncoder().encode(`<html><head><title>Ferry terminal</title></head><body>\n<p>${lead}</p>\n${tail}`)

  it.each([
    ['<script', '<script'.repeat(150000)],
    ['<style', `<style>${'p{color:red}'.repeat(90000)}`],
    ['<!--', '<!--'.repeat(250000)],
    ['<script', `<script>${'var a = 1;'.repeat(100000)}`],
  ])('reads the page before an unclosed %s and says where it starts', async (tag, tail) => {
    const outcome = await parseFile(page(tail), 'unclosed.html')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.articles[0]!.article.text).toBe(lead)
    expect(outcome.warnings).toEqual([`unclosed ${tag} at line 3, column 1: the rest of the page is ignored`])
  })

  it('fails with the reason when an unclosed comment hides the whole page', async () => {
    const outcome = await parseFile(new TextEncoder().encode(`<!--${'<p>hidden</p>'.repeat(80000)}`), 'hidden.html')
    expect(outcome).toEqual({ ok: false, reason: 'unclosed <!-- at line 1, column 1 hides the whole page' })
  })

  it('reads a page of a million unclosed container tags', async () => {
    const outcome = await parseFile(page('<div'.repeat(250000)), 'divs.html')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.articles[0]!.article.text).toBe(lead)
  })
})
