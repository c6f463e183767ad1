/**
 * Saved HTML pages: metadata from the head and JSON-LD, the main content through Readability
 * (on linkedom), boilerplate out, sanitized reading HTML.
 */
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { cleanValue, finishArticle } from './article'
import { stripBoilerplate } from './boilerplate'
import { textBlocks, type DomElement, type TextBlock } from './dom-text'
import { nameValue, normaliseDate } from './fields'
import { prescanHtml } from './html-prescan'
import { dropMenus, isDateLine, isListing, keepPageStory, markTeasers, type PageParts } from './html-shape'
import { markLocalImages, sanitizeArticleHtml } from './sanitize'
import { readSavedComments, readSavedMarkup, type SavedPage } from './saved-page'
import type { ParseOutcome } from './types'

/** Reads a `<meta charset>` (or http-equiv Content-Type) from the first bytes of an HTML file. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096))
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  return match ? match[1]! : null
}

/** What the head and JSON-LD say about the page (and the saving tool's metas about its capture). */
export interface HtmlMetadata extends SavedPage {
  title: string | null
  firstHeading: string | null
  headline: string | null
  ogTitle: string | null
  author: string | null
  site: string | null
  ogSite: string | null
  url: string | null
  published: string | null
  language: string | null
  category: string | null
  /** A notice the page declares in `<meta name="disclaimer">`. */
  disclaimer: string | null
}

const ARTICLE_TYPES =
  /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|ScholarlyArticle|WebPage|LiveBlogPosting|TechArticle)$/

type Json = Record<string, unknown>

/** Finds the first article-like object in a JSON-LD value (arrays and @graph included). */
function findLdArticle(value: unknown, depth = 0): Json | null {
  if (depth > 4 || !value || typeof value !== 'object') return null
  if (Array.isArray(value)) {
    const found = value.map((v) => findLdArticle(v, depth + 1)).filter((v): v is Json => v !== null)
    return found.find((v) => !/WebPage/.test(String(v['@type']))) ?? found[0] ?? null
  }
  const obj = value as Json
  const types = ([] as unknown[]).concat(obj['@type'] ?? [])
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return obj
  return findLdArticle(obj['@graph'], depth + 1)
}

/** Reads the JSON-LD article, if any, from the page's ld+json scripts. */
function readJsonLd(scripts: Element[]): Json | null {
  for (const script of scripts) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue
    try {
      const found = findLdArticle(JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')))
      if (found) return found
    } catch {
      // A broken JSON-LD block is common and harmless: the other metadata still counts.
    }
  }
  return null
}

/**
 * Reads the head's metadata (before Readability changes the document), in one pass over the tree.
 *
 * `savedFrom` is the address the saving tool's comment gave. It is no base for a relative canonical
 * link: savers rewrite those to their local copies ("page_files/…").
 */
export function readMetadata(document: Document, savedFrom: string | null = null): HtmlMetadata {
  return scanPage(document, savedFrom).metadata
}

/**
 * `top` and every element under it in document order, `<template>` contents left out as selector queries do; a
 * walk by sibling links, several times faster on linkedom than matching a selector list against every element.
 */
function elementsOf(top: Element): Element[] {
  const out: Element[] = []
  let node: Node | null = top
  while (node) {
    if (node.nodeType === 1) {
      out.push(node as Element)
      if ((node as Element).localName !== 'template' && node.firstChild) {
        node = node.firstChild
        continue
      }
    }
    // On to the next sibling, or the nearest ancestor's.
    while (node && node !== top && !node.nextSibling) node = node.parentNode
    node = node && node !== top ? node.nextSibling : null
  }
  return out
}

/** The page's metadata and the parts later checks need, in one walk over the tree. */
function scanPage(document: Document, savedFrom: string | null): { metadata: HtmlMetadata; parts: PageParts } {
  const parts: PageParts = { headings: [], containers: [], images: [], base: null, navs: [] }
  const meta = new Map<string, string>()
  const scripts: Element[] = []
  let canonical: string | null = null
  let titleElement: Element | null = null
  let firstHeading: Element | null = null
  for (const el of document.documentElement ? elementsOf(document.documentElement) : []) {
    switch (el.localName.toLowerCase()) {
      case 'meta': {
        const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '')
          .trim()
          .toLowerCase()
        const content = el.getAttribute('content')
        if (key && content && content.trim() && !meta.has(key)) meta.set(key, content.trim())
        const equiv = el.getAttribute('http-equiv')?.toLowerCase()
        if (equiv === 'content-language' && content) meta.set('content-language', content)
        break
      }
      case 'script':
        scripts.push(el)
        break
      case 'link':
        if (canonical === null && /(?:^|\s)canonical(?:\s|$)/i.test(el.getAttribute('rel') ?? '')) {
          canonical = el.getAttribute('href')
        }
        break
      case 'title':
        titleElement ??= el
        break
      case 'h1':
        firstHeading ??= el
        parts.headings.push(el)
        break
      case 'h2':
      case 'h3':
      case 'h4':
        parts.headings.push(el)
        break
      case 'img':
        parts.images.push(el)
        break
      case 'base':
        if (parts.base === null) parts.base = el.getAttribute('href')
        break
      case 'nav':
        parts.navs.push(el)
        break
    }
    if (el.localName.toLowerCase() === 'article' || el.hasAttribute('itemscope')) parts.containers.push(el)
  }
  const ld = readJsonLd(scripts)
  const ldUrl = typeof ld?.url === 'string' ? ld.url : null
  const saved = readSavedMarkup(meta, document.documentElement)
  const sourceUrl = savedFrom ?? saved.sourceUrl
  const metaAuthor =
    meta.get('author') ?? meta.get('article:author') ?? meta.get('dc.creator') ?? meta.get('parsely-author') ?? null
  const metadata: HtmlMetadata = {
    title: cleanValue(titleElement?.textContent ?? null),
    firstHeading: cleanValue(firstHeading?.textContent ?? null),
    headline: cleanValue(ld?.headline ?? null),
    ogTitle: cleanValue(meta.get('og:title') ?? meta.get('twitter:title') ?? null),
    author: nameValue(ld?.author) ?? (metaAuthor && !/^https?:/i.test(metaAuthor) ? cleanValue(metaAuthor) : null),
    site: nameValue(ld?.publisher),
    ogSite: cleanValue(meta.get('og:site_name') ?? meta.get('application-name') ?? null),
    sourceUrl,
    capturedAt: saved.capturedAt,
    url:
      absoluteUrl(canonical, meta.get('og:url') ?? ldUrl) ??
      absoluteUrl(meta.get('og:url') ?? null) ??
      absoluteUrl(ldUrl),
    published:
      normaliseDate(ld?.datePublished) ??
      normaliseDate(meta.get('article:published_time')) ??
      normaliseDate(meta.get('og:published_time')) ??
      normaliseDate(meta.get('date')) ??
      normaliseDate(meta.get('pubdate')) ??
      normaliseDate(meta.get('dc.date')) ??
      normaliseDate(meta.get('parsely-pub-date')) ??
      null,
    language:
      document.documentElement?.getAttribute('lang') ??
      meta.get('content-language') ??
      meta.get('og:locale') ??
      (typeof ld?.inLanguage === 'string' ? ld.inLanguage : null),
    category: cleanValue(
      meta.get('article:section') ?? (typeof ld?.articleSection === 'string' ? ld.articleSection : null),
    ),
    disclaimer: cleanValue(meta.get('disclaimer') ?? null),
  }
  return { metadata, parts }
}

/** An absolute http(s) URL (a relative one resolved against `base`), or null. */
function absoluteUrl(value: string | null, base?: string | null): string | null {
  if (!value) return null
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

const FALLBACK_NOISE = 'script,style,noscript,template,nav,form,iframe,svg,button,select,textarea,header nav,footer'

/** Tells whether a paragraph is just the byline ("By Clara Mendes", "Автор: …"). */
function isBylineOf(text: string, author: string): boolean {
  const rest = text.replace(/^(?:by|written by|от|автор|авторы|текст|автор:)\s*:?\s*/iu, '').trim()
  return (
    rest.length > 0 &&
    rest.length <= author.length + 2 &&
    author.toLowerCase().startsWith(rest.toLowerCase().replace(/[.,]$/, ''))
  )
}

// `[^<>]*` rather than `[^>]*`: on a page of unclosed tags ("<div<div<div…") the latter rescans to
// the end of the page from every one of them.
const TAG = /<(\/?)([a-zA-Z][\w-]*)\b[^<>]*>/g
const NESTING_TAGS =
  /^(?:div|span|section|article|main|aside|header|footer|table|tbody|thead|tr|td|th|ul|ol|li|blockquote|center|font|a|b|i|em|strong|u|form|fieldset|dl|dd|dt|figure|nav)$/i
const BLOCK_TAG =
  /<\/?(?:div|section|article|main|aside|header|footer|table|tbody|thead|tfoot|tr|td|th|ul|ol|li|blockquote|center|form|fieldset|dl|dd|dt|figure|nav)\b[^<>]*>/gi
const INLINE_TAG =
  /<\/?(?:span|font|a|b|i|em|strong|u|small|big|sub|sup|label|abbr|cite|q|s|strike|code|tt|mark|del|ins)\b[^<>]*>/gi
/** Deeper than this, Readability and the DOM walks would overflow the stack. */
const MAX_NESTING = 1000

/** The deepest nesting of common container tags in page source (an estimate, without a DOM). */
export function nestingDepth(html: string): number {
  let depth = 0
  let max = 0
  TAG.lastIndex = 0
  for (let match = TAG.exec(html); match !== null; match = TAG.exec(html)) {
    if (!NESTING_TAGS.test(match[2]!)) continue
    if (match[1]) depth = Math.max(0, depth - 1)
    else if (++depth > max) max = depth
  }
  return max
}

/** Flattens absurdly nested markup: containers become paragraph breaks, inline tags go. */
function flatten(html: string): string {
  return html
    .replace(BLOCK_TAG, '</p><p>')
    .replace(INLINE_TAG, '')
    .replace(/(?:<\/p><p>\s*){2,}/g, '</p><p>')
}

/** An HTML page parsed, and whether it is a listing (a tag, section or index page of teasers for other pages). */
export interface HtmlPage {
  outcome: ParseOutcome
  /** The readable text is teasers for other pages; archives skip such pages, a file the user chose is kept. */
  listing: boolean
}

/** Parses a decoded HTML file into one article. */
export function parseHtml(content: string): ParseOutcome {
  return parseHtmlPage(content).outcome
}

/**
 * Parses a decoded HTML page into one article; with `findListing` (archives: a crawl holds a listing page for every
 * tag and section), also tells whether the page is a listing of other pages.
 */
export function parseHtmlPage(content: string, findListing = false): HtmlPage {
  const fail = (reason: string): HtmlPage => ({ outcome: { ok: false, reason }, listing: false })
  const saved = readSavedComments(content)
  // Scripts, styles, comments and inline SVG go before the DOM is built (much of a saved page's
  // weight); an unclosed one ends the page there, as in a browser, and says so.
  const prescanned = prescanHtml(content)
  const warnings: string[] = []
  const unclosed = prescanned.unclosed
  const where = unclosed ? `unclosed ${unclosed.tag} at line ${unclosed.line}, column ${unclosed.column}` : ''
  if (unclosed) warnings.push(`${where}: the rest of the page is ignored`)
  let trimmed = prescanned.html
  if (unclosed && trimmed.trim() === '') return fail(`${where} hides the whole page`)
  if (nestingDepth(trimmed) > MAX_NESTING) trimmed = flatten(trimmed)
  const source = /<html[\s>]|<body[\s>]/i.test(trimmed)
    ? trimmed
    : `<!DOCTYPE html><html><head></head><body>${trimmed}</body></html>`
  const { document } = parseHTML(source)
  const { metadata, parts } = scanPage(document as unknown as Document, saved.sourceUrl)
  markLocalImages(parts.images)
  const pageUrl = metadata.url ?? metadata.sourceUrl
  // Readability resolves relative links against baseURI; linkedom has one only with <base>, and looks for it in the
  // whole tree on every read.
  const baseUri = parts.base || pageUrl
  Object.defineProperty(document, 'baseURI', { value: baseUri })
  const doc = document as unknown as { documentURI?: string }
  if (!doc.documentURI) Object.defineProperty(document, 'documentURI', { value: pageUrl ?? 'about:blank' })
  keepPageStory([metadata.headline, metadata.ogTitle, metadata.title], parts)
  dropMenus(parts.navs)
  const addresses = [baseUri, metadata.url, metadata.sourceUrl]
  const teasers = findListing ? markTeasers(parts.headings, addresses) : 0

  let root: DomElement | null = null
  let result: ReturnType<Readability<DomElement>['parse']> | null = null
  try {
    result = new Readability<DomElement>(document as unknown as Document, {
      serializer: (el) => el as unknown as DomElement,
    }).parse()
    root = result?.content ?? null
  } catch {
    // Pages Readability cannot handle fall back to the body's text below.
    result = null
  }
  let blocks: TextBlock[] = root ? textBlocks(root) : []
  if (blocks.length === 0) {
    const body = document.body as unknown as DomElement | null
    if (body) {
      for (const el of Array.from(document.querySelectorAll(FALLBACK_NOISE))) el.remove()
      root = body
      blocks = textBlocks(body)
    }
  }
  const listing =
    teasers > 0 &&
    isListing(
      blocks,
      addresses.some((a) => a !== null),
    )
  const title =
    cleanValue(result?.title) ?? metadata.headline ?? metadata.ogTitle ?? metadata.title ?? metadata.firstHeading
  if (blocks.length === 0) {
    const reason = title ? 'no readable text in the HTML page (only a title)' : 'no readable text in the HTML page'
    return fail(unclosed ? `${reason}; ${where} hides the rest` : reason)
  }

  // The first blocks often repeat the title and the byline; they are not body.
  if (title && blocks[0]?.text === title) {
    blocks[0].element?.remove()
    blocks = blocks.slice(1)
  }
  const byline = cleanValue(result?.byline)
  const dateline = byline && isDateLine(byline) ? byline : null
  const author = (dateline ? null : byline) ?? metadata.author
  // The byline Readability found (a dateline too) heads the text; it is not body.
  if (blocks[0] && ((author && isBylineOf(blocks[0].text, author)) || blocks[0].text === dateline)) {
    blocks[0].element?.remove()
    blocks = blocks.slice(1)
  }
  const lines = blocks.map((b) => b.text)
  const stripped = stripBoilerplate(lines)
  for (const index of stripped.removed) blocks[index]?.element?.remove()
  const html = root ? sanitizeArticleHtml((root as unknown as Element).innerHTML) : null

  const article = finishArticle({
    title: title ?? lines[0] ?? '',
    lines: stripped.lines,
    linesAreParagraphs: true,
    boilerplateDone: true,
    author,
    site: metadata.site ?? metadata.ogSite ?? cleanValue(result?.siteName),
    url: metadata.url,
    sourceUrl: metadata.sourceUrl,
    capturedAt: saved.capturedAt ?? metadata.capturedAt,
    published: metadata.published ?? normaliseDate(result?.publishedTime),
    declaredLanguage: metadata.language ?? result?.lang,
    category: metadata.category ?? stripped.category,
    html: html || null,
    disclaimers: metadata.disclaimer ? [metadata.disclaimer, ...stripped.disclaimers] : stripped.disclaimers,
    flags: stripped.flags,
  })
  if (article.text === '') return fail('no readable text in the HTML page')
  return { outcome: { ok: true, articles: [{ index: 0, article }], warnings }, listing }
}
