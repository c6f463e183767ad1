/**
 * Plain-text helpers shared by every format: line endings, entities, paragraphs, word counts.
 */
import { decodeHTMLStrict } from 'entities/decode'

const LINE_BREAKS = /\r\n?/g
const INLINE_SPACE = /[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g
// Chinese and Japanese are written without spaces: each of their characters counts as a word.
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu
const BLANK_RUN = /\n\s*\n/

/** Turns CRLF and lone CR line endings into LF. */
export function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(LINE_BREAKS, '\n')
}

/** Collapses runs of spaces and tabs (and odd Unicode spaces) to one space and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(INLINE_SPACE, ' ').trim()
}

/** Collapses every run of whitespace, newlines included, to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Decodes HTML character references left in text by scrapers ("&#163;", "&amp;", "&nbsp;").
 *
 * Only complete references (with their semicolon) are read, so "R&D" and "&pound5" stay as written.
 */
export function decodeEntities(text: string): string {
  return text.indexOf('&') === -1 ? text : decodeHTMLStrict(text)
}

/**
 * Splits a text body into trimmed lines, with '' standing for a blank line.
 *
 * Entities are decoded and spaces inside a line collapsed; the line structure is kept for the
 * boilerplate pass.
 */
export function toLines(text: string): string[] {
  return normaliseNewlines(decodeEntities(text))
    .split('\n')
    .map((line) => collapseSpaces(line))
}

/**
 * Builds paragraphs from lines: blank lines separate paragraphs; when a body has no blank
 * line at all, every line is its own paragraph (the common shape of scraped text).
 */
export function linesToParagraphs(lines: readonly string[]): string[] {
  const hasBlank = lines.some((line, i) => line === '' && i > 0 && i < lines.length - 1)
  if (!hasBlank) return lines.filter((line) => line !== '')
  const paragraphs: string[] = []
  let current: string[] = []
  for (const line of lines) {
    if (line === '') {
      if (current.length > 0) paragraphs.push(current.join('\n'))
      current = []
    } else current.push(line)
  }
  if (current.length > 0) paragraphs.push(current.join('\n'))
  return paragraphs
}

/** Splits a finished text into its paragraphs. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(BLANK_RUN)
    .map((p) => p.trim())
    .filter(Boolean)
}

/** Joins paragraphs with one blank line between them. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n')
}

/** Counts words (runs of letters or digits, with inner apostrophes, hyphens and dots; CJK characters one each). */
export function countWords(text: string): number {
  let count = 0
  WORD.lastIndex = 0
  while (WORD.exec(text) !== null) count++
  return count
}

/** Longest first line that still counts as a title. */
export const TITLE_MAX = 200

/** A title from a long paragraph: its first sentence, or its first words cut at a word boundary with '…'. */
export function shortTitle(paragraph: string, max = 160): string {
  const sentence = /^(.{20,}?[.!?…])\s/u.exec(paragraph)
  if (sentence && sentence[1]!.length <= max) return sentence[1]!
  const cut = paragraph.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`
}
