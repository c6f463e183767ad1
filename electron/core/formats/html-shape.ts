/**
 * The shape of a page around its story, read from the DOM before and after Readability: which of several stories
 * is the page's own, which `<nav>`s are menus, whether the text is teasers for other pages (a listing), and
 * whether a "byline" is only a date. Split from html.ts, which reads metadata and runs the extraction.
 */
import type { TextBlock } from './dom-text'

/** The elements the story and listing checks look at, gathered in the metadata's pass over the tree. */
export interface PageParts {
  /** `h1`–`h4`, in document order. */
  headings: Element[]
  /** `<article>`s and schema.org items, in document order. */
  containers: Element[]
  /** `<img>`s, for `markLocalImages`. */
  images: Element[]
  /** The first `<base>`'s href, as linkedom's `baseURI` gives it. */
  base: string | null
  /** `<nav>`s, in document order. */
  navs: Element[]
}

const DATE_WORDS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|utc|gmt|[a-z]{1,2}t|updated|published|posted|on|at)\b/gi

/**
 * Tells whether a line is only a date and time ("Sunday, Feb 1, 2015 11:57 AM UTC"): Readability takes a
 * `dateline` for a byline, and a date is never an author.
 */
export function isDateLine(text: string): boolean {
  return /\d/.test(text) && text.replace(DATE_WORDS, '').replace(/[\d\s,.:/|()+\u2013-]/g, '') === ''
}

const ARTICLE_ITEM = /(?:^|\/)(?:[A-Za-z]*NewsArticle|Article|BlogPosting|Report)$/
/** Shorter headings than this are too common ("News", "Video") to tell one story from another. */
const MIN_HEADLINE_CHARS = 12

const headlineKey = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase()

/** The headline of an article container: its first `itemprop="headline"` or `<h1>`, or null. */
function headlineOf(container: Element): string | null {
  const heading = container.querySelector('[itemprop="headline"]') ?? container.querySelector('h1')
  const text = headlineKey(heading?.textContent)
  return text.length >= MIN_HEADLINE_CHARS ? text : null
}

/**
 * Keeps the page's own story when it holds several (a news site's endless scroll appends the next stories, each
 * in its own `<article>` or schema.org Article with its own headline; Readability would take the longest): the
 * article containers whose headline differs from the page's (JSON-LD, og:title, `<title>`) go, when exactly one
 * container's headline is the page's. Returns how many it removed.
 */
export function keepPageStory(pageTitles: (string | null)[], parts: PageParts): number {
  const titles = pageTitles.map(headlineKey).filter(Boolean)
  if (titles.length === 0) return 0
  const containers = parts.containers.filter(
    (el) => el.localName === 'article' || ARTICLE_ITEM.test((el.getAttribute('itemtype') ?? '').trim()),
  )
  if (containers.length < 2) return 0
  const isPage = (headline: string) => titles.some((t) => t === headline || t.startsWith(headline))
  const stories = containers.flatMap((el) => {
    const headline = headlineOf(el)
    return headline ? [{ el, headline }] : []
  })
  // The outermost container of the page's story (a schema.org item around its <article>).
  const own = stories.filter((s) => isPage(s.headline))
  const main = own.find((s) => !own.some((o) => o !== s && o.el.contains(s.el)))
  if (!main || own.some((o) => !main.el.contains(o.el))) return 0
  let removed = 0
  for (const other of stories) {
    if (isPage(other.headline) || main.el.contains(other.el) || other.el.contains(main.el) || !other.el.isConnected)
      continue
    other.el.remove()
    removed += 1
  }
  return removed
}

/** A `<nav>` whose text is at least this share link text is a menu. */
const MENU_LINK_SHARE = 0.5

/**
 * Drops the page's menus (`<nav>`s of mostly links) before Readability: they are never article text, and on a
 * heavy page they are a tenth of the tree that Readability would score. A `<nav>` of prose is left to it.
 */
export function dropMenus(navs: Element[]): void {
  for (const nav of navs) {
    if (!nav.isConnected) continue
    const text = (nav.textContent ?? '').replace(/\s+/g, '').length
    let linked = 0
    for (const a of Array.from(nav.getElementsByTagName('a')))
      linked += (a.textContent ?? '').replace(/\s+/g, '').length
    if (linked >= MENU_LINK_SHARE * text) nav.remove()
  }
}

const TEASER = 'data-broadsheet-teaser'
/** Above this share of its words in teasers, a page's readable text is a list of other pages, not an article. */
const LISTING_SHARE = 0.5

/** The address without its fragment, or null when it is not http(s) (against `base`, when given). */
function pageKey(href: string, base: string | null): string | null {
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim())
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    url.hash = ''
    return url.href
  } catch {
    return null
  }
}

/** A host without its `www.`, to tell one site's pages from another's. */
const siteOf = (url: string) => new URL(url).hostname.replace(/^www\./, '')

/**
 * Marks the teasers of a listing page (a heading that is one link to another page of the same site, and the
 * excerpt beside it in the heading's block) before Readability moves the nodes, so `isListing` can tell a tag or
 * section page from an article. Returns how many teasers it marked. Links to other sites are not teasers: a
 * roundup or a buying guide heads its sections with them, and is an article.
 *
 * A relative link in a page without an address still counts: `isListing` then asks for two teasers, since a
 * blog post's own title is often a link to itself.
 */
export function markTeasers(headings: Element[], pageUrls: (string | null)[]): number {
  const addresses = pageUrls.flatMap((u) => (u ? [pageKey(u, null)] : [])).filter((u): u is string => u !== null)
  const base = addresses[0] ?? null
  const self = new Set(addresses)
  let count = 0
  for (const heading of headings) {
    if (!heading.isConnected) continue
    const links = heading.querySelectorAll('a[href]')
    if (links.length !== 1) continue
    const link = links[0]!
    const text = (heading.textContent ?? '').trim()
    const linkText = (link.textContent ?? '').trim()
    if (linkText.length < 8 || linkText.length < 0.8 * text.length) continue
    const href = link.getAttribute('href') ?? ''
    if (href.trim().startsWith('#')) continue
    const target = base ? pageKey(href, base) : /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href) ? null : href
    if (target === null || self.has(target) || (base && siteOf(target) !== siteOf(base))) continue
    // The teaser's block: the heading's parent, or higher while that holds nothing but the heading.
    let block = heading.parentElement
    while (block?.parentElement && block.localName !== 'body' && (block.textContent ?? '').trim() === text)
      block = block.parentElement
    if (!block || block.localName === 'body' || block.hasAttribute(TEASER)) continue
    count += 1
    const id = String(count)
    block.setAttribute(TEASER, id)
    for (const el of Array.from(block.querySelectorAll('*'))) el.setAttribute(TEASER, id)
  }
  return count
}

/**
 * Tells whether the readable text Readability chose is teasers for other pages: most of its words under
 * marked teasers, from two of them or more (or one whose link surely leads elsewhere: the page's address known).
 */
export function isListing(blocks: TextBlock[], addressKnown: boolean): boolean {
  let all = 0
  let inTeasers = 0
  const teasers = new Set<string>()
  for (const block of blocks) {
    const words = block.text.split(/\s+/).length
    all += words
    // Readability wraps loose text in new paragraphs: the teaser mark is then on an ancestor.
    const id = (block.element as unknown as Element | null)?.closest?.(`[${TEASER}]`)?.getAttribute(TEASER)
    if (!id) continue
    inTeasers += words
    teasers.add(id)
  }
  return inTeasers > LISTING_SHARE * all && (teasers.size >= 2 || (teasers.size === 1 && addressKnown))
}
