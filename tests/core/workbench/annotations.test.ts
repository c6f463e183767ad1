import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ANNO_CONTEXT,
  AnnotationStore,
  anchor,
  fromWebAnnotation,
  newHighlight,
  toWebAnnotation,
  type StoredHighlight,
} from '../../../electron/core/workbench/annotations'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

const TEXT =
  'The harbour board met on Tuesday. The new crane was ordered from a yard in the north. ' +
  'Workers said the crane would double the quay capacity. The vote is expected next month.'

function made(text: string, quote: string, from = 0): StoredHighlight {
  const start = text.indexOf(quote, from)
  return newHighlight('a1', text, [start, start + quote.length], '', [])
}

describe('anchor', () => {
  it('finds a highlight at its stored position when the text is unchanged', () => {
    const h = made(TEXT, 'double the quay capacity')
    expect(anchor(TEXT, h)).toEqual({ range: [h.start, h.end], status: 'exact' })
  })

  it('follows a quote that moved when text was added before it', () => {
    const h = made(TEXT, 'double the quay capacity')
    const edited = 'Updated: a correction was added at the top. ' + TEXT
    const { range, status } = anchor(edited, h)
    expect(status).toBe('moved')
    expect(edited.slice(...range!)).toBe('double the quay capacity')
  })

  it('chooses among repeats of the quote by the words around it', () => {
    // "the crane" occurs twice; the second one is highlighted.
    const h = made(TEXT, 'the crane', TEXT.indexOf('Workers'))
    const edited = 'Note. ' + TEXT
    const { range, status } = anchor(edited, h)
    expect(status).toBe('moved')
    expect(range![0]).toBe(edited.indexOf('the crane would'))
  })

  it('finds a quote fuzzily after a small edit inside it', () => {
    const h = made(TEXT, 'Workers said the crane would double the quay capacity')
    const edited = TEXT.replace('would double', 'will double')
    const { range, status } = anchor(edited, h)
    expect(status).toBe('fuzzy')
    expect(edited.slice(...range!)).toContain('will double the quay capacity')
  })

  it('reports a quote whose passage was rewritten as orphaned, with no range', () => {
    const h = made(TEXT, 'Workers said the crane would double the quay capacity')
    const edited = TEXT.replace(/Workers said[^.]*\./, 'Nobody commented.')
    expect(anchor(edited, h)).toEqual({ range: null, status: 'orphaned' })
  })
})

describe('Web Annotation form', () => {
  it('writes the W3C model and reads it back unchanged', () => {
    const h = { ...made(TEXT, 'the new crane'.replace('the', 'The')), note: 'check the yard', tags: ['cranes', 'port'] }
    const anno = toWebAnnotation(h)
    expect(anno['@context']).toBe(ANNO_CONTEXT)
    expect(anno.type).toBe('Annotation')
    expect(anno.motivation).toBe('commenting')
    expect(anno.target.source).toBe('a1')
    expect(anno.target.selector[0]).toEqual({
      type: 'TextQuoteSelector',
      exact: 'The new crane',
      prefix: h.prefix,
      suffix: h.suffix,
    })
    expect(anno.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: h.start, end: h.end })
    expect(anno.body).toEqual([
      { type: 'TextualBody', value: 'check the yard', purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'cranes', purpose: 'tagging' },
      { type: 'TextualBody', value: 'port', purpose: 'tagging' },
    ])
    expect(fromWebAnnotation(JSON.parse(JSON.stringify(anno)))).toEqual(h)
  })

  it('marks a highlight without a note as highlighting, with no body', () => {
    const anno = toWebAnnotation(made(TEXT, 'harbour board'))
    expect(anno.motivation).toBe('highlighting')
    expect(anno.body).toBeUndefined()
  })
})

describe('AnnotationStore', () => {
  let dir: TempDir
  beforeEach(() => (dir = makeTempDir()))
  afterEach(() => dir.remove())

  it('keeps highlights across a reload, one annotation per line', async () => {
    const store = await AnnotationStore.load(dir.root)
    await store.put(made(TEXT, 'harbour board'))
    await store.put(made(TEXT, 'next month'))
    const lines = dir.read('annotations.jsonl').trim().split('\n')
    expect(lines.map((l) => JSON.parse(l).target.selector[0].exact)).toEqual(['harbour board', 'next month'])
    const again = await AnnotationStore.load(dir.root)
    expect(again.list('a1').map((h) => h.quote)).toEqual(['harbour board', 'next month'])
    expect(again.notice).toBeNull()
  })

  it('sets a damaged file aside with a notice and loads its readable lines', async () => {
    const store = await AnnotationStore.load(dir.root)
    await store.put(made(TEXT, 'harbour board'))
    await store.put(made(TEXT, 'next month'))
    const [first, second] = dir.read('annotations.jsonl').trim().split('\n')
    const damaged = `${first}\n{"type":"Annotation", "id": "x", trunc\n${second}\n`
    dir.write('annotations.jsonl', damaged)
    const again = await AnnotationStore.load(dir.root)
    expect(again.list(null).map((h) => h.quote)).toEqual(['harbour board', 'next month'])
    expect(again.notice?.message).toMatch(
      /1 unreadable line \(line 2: .*\); it was moved to annotations\.jsonl\.corrupt-/,
    )
    const aside = fs.readdirSync(dir.root).filter((f) => f.startsWith('annotations.jsonl.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(fs.readFileSync(path.join(dir.root, aside[0]!), 'utf8')).toBe(damaged)
    expect(dir.read('annotations.jsonl').trim().split('\n')).toHaveLength(2)
  })

  it('keeps the highlights another process added meanwhile (the CLI beside the app)', async () => {
    const app = await AnnotationStore.load(dir.root)
    const cli = await AnnotationStore.load(dir.root)
    const fromCli = made(TEXT, 'harbour board')
    await cli.put(fromCli)
    await app.put(made(TEXT, 'next month'))
    expect((await AnnotationStore.load(dir.root)).list(null).map((h) => h.quote)).toEqual([
      'harbour board',
      'next month',
    ])
    await cli.remove(fromCli.id)
    await app.put(made(TEXT, 'new crane'))
    await app.refresh()
    expect(app.list(null).map((h) => h.quote)).toEqual(['next month', 'new crane'])
  })

  it('removes one highlight and keeps the others', async () => {
    const store = await AnnotationStore.load(dir.root)
    const a = made(TEXT, 'harbour board')
    await store.put(a)
    await store.put(made(TEXT, 'next month'))
    expect(await store.remove(a.id)).toBe(true)
    expect(await store.remove(a.id)).toBe(false)
    expect((await AnnotationStore.load(dir.root)).list(null).map((h) => h.quote)).toEqual(['next month'])
  })
})
