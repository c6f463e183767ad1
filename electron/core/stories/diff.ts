/**
 * A word-level comparison of two articles: their extracted text split into words, spaces and punctuation by
 * `Intl.Segmenter` (so Cyrillic and other scripts split as people read them), compared with the `diff` package,
 * and the metadata fields that differ. Pure: no I/O.
 */
import { diffArrays } from 'diff'
import type { Article } from '../../shared/models'
import type { ArticleDiff, DiffOp, DiffSide, FieldChange } from '../../shared/stories'

/** The metadata fields a diff compares, in the order they are listed. */
export const DIFF_FIELDS = [
  'title',
  'site',
  'author',
  'published',
  'capturedAt',
  'url',
  'sourceUrl',
  'language',
] as const

/** Past this many differing segments the texts share too little to align: the whole of each side is shown instead. */
const MAX_EDIT_LENGTH = 20_000

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })

/** A text as its words, spaces and punctuation, in order; joined they give the text back. */
export function wordSegments(text: string): string[] {
  const out: string[] = []
  for (const s of segmenter.segment(text)) out.push(s.segment)
  return out
}

function side(a: Article): DiffSide {
  return {
    id: a.id,
    title: a.title,
    site: a.site,
    published: a.published,
    capturedAt: a.capturedAt,
    disclaimers: [...a.disclaimers],
    flags: [...a.flags],
  }
}

function push(ops: DiffOp[], kind: DiffOp[0], text: string): void {
  if (text === '') return
  const last = ops[ops.length - 1]
  if (last && last[0] === kind) last[1] += text
  else ops.push([kind, text])
}

/** The word diff of two texts: kept, deleted and inserted runs; '=' and '-' join to `left`, '=' and '+' to `right`. */
export function diffText(left: string, right: string): DiffOp[] {
  const ops: DiffOp[] = []
  if (left === right) {
    push(ops, '=', left)
    return ops
  }
  const changes = diffArrays(wordSegments(left), wordSegments(right), { maxEditLength: MAX_EDIT_LENGTH })
  if (!changes) {
    push(ops, '-', left)
    push(ops, '+', right)
    return ops
  }
  // Deletions before insertions at each change, so a replaced word reads "old → new".
  let pendingAdd = ''
  for (const c of changes) {
    const text = c.value.join('')
    if (c.added) pendingAdd += text
    else if (c.removed) push(ops, '-', text)
    else {
      push(ops, '+', pendingAdd)
      pendingAdd = ''
      push(ops, '=', text)
    }
  }
  push(ops, '+', pendingAdd)
  return ops
}

/** Compares two articles: a word diff of their text, the metadata fields that differ, and each side's disclaimers. */
export function diffArticles(left: Article, right: Article): ArticleDiff {
  const fields: Record<string, FieldChange> = {}
  for (const f of DIFF_FIELDS) {
    const before = left[f] ?? null
    const after = right[f] ?? null
    if (before !== after) fields[f] = { before, after }
  }
  return { ops: diffText(left.text, right.text), fields, sides: [side(left), side(right)] }
}
