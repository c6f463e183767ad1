/**
 * Europresse HTML exports: per document a publication name (`.DocPublicationName`), header spans with the section
 * and the date (`.DocHeader`, "Politique, jeudi 5 octobre 2013"), the title (`.TitreArticleVisu` or
 * `.titreArticle`), an author line, the text, a "©" line and the "Numéro de document" line.
 */
import { parseHTML } from 'linkedom'
import { textBlocks, type DomElement } from '../dom-text'
import { collapseSpaces } from '../text'
import { pressDate } from './dates'
import type { PressDocument } from './document'

const TITLE_SELECTOR = '.TitreArticleVisu, .titreArticleVisu, .titreArticle'
const FOOTER = /^(?:©|Numéro de document|Document number|Ce certificat|Date d'émission)/i
// An author line is short and is not a sentence.
const AUTHOR_LINE = /^[^.!?:;]{2,60}$/u

/** Tells whether an HTML page is a Europresse export. */
export function looksLikeEuropresse(content: string): boolean {
  return /class=["']?DocPublicationName/.test(content) && /class=["']?(?:TitreArticleVisu|titreArticle)/i.test(content)
}

/** The element holding one whole document: the widest ancestor of its publication name holding no other one. */
function documentContainer(name: Element): Element {
  let container = name
  while (container.parentElement && container.parentElement.localName !== 'body') {
    if (container.parentElement.querySelectorAll('.DocPublicationName').length > 1) break
    container = container.parentElement
  }
  return container
}

/** The date somewhere in the header spans ("Éditorial, jeudi 4 octobre 2012, p. 03"). */
function headerDate(header: string): string | null {
  for (const part of header.split(/,\s*/)) {
    const date = pressDate(part)
    if (date) return date
  }
  return null
}

/** The documents of a Europresse HTML export, or null when the page is not one. */
export function readEuropresse(content: string): PressDocument[] | null {
  if (!looksLikeEuropresse(content)) return null
  const { document } = parseHTML(content)
  const names = Array.from(document.querySelectorAll('.DocPublicationName'))
  if (names.length === 0) return null
  return names.map((name) => {
    const container = documentContainer(name)
    const titleElement = container.querySelector(TITLE_SELECTOR)
    const header = collapseSpaces(
      Array.from(container.querySelectorAll('.DocHeader'))
        .map((span) => span.textContent ?? '')
        .join(' '),
    )
    const site = collapseSpaces(name.textContent ?? '') || null
    const title = titleElement ? collapseSpaces(titleElement.textContent ?? '') || null : null
    // The certificate and the logo are tables inside the document; the body is what follows the title.
    for (const table of Array.from(container.querySelectorAll('table'))) table.remove()
    const bodyRoot = container.querySelector('.DocText') ?? afterTitle(container, titleElement)
    let blocks = bodyRoot ? textBlocks(bodyRoot as unknown as DomElement).map((b) => b.text) : []
    let author = collapseSpaces(container.querySelector('.docAuthors')?.textContent ?? '') || null
    if (!author && !container.querySelector('.DocText') && blocks.length > 1) {
      const [first, ...rest] = blocks[0]!.split('\n')
      if (AUTHOR_LINE.test(first!)) {
        author = first!
        blocks = rest.length > 0 ? [rest.join('\n'), ...blocks.slice(1)] : blocks.slice(1)
      }
    }
    blocks = blocks.filter((block) => !FOOTER.test(block))
    const section = /^([^,]+),/.exec(header)?.[1] ?? null
    return {
      title,
      site,
      published: headerDate(header),
      author,
      language: null,
      section: section && !pressDate(section) ? section : null,
      lines: blocks.flatMap((block, i) => (i === 0 ? block.split('\n') : ['', ...block.split('\n')])),
    }
  })
}

/** A new element holding copies of what follows the title inside its parent (the old layout's loose text). */
function afterTitle(container: Element, title: Element | null): Element | null {
  if (!title) return null
  let anchor: Element = title
  while (anchor.parentElement && anchor.parentElement !== container && !anchor.nextSibling)
    anchor = anchor.parentElement
  const holder = container.ownerDocument.createElement('div')
  for (let node = anchor.nextSibling; node; node = node.nextSibling) holder.appendChild(node.cloneNode(true))
  return holder
}
