/**
 * Omnivore's export ZIP: `content/<slug>.html` per saved article, metadata JSON (url, savedAt, labels, state) and
 * highlights Markdown. One article per saved item, with its provenance and state.
 *
 * The metadata lists (`metadata_<from>_to_<to>.json`, arrays of `{id, slug, title, description, author, url, state,
 * readingProgress, labels, savedAt, updatedAt, publishedAt}`) say which items there are; each item's reading HTML is
 * `content/<slug>.html`. An item is a Wallabag entry in other words (reading HTML, address, saved time, labels,
 * archived state), so it takes the same path to an article and to its tags and state (./wallabag.ts). The export may
 * sit in a folder inside the ZIP (an unpacked export zipped again): content is looked for beside its metadata.
 */
import { cleanAuthor } from './article'
import { decodeBytes } from './decode'
import { MAX_ENTRY_BYTES, openZip, type ZipArchive } from './epub'
import { sniffHtmlCharset } from './html'
import { formatSize, tooLargeReason } from './index'
import type { ParsedArticle, ParseOutcome, SavedLink } from './types'
import { wallabagEntry } from './wallabag'

/** A metadata list's name: its folder (the export's root) and the position of its first item, when written. */
const METADATA_FILE = /^((?:[^/]+\/)*)metadata(?:_(\d+))?[^/]*\.json$/i

/** How many items' content is read ahead while one is parsed (inflating runs off the main thread meanwhile). */
const READ_AHEAD = 8

/** Reading progress (percent) from which Omnivore's item counts as read. */
const READ_PROGRESS = 100

/** One metadata list in the ZIP. */
interface MetadataFile {
  name: string
  root: string
  first: number
}

/** The metadata lists, in item order (`metadata_0_to_50` before `metadata_50_to_100`, then by name). */
function metadataFiles(zip: ZipArchive): MetadataFile[] {
  const files: MetadataFile[] = []
  for (const name of zip.names) {
    const match = METADATA_FILE.exec(name)
    if (match && !name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX'))
      files.push({ name, root: match[1]!, first: match[2] === undefined ? -1 : Number(match[2]) })
  }
  return files.sort((a, b) => a.first - b.first || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** A list's items, or why it has none. */
async function readItems(zip: ZipArchive, file: MetadataFile): Promise<unknown[] | string> {
  const bytes = await zip.read(file.name)
  if (!bytes) return `larger than ${formatSize(MAX_ENTRY_BYTES)} unpacked: skipped`
  let value: unknown
  try {
    value = JSON.parse(decodeBytes(bytes, 'utf-8').text)
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)}): skipped`
  }
  return Array.isArray(value) ? value : 'not a list of items: skipped'
}

/** A text field of an item, or undefined. */
function text(item: Record<string, unknown>, name: string): string | undefined {
  const value = item[name]
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** Labels as Omnivore writes them: names, or `{name}` objects. */
function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value
    .map((label) => (typeof label === 'string' ? label : (label as { name?: unknown } | null)?.name))
    .filter((name): name is string => typeof name === 'string')
}

/**
 * What one item gave: its article, its link (labels and state, for the library to apply, with or without the article)
 * and why it gave no article.
 */
interface ItemResult {
  article?: ParsedArticle
  link?: SavedLink
  problem?: string
}

/** One entry of a metadata list as an article and link, or why it gives none; never rejects. */
function readEntry(zip: ZipArchive, root: string, item: unknown, maxRecordBytes: number): Promise<ItemResult> {
  if (!item || typeof item !== 'object' || Array.isArray(item))
    return Promise.resolve({ problem: 'not an item object' })
  return readItem(zip, root, item as Record<string, unknown>, maxRecordBytes).catch((error: unknown) => ({
    problem: `cannot be read (${error instanceof Error ? error.message : String(error)})`,
  }))
}

/** An item's reading HTML, or why there is none. */
async function itemContent(
  zip: ZipArchive,
  root: string,
  slug: string,
  maxRecordBytes: number,
): Promise<{ html: string } | { problem: string }> {
  const path = `${root}content/${slug}.html`
  if (!zip.names.has(path)) return { problem: `"${slug}" has no content/${slug}.html in the export: skipped` }
  const bytes = await zip.read(path)
  if (!bytes) return { problem: `content/${slug}.html is larger than ${formatSize(MAX_ENTRY_BYTES)} unpacked: skipped` }
  if (bytes.length > maxRecordBytes)
    return { problem: `content/${slug}.html: ${tooLargeReason(bytes.length, maxRecordBytes)}: skipped` }
  return { html: decodeBytes(bytes, sniffHtmlCharset(bytes) ?? 'utf-8').text }
}

/**
 * One item's article and link. An item without readable content still gives its link, as a Pocket export does: the
 * library hands its labels and state to an article already holding its address.
 */
async function readItem(
  zip: ZipArchive,
  root: string,
  item: Record<string, unknown>,
  maxRecordBytes: number,
): Promise<ItemResult> {
  const slug = text(item, 'slug')
  const state = (text(item, 'state') ?? '').toUpperCase()
  if (state === 'DELETED') return { problem: `"${slug ?? text(item, 'url')}" was deleted in Omnivore: skipped` }
  const content = slug ? await itemContent(zip, root, slug, maxRecordBytes) : { problem: 'no slug' }
  const url = text(item, 'url')
  const result = wallabagEntry({
    title: text(item, 'title'),
    url: url ?? '',
    content: 'html' in content ? content.html : '',
    is_archived: state === 'ARCHIVED',
    created_at: text(item, 'savedAt'),
    published_at: text(item, 'publishedAt'),
    tags: labelNames(item.labels),
  })
  if ('problem' in result) return { problem: 'problem' in content ? content.problem : `"${slug}": ${result.problem}` }
  const progress = Number(item.readingProgress ?? item.readingProgressPercent)
  const link = url ? { ...result.link, read: result.link.read || progress >= READ_PROGRESS } : undefined
  if ('problem' in content) return { problem: content.problem, link }
  if (result.article.text === '') return { problem: `"${slug}": no text in content/${slug}.html: skipped`, link }
  const { article } = result
  // The export's address is where Omnivore saved the page from: the copy's provenance as well as its address.
  return {
    article: { ...article, sourceUrl: article.url, author: cleanAuthor(text(item, 'author'), article.site) },
    link,
  }
}

/** An Omnivore export ZIP's articles (the only `.zip` Broadsheet reads); each item's HTML is capped by `maxRecordBytes`. */
export async function parseOmnivoreZip(bytes: Uint8Array, maxRecordBytes = MAX_ENTRY_BYTES): Promise<ParseOutcome> {
  let zip: ZipArchive
  try {
    zip = await openZip(bytes)
  } catch (error) {
    return { ok: false, reason: `not a readable ZIP archive (${error instanceof Error ? error.message : error})` }
  }
  const files = metadataFiles(zip)
  if (files.length === 0) return { ok: false, reason: 'ZIP holds no Omnivore metadata_*.json' }
  const articles: { index: number; article: ParsedArticle }[] = []
  const links: SavedLink[] = []
  const warnings: string[] = []
  let index = 0
  for (const file of files) {
    const items = await readItems(zip, file)
    if (typeof items === 'string') {
      warnings.push(`${file.name}: ${items}`)
      continue
    }
    const pending: Promise<ItemResult>[] = []
    const start = (i: number) => {
      if (i < items.length) pending[i] = readEntry(zip, file.root, items[i], maxRecordBytes)
    }
    for (let i = 0; i < READ_AHEAD; i++) start(i)
    for (let i = 0; i < items.length; i++) {
      const result = await pending[i]!
      delete pending[i]
      start(i + READ_AHEAD)
      if (result.problem) warnings.push(`${file.name} item ${i + 1}: ${result.problem}`)
      if (result.article) articles.push({ index, article: result.article })
      if (result.link) links.push(result.link)
      index += 1
    }
  }
  const highlights = [...zip.names].filter((name) => /(?:^|\/)highlights\/[^/]+\.md$/i.test(name)).length
  if (highlights > 0)
    warnings.push(`${highlights} highlights ${highlights === 1 ? 'file' : 'files'} not imported (Omnivore's own notes)`)
  // Items without content are links still: an export of only those is a link export, like Pocket's.
  if (articles.length === 0 && links.length === 0) {
    const shown = warnings.slice(0, 3).join('; ')
    return { ok: false, reason: `no readable items in the Omnivore export${shown ? ` (${shown})` : ''}` }
  }
  return { ok: true, articles, warnings, links }
}
