/**
 * LexisNexis and Nexis Uni exports as lines of text (a TXT file, a DOCX's text, an HTML export's paragraphs).
 *
 * Two layouts: the older "N of M DOCUMENTS" one (each document opens with that line, then the source, the date
 * with its edition, the title, BYLINE/SECTION/LENGTH lines, the body, LOAD-DATE/LANGUAGE lines and a copyright),
 * and Nexis Uni's (title, source, date, copyright, Section/Length/Byline lines, "Body", the body, Classification,
 * Load-Date, then an "End of Document" line).
 */
import { parseHTML } from 'linkedom'
import { textBlocks, type DomElement } from '../dom-text'
import { collapseSpaces } from '../text'
import { pressDate } from './dates'
import type { PressDocument } from './document'

// "1 of 10 DOCUMENTS" (and the French, German, Italian and Dutch wordings): alone on a line in text, alone in an
// element in HTML.
const COUNTER_WORDING = String.raw`\d+[ \t]+(?:of|de|sur|von|di|van)[ \t]+\d+[ \t]+(?:DOCUMENTS?|DOKUMENTE?N?|DOCUMENTI)`
const COUNTER = new RegExp(`^[ \\t]*${COUNTER_WORDING}[ \\t]*$`, 'im')
const COUNTER_IN_MARKUP = new RegExp(`>\\s*${COUNTER_WORDING}\\s*<`, 'i')
const END_OF_DOCUMENT = /^[ \t]*End of Document[ \t]*$/m
// A field line: "LENGTH: 355 words", "Load-Date: July 4, 2019", "DATE-CHARGEMENT: 13 March 2013".
const FIELD = /^([\p{Lu}][\p{L}]*(?:[ -][\p{L}]+){0,2})\s?:(?:\s|$)/u

/** Fields between the header and the body. */
const HEADER_FIELDS = new Set(
  'BYLINE AUTHOR AUTEUR AUTOR SECTION RUBRIQUE RUBRIK LENGTH LONGUEUR LANGE DATELINE HIGHLIGHT ENCART EDITION'.split(
    ' ',
  ),
)
/** Fields after the body: everything from the first of them on is metadata. */
const TRAILER_FIELDS = new Set(
  (
    'LOAD-DATE DATE-CHARGEMENT LANGUAGE LANGUE SPRACHE GRAPHIC GRAPHIQUE PUBLICATION-TYPE TYPE-PUBLICATION ' +
    'JOURNAL-CODE CORRECTION-DATE CORRECTION SUBJECT SUJET ORGANIZATION ORGANISATION PERSON PERSONNE GEOGRAPHIC ' +
    'LOCALISATION-GEO INDUSTRY SECTEUR-ACTIVITE COMPANY SOCIETE TICKER SYMBOLE-BOURSIER CITY VILLE STATE COUNTRY ' +
    'PAYS DOCUMENT-TYPE NOTES URL DISTRIBUTION ACC-NO SERIES'
  ).split(' '),
)
/** Nexis Uni's bare headings: "Body" opens the body, the others close it. */
const BODY_HEADING = /^Body$/
const TRAILER_HEADING = /^(?:Classification|Graphic|Notes|Bibliography|Load-Date)$/
// "Late Edition - Final", "3 Star Edition", "Édition Principale", "Correction Appended".
const EDITION = /^(?:.{0,30}\b(?:edition|ausgabe|édition|edizione|edición)\b.{0,30}|correction appended)$/i
const COPYRIGHT = /^(?:copyright\b|©|\(c\)\s)/i

/** A field line's key, folded ("Load-Date" → "LOAD-DATE", "LÄNGE" → "LANGE"), or null. */
function fieldKey(line: string | undefined): string | null {
  const match = line ? FIELD.exec(line) : null
  if (!match) return null
  const key = match[1]!.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/ /g, '-')
  return HEADER_FIELDS.has(key) || TRAILER_FIELDS.has(key) ? key : null
}

/** Tells whether a block is Nexis Uni's "Body" heading. */
function isHeading(block: string[]): boolean {
  return block.length === 1 && BODY_HEADING.test(block[0]!)
}

/** A field's value: the block's text after "KEY:". */
function fieldValue(block: string[]): string {
  return collapseSpaces(block.join(' ').replace(FIELD, ''))
}

/** Runs of non-blank lines. */
function toBlocks(lines: readonly string[]): string[][] {
  const blocks: string[][] = []
  let current: string[] = []
  for (const line of lines) {
    if (line !== '') current.push(line)
    else if (current.length > 0) {
      blocks.push(current)
      current = []
    }
  }
  if (current.length > 0) blocks.push(current)
  return blocks
}

// TXT exports wrap their paragraphs at about 78 columns; a paragraph whose lines all but the last reach this
// width is one wrapped line (a short-lined block, such as a list or an address, keeps its lines).
const WRAP_WIDTH = 55

/** A hard-wrapped paragraph as one line; any other block as it is. */
function unwrap(block: string[]): string[] {
  if (block.length < 2 || block.slice(0, -1).some((line) => line.length < WRAP_WIDTH)) return block
  return [block.join(' ')]
}

/** Tells whether text is a LexisNexis export in either layout (cheap, and strict: a field line must be there too). */
export function looksLikeLexisText(content: string): boolean {
  const layout = COUNTER.test(content) || END_OF_DOCUMENT.test(content)
  return (
    layout && /^[ \t]*(?:LENGTH|LONGUEUR|LÄNGE|Length|LOAD-DATE|Load-Date|BYLINE|Byline):[ \t\u00a0]/m.test(content)
  )
}

/** Splits an export's text into its documents' lines, or null when it is neither layout. */
export function splitLexisText(content: string): { layout: 'numbered' | 'nexis-uni'; documents: string[][] } | null {
  if (!looksLikeLexisText(content)) return null
  const lines = content.split('\n').map((line) => collapseSpaces(line))
  const documents: string[][] = []
  if (COUNTER.test(content)) {
    const counter = new RegExp(COUNTER.source, 'i')
    let current: string[] | null = null
    for (const line of lines) {
      if (counter.test(line)) documents.push((current = []))
      else current?.push(line)
    }
    return { layout: 'numbered', documents }
  }
  let current: string[] = []
  for (const line of lines) {
    if (line === 'End of Document') {
      documents.push(current)
      current = []
    } else current.push(line)
  }
  // A last document cut off before its "End of Document" still counts when it holds anything.
  if (current.some((line) => line !== '' && !COPYRIGHT.test(line))) documents.push(current)
  return { layout: 'nexis-uni', documents }
}

/** Reads one document's lines in the given layout. */
export function readLexisDocument(lines: readonly string[], layout: 'numbered' | 'nexis-uni'): PressDocument {
  const blocks = toBlocks(lines)
  const fields = new Map<string, string>()
  let firstField = blocks.findIndex((b) => fieldKey(b[0]) !== null || isHeading(b))
  if (firstField < 0) firstField = blocks.length
  const header = blocks.slice(0, firstField).filter((b) => !COPYRIGHT.test(b[0]!))
  let title: string | null = null
  let site: string | null = null
  let published: string | null = null
  let bodyStart = firstField
  if (layout === 'numbered') {
    const d = header.findIndex((b) => pressDate(b[0]!) !== null)
    if (d >= 0) {
      published = pressDate(header[d]![0]!)
      site = d > 0 ? header[d - 1]!.join(' ') : null
      // An edition line set apart from the date is still part of the date block, not the title.
      let t = d + 1
      while (t < header.length && header[t]!.length === 1 && EDITION.test(header[t]![0]!)) t++
      title = header[t]?.join(' ') ?? null
      // Without any field line, the body follows the title directly.
      if (firstField === blocks.length && t < header.length) bodyStart = blocks.indexOf(header[t]!) + 1
    }
  } else {
    let d = -1
    for (let i = header.length - 1; i >= 0 && d < 0; i--) if (pressDate(header[i]![0]!) !== null) d = i
    if (d >= 0) {
      published = pressDate(header[d]![0]!)
      site = d > 0 ? header[d - 1]!.join(' ') : null
      title = d > 1 ? header[d - 2]!.join(' ') : null
    }
  }
  // Fields after the header, up to the body: Nexis Uni's "Body" heading, else the first block that is not a field
  // (a line Nexis Uni puts between its fields and "Body", such as a subtitle, is not body).
  const heading = layout === 'nexis-uni' ? blocks.findIndex((b, k) => k >= bodyStart && isHeading(b)) : -1
  let i = bodyStart
  for (; i < (heading >= 0 ? heading : blocks.length); i++) {
    const block = blocks[i]!
    const key = fieldKey(block[0])
    if (key !== null && HEADER_FIELDS.has(key)) fields.set(key, fieldValue(block))
    else if (heading < 0) break
  }
  if (heading >= 0) i = heading + 1
  const body: string[][] = []
  for (; i < blocks.length; i++) {
    const block = blocks[i]!
    const key = fieldKey(block[0])
    if ((key !== null && TRAILER_FIELDS.has(key)) || TRAILER_HEADING.test(block[0]!)) break
    body.push(block)
  }
  for (; i < blocks.length; i++) {
    const key = fieldKey(blocks[i]![0])
    if (key !== null && !fields.has(key)) fields.set(key, fieldValue(blocks[i]!))
  }
  while (body.length > 0 && COPYRIGHT.test(body[body.length - 1]![0]!)) body.pop()
  const field = (...keys: string[]) => keys.map((k) => fields.get(k)).find((v) => v) ?? null
  return {
    title: title ? collapseSpaces(title) : null,
    site,
    published,
    author: field('BYLINE', 'AUTHOR', 'AUTEUR', 'AUTOR'),
    language: field('LANGUAGE', 'LANGUE', 'SPRACHE'),
    section: field('SECTION', 'RUBRIQUE', 'RUBRIK')?.replace(/;\s*(?:Pg\.|Version:).*$/i, '') ?? null,
    lines: body.map(unwrap).flatMap((block, k) => (k === 0 ? block : ['', ...block])),
  }
}

/** The documents of a LexisNexis text export, or null when the text is not one. */
export function readLexisText(content: string): PressDocument[] | null {
  const split = splitLexisText(content)
  return split && split.documents.map((lines) => readLexisDocument(lines, split.layout))
}

// LexisNexis HTML exports carry their documents in "<!-- Hide XML section … <DOC NUMBER=1> -->" comments.
const LEXIS_HTML = /<!--\s*LXNComment|<DOC NUMBER=\d+>\s*<DOCFULL>/i

/** The documents of a LexisNexis HTML export (its paragraphs read as the numbered text layout), or null. */
export function readLexisHtml(content: string): PressDocument[] | null {
  if (!LEXIS_HTML.test(content) || !COUNTER_IN_MARKUP.test(content)) return null
  const { document } = parseHTML(content)
  const lines = textBlocks(document.body as unknown as DomElement).flatMap((block) => [...block.text.split('\n'), ''])
  return readLexisText(lines.join('\n'))
}
