/**
 * URL-only read-later exports (Pocket's `pocket.csv`, Instapaper's CSV): saved links, not articles.
 *
 * Pocket: `title,url,time_added,tags,status` (tags `|`-separated, status `unread`/`archive`). Instapaper:
 * `URL,Title,Selection,Folder,Timestamp,Tags` (Folder `Unread`/`Archive`/a name, Tags a JSON list). Pocket's HTML
 * export (./pocket-html.ts) makes its links with `savedLink` too.
 */
import type { SavedLink } from './types'

/**
 * True when a CSV header is a URL-only export: a url column, a saved-time column (or Instapaper's Selection and
 * Folder, as its older exports have no Timestamp), and no text column.
 */
export function isLinkExport(header: string[]): boolean {
  const names = new Set(header.map((name) => name.trim().toLowerCase()))
  const instapaper = names.has('selection') && names.has('folder')
  return names.has('url') && (names.has('time_added') || names.has('timestamp') || instapaper) && !names.has('text')
}

/** An epoch-seconds value (Pocket's `time_added`, Instapaper's `Timestamp`) as ISO 8601, or null. */
function epochDate(value: string | null | undefined): string | null {
  const seconds = Number(value)
  return value && Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : null
}

/**
 * One saved link as both Pocket exports and Instapaper's give it: an archived link counts as read (neither service
 * tells the two apart in its export), `timeAdded` in epoch seconds.
 */
export function savedLink(
  url: string,
  title: string | null | undefined,
  tags: string[],
  archived: boolean,
  timeAdded: string | null | undefined,
): SavedLink {
  return { url, title: title?.trim() || null, tags, read: archived, archived, savedAt: epochDate(timeAdded) }
}

/** A list of tags written with a separator (Pocket: `a|b` in its CSV, `a,b` in its HTML), blanks dropped. */
export function splitTags(cell: string, separator: string): string[] {
  return [...new Set(cell.split(separator).map((tag) => tag.trim()))].filter((tag) => tag !== '')
}

/** Instapaper's tags cell (a JSON list of strings or of {name}), or Pocket's `a|b`. */
function tagList(value: string | undefined): string[] {
  const cell = (value ?? '').trim()
  if (cell === '') return []
  if (cell.startsWith('[')) {
    try {
      const list = JSON.parse(cell) as unknown[]
      return list
        .map((tag) => (typeof tag === 'string' ? tag : ((tag as { name?: unknown })?.name ?? '')))
        .filter((tag): tag is string => typeof tag === 'string' && tag !== '')
    } catch {
      return []
    }
  }
  return splitTags(cell, '|')
}

/** Instapaper's own folders; any other Folder value is one the user made, kept as a tag. */
const INSTAPAPER_FOLDERS = new Set(['unread', 'archive', 'starred'])

/** The links of a URL-only export's rows (header names as in the file); rows without a URL are skipped. */
export function linksFromRows(header: string[], rows: string[][]): SavedLink[] {
  const column = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]))
  const cell = (row: string[], name: string) => {
    const i = column.get(name)
    return i === undefined ? undefined : row[i]
  }
  const links: SavedLink[] = []
  for (const row of rows) {
    const url = cell(row, 'url')?.trim()
    if (!url) continue
    const state = (cell(row, 'status') ?? cell(row, 'folder') ?? '').trim().toLowerCase()
    const archived = state === 'archive' || state === 'archived'
    const folder = cell(row, 'folder')?.trim() ?? ''
    const tags = tagList(cell(row, 'tags'))
    if (folder !== '' && !INSTAPAPER_FOLDERS.has(folder.toLowerCase()) && !tags.includes(folder)) tags.push(folder)
    links.push(savedLink(url, cell(row, 'title'), tags, archived, cell(row, 'time_added') ?? cell(row, 'timestamp')))
  }
  return links
}
