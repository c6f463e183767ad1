/**
 * Factiva exports: the HTML "article" view, either a table of two-letter fields per document (HD headline, BY
 * byline, PD date, SN source, LA language, LP lead and TD text paragraphs) or the display layout (a headline span,
 * an author, then one line each for the word count, date, time and source, then the paragraphs), and the XML of its API (`<article>` elements with
 * `<headline>`, `<leadParagraph>`, `<tailParagraphs>`, `<publicationDate>`, `<sourceName>`).
 */
import { DOMParser, parseHTML } from 'linkedom'
import { textBlocks, type DomElement } from '../dom-text'
import { collapseSpaces } from '../text'
import { pressDate } from './dates'
import type { PressDocument } from './document'

// The article view's markers: its class, and its headline or date field's code in bold (<b>HD</b>). Each is a
// literal with no open-ended run before it, so a page of a million unclosed tags is still read in one pass.
const ARTICLE_CLASS = /\bclass=["']article[\s"']/i
const FIELD_CODE = /<b>\s*(?:HD|PD)\s*<\/b>/i
const PARAGRAPH_CLASS = /\bclass=["']articleParagraph[\s"']/i
const HEADLINE = '.enHeadline, .frHeadline, .deHeadline, .esHeadline, .itHeadline, #hd'
const TIME_OR_COUNT = /^(?:\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s+\w+)?|[\d.,]+\s+\p{L}+)$/iu

/** Paragraph lines of an element ('' between paragraphs). */
function paragraphLines(element: Element): string[] {
  return textBlocks(element as unknown as DomElement).flatMap((block, i) => (i === 0 ? [block.text] : ['', block.text]))
}

/** A text value of an element, on one line. */
function oneLine(element: Element | undefined | null): string | null {
  const text = element ? collapseSpaces((element.textContent ?? '').replace(/\s+/g, ' ')) : ''
  return text === '' ? null : text
}

/** Tells whether an HTML page is a Factiva article export (a field table with an HD or PD row, or article paragraphs). */
export function looksLikeFactivaHtml(content: string): boolean {
  return ARTICLE_CLASS.test(content) && (FIELD_CODE.test(content) || PARAGRAPH_CLASS.test(content))
}

/** The documents of a Factiva HTML export, or null when the page is not one. */
export function readFactivaHtml(content: string): PressDocument[] | null {
  if (!looksLikeFactivaHtml(content)) return null
  const { document } = parseHTML(content)
  const articles = Array.from(document.querySelectorAll('div.article')).filter(
    (div) => div.querySelector('td.index') || div.querySelector('p.articleParagraph'),
  )
  if (articles.length === 0) return null
  return articles.map((article) =>
    article.querySelector('td.index') ? tableDocument(article) : displayDocument(article),
  )
}

/** A document of the display layout: the field lines have no codes, so they are told by what they hold. */
function displayDocument(article: Element): PressDocument {
  const lines = Array.from(article.children).filter((child) => child.localName === 'div' && !child.className)
  const texts = lines.map((div) => oneLine(div) ?? '')
  const d = texts.findIndex((text) => text.length < 40 && pressDate(text) !== null)
  // After the date come its time, then the source.
  const site = d < 0 ? null : (texts.slice(d + 1).find((text) => text !== '' && !TIME_OR_COUNT.test(text)) ?? null)
  const body = Array.from(article.querySelectorAll('p.articleParagraph')).map((p) => oneLine(p) ?? '')
  return {
    title: oneLine(article.querySelector(HEADLINE)),
    site,
    published: d < 0 ? null : pressDate(texts[d]!),
    author: oneLine(article.querySelector('.author')),
    language: null,
    section: null,
    lines: body.filter(Boolean).flatMap((p, i) => (i === 0 ? [p] : ['', p])),
  }
}

/** A document of the field-table layout. */
function tableDocument(article: Element): PressDocument {
  const fields = new Map<string, Element>()
  for (const row of Array.from(article.querySelectorAll('tr'))) {
    const cells = Array.from(row.children).filter((cell) => cell.localName === 'td')
    const code = cells.length >= 2 ? oneLine(cells[0]) : null
    if (code && /^[A-Z]{2,4}$/.test(code) && !fields.has(code)) fields.set(code, cells[1]!)
  }
  const text = (code: string) => oneLine(fields.get(code))
  const body = ['LP', 'TD'].flatMap((code) => {
    const cell = fields.get(code)
    return cell ? paragraphLines(cell) : []
  })
  const date = text('PD')
  return {
    title: text('HD'),
    site: text('SN'),
    published: date ? pressDate(date) : null,
    author: text('BY'),
    language: text('LA'),
    section: text('SE'),
    lines: body.flatMap((line, i) => (i > 0 && line !== '' && body[i - 1] !== '' ? ['', line] : [line])),
  }
}

/**
 * Paragraph lines of a Factiva XML text element ('' between paragraphs): its <paragraph> children, or its text
 * split where a line is indented or blank (wire copy marks a new paragraph so). Line breaks inside a paragraph are
 * only the wire's wrapping.
 */
function xmlParagraphs(element: Element | undefined): string[] {
  if (!element) return []
  const children = Array.from(element.getElementsByTagName('paragraph'))
  const parts = children.length > 0 ? children.map((p) => p.textContent ?? '') : [element.textContent ?? '']
  const paragraphs: string[] = []
  for (const part of parts) {
    let current: string[] = []
    const flush = () => {
      if (current.length > 0) paragraphs.push(current.join(' '))
      current = []
    }
    for (const raw of part.replace(/^\s*\n/, '').split('\n')) {
      if (/^\s+\S/.test(raw) || raw.trim() === '') flush()
      const line = collapseSpaces(raw)
      if (line !== '') current.push(line)
    }
    flush()
  }
  return paragraphs.flatMap((p, i) => (i === 0 ? [p] : ['', p]))
}

/** The documents of a Factiva XML export, or why the file is not one. */
export function readFactivaXml(content: string): { documents: PressDocument[]; notes: string[] } | string {
  if (!/<article[\s>]/.test(content) || !/<headline[\s>]/.test(content))
    return 'not a Factiva XML export: no <article> with a <headline> found'
  const xml = new DOMParser().parseFromString(content, 'text/xml')
  const articles = Array.from(xml.getElementsByTagName('article')).filter(
    (a) => a.getElementsByTagName('headline').length > 0,
  )
  if (articles.length === 0) return 'not a Factiva XML export: no <article> with a <headline> found'
  // A result set that declares more articles than it holds was cut short (a failed or partial download).
  const declared = Number(xml.getElementsByTagName('ppsarticleResultSet')[0]?.getAttribute('count') ?? NaN)
  const notes =
    declared > articles.length ? [`the export declares ${declared} articles but holds ${articles.length}`] : []
  const documents = articles.map((article) => {
    const first = (tag: string) => article.getElementsByTagName(tag)[0]
    const date = oneLine(first('publicationDate')?.getElementsByTagName('date')[0] ?? first('publicationDate'))
    return {
      title: oneLine(first('headline')),
      site: oneLine(first('sourceName')),
      published: date ? pressDate(date.replace(/T.*$/, '')) : null,
      author: oneLine(first('byline')),
      language: oneLine(first('baseLanguage')),
      section: oneLine(first('sectionName')),
      lines: [...xmlParagraphs(first('leadParagraph')), '', ...xmlParagraphs(first('tailParagraphs'))],
    }
  })
  return { documents, notes }
}
