/**
 * Removes scraper boilerplate from the very top and the trailing block of a body, conservatively.
 *
 * The body is a list of lines ('' for a blank line). Only the top lines and a trailing run of lines
 * that match a rule (or are short labels or related-article headlines held between matched lines)
 * are removed; a real last paragraph stops the scan.
 */
import type { ArticleFlag } from '../../shared/models'
import { BOILERPLATE_RULES, SHARE_WORDS, type BoilerplateKind } from './boilerplate-rules'

/** What a matched line is and what it means for the article. */
export interface LineMatch {
  kind: BoilerplateKind
  flags: ArticleFlag[]
  keep: boolean
}

/** What the boilerplate pass found and kept. */
export interface Stripped {
  /** The body lines without the boilerplate. */
  lines: string[]
  /** Indices (into the input) of the removed lines. */
  removed: number[]
  disclaimers: string[]
  flags: ArticleFlag[]
  category: string | null
}

const MAX_RULE_LINE = 600
const MAX_TOP_LINES = 6
const MAX_PENDING = 10
const SHARE_SPLIT = /[\s|•·,/]+/
const SHARE_PLATFORMS =
  /^(?:share|facebook|twitter|x|whatsapp|telegram|viber|vk|vkontakte|linkedin|reddit|pinterest|tumblr|email|e-mail|print|tweet|messenger|поделиться|поделитесь|вконтакте|одноклассники|телеграм|поширити|поділитися|copy|скопировать|скопіювати)$/
const SENTENCE_PUNCTUATION = /[.!?…;:,]/
const HEADLINE_END = /[.!?…;:,]$/
const SENTENCE_END = /[.!?…»"”’)\]]$/

/** Tells whether a line is a share row such as "Share this: Facebook | Twitter | Email". */
function isShareRow(line: string): boolean {
  if (line.length > 200) return false
  const words = line
    .toLowerCase()
    .split(SHARE_SPLIT)
    .map((w) => w.replace(/[:.!]+$/, ''))
    .filter(Boolean)
  if (words.length === 0 || words.length > 20) return false
  return words.every((w) => SHARE_WORDS.has(w)) && words.some((w) => SHARE_PLATFORMS.test(w))
}

/**
 * Matches one line against the rules allowed at `where`; the flags are those of every matching rule.
 *
 * `notice` is a line already known to be a notice: every rule may read it.
 */
export function matchLine(line: string, where: 'top' | 'end' | 'notice'): LineMatch | null {
  if (line.length > MAX_RULE_LINE) return null
  let first: LineMatch | null = null
  const flags = new Set<ArticleFlag>()
  for (const rule of BOILERPLATE_RULES) {
    if (where !== 'notice' && rule.where !== 'both' && rule.where !== where) continue
    if (rule.kind === 'category' && !isShortLabel(line)) continue
    if (!rule.patterns.some((p) => p.test(line))) continue
    for (const flag of rule.flags) flags.add(flag)
    if (!first) first = { kind: rule.kind, flags: [], keep: rule.keep }
    else if (rule.keep) first.keep = true
  }
  if (!first && isShareRow(line)) return { kind: 'share', flags: [], keep: false }
  if (first) first.flags = [...flags]
  return first
}

/**
 * The flags that a notice's wording sets: the one reading of a disclaimer, whatever gave it.
 *
 * Disclaimers given as metadata (front matter, a JSON field, a page's meta) come here; notices found in
 * a body are matched by the same rules line by line.
 */
export function flagsFromWording(text: string): ArticleFlag[] {
  const flags = new Set<ArticleFlag>()
  for (const line of text.split(/\n+/)) {
    // A long notice is read sentence by sentence, as the rules cap the length of a line.
    const parts = line.length > MAX_RULE_LINE ? line.split(/(?<=[.!?…])\s+/) : [line]
    for (const part of parts) for (const flag of matchLine(part.trim(), 'notice')?.flags ?? []) flags.add(flag)
  }
  return [...flags]
}

/** A short label: at most four words, no sentence punctuation (a category, a section name). */
export function isShortLabel(line: string): boolean {
  if (line.length > 40 || SENTENCE_PUNCTUATION.test(line)) return false
  return line.split(/\s+/).length <= 4
}

/** A related-article headline: a short line that does not end like a sentence. */
function isHeadline(line: string): boolean {
  return line.length <= 160 && !HEADLINE_END.test(line) && line.split(/\s+/).length <= 20
}

/**
 * Strips boilerplate from the top and the trailing block of a body.
 *
 * Kept notices go to `disclaimers` (in source order) and set `flags`; a category label in the
 * trailing block becomes `category`.
 */
export function stripBoilerplate(lines: readonly string[], scan: { top?: boolean; end?: boolean } = {}): Stripped {
  const removed = new Set<number>()
  const disclaimers: { index: number; text: string }[] = []
  const flags = new Set<ArticleFlag>()
  const record = (index: number, match: LineMatch) => {
    removed.add(index)
    for (const flag of match.flags) flags.add(flag)
    if (match.keep) disclaimers.push({ index, text: lines[index]! })
  }

  // The very top: notices before the article starts.
  let seen = 0
  let topEnd = 0
  for (let i = 0; scan.top !== false && i < lines.length && seen < MAX_TOP_LINES; i++) {
    const line = lines[i]!
    if (line === '') continue
    seen++
    const match = matchLine(line, 'top')
    if (!match) break
    record(i, match)
    topEnd = i + 1
  }

  // The trailing block, scanned upwards.
  let cut = lines.length
  const block: { index: number; match: LineMatch }[] = []
  let pending: { index: number; headline: boolean }[] = []
  let stoppedAt = -1
  for (let i = lines.length - 1; scan.end !== false && i >= topEnd; i--) {
    const line = lines[i]!
    if (line === '') continue
    const match = matchLine(line, 'end')
    if (match) {
      // Headlines only belong to the block under a "Related" heading.
      if (match.kind !== 'related' && pending.some((p) => p.headline)) break
      block.push({ index: i, match })
      cut = i
      pending = []
      continue
    }
    if (pending.length < MAX_PENDING && isShortLabel(line)) pending.push({ index: i, headline: false })
    else if (pending.length < MAX_PENDING && isHeadline(line)) pending.push({ index: i, headline: true })
    else {
      stoppedAt = i
      break
    }
  }
  const categories: number[] = []
  const afterProse = stoppedAt >= 0 && SENTENCE_END.test(lines[stoppedAt]!)
  if (block.length > 0 && afterProse && pending.length <= 2 && !pending.some((p) => p.headline)) {
    // One or two short labels between the last sentence and the block (a category, a section)
    // belong to the block; a longer run of short lines is more likely a list that is body.
    for (const p of pending) {
      if (p.headline || categories.length === 2 || !onlyBlanksBetween(lines, p.index, cut)) break
      cut = p.index
      categories.push(p.index)
    }
  }
  for (const { index, match } of block) {
    record(index, match)
    if (match.kind === 'category') categories.push(index)
  }
  for (let i = cut; i < lines.length; i++) if (lines[i] !== '') removed.add(i)
  const category = categories.length > 0 ? lines[Math.min(...categories)]! : null

  const kept = lines.filter((_, i) => !removed.has(i))
  disclaimers.sort((a, b) => a.index - b.index)
  return {
    lines: kept,
    removed: [...removed].sort((a, b) => a - b),
    disclaimers: [...new Set(disclaimers.map((d) => d.text))],
    flags: [...flags],
    category,
  }
}

/** True when only blank lines lie strictly between `from` and `to`. */
function onlyBlanksBetween(lines: readonly string[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (lines[i] !== '') return false
  return true
}
