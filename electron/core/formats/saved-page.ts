/**
 * Provenance of a saved page: the address it was captured from and when, as the saving tool
 * recorded it (kept apart from the canonical URL and the publication date).
 *
 * - Chrome and Edge ("Save page as…"): `<!-- saved from url=(0047)https://… -->` near the top.
 * - SingleFile (and Zotero snapshots): a comment after `<html>` with `url:` and `saved date:` lines.
 * - Save Page WE: `<meta name="savepage-url">` and `<meta name="savepage-date">`.
 * - WebScrapBook: `data-scrapbook-source` and `data-scrapbook-create` (UTC, yyyyMMddHHmmssSSS) on `<html>`.
 */
import { normaliseDate } from './fields'

/** Where and when a page was saved, when the file says so. */
export interface SavedPage {
  sourceUrl: string | null
  capturedAt: string | null
}

// The comments are written at the very top; a page's head can be long before SingleFile's.
const HEAD_CHARS = 64 * 1024
const CHROME = /<!-- saved from url=\((\d{4})\)/i
const SINGLEFILE = /<!--\s*Page saved with SingleFile/

/** An http(s) URL as written, or null. */
function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** A date as the saving tools write it ("Tue Jun 11 2024 09:30:05 GMT+0200 (Central European Summer Time)"). */
export function savedDate(value: string | null | undefined): string | null {
  if (!value) return null
  const compact = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})?$/.exec(value.trim())
  if (compact) {
    const [, y, mo, d, h, mi, s, ms] = compact
    return normaliseDate(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms ?? '000'}Z`)
  }
  return normaliseDate(value.replace(/\s*\([^()]*\)\s*$/, ''))
}

/** Reads the saving tool's comments from the top of the page source. */
export function readSavedComments(source: string): SavedPage {
  const head = source.slice(0, HEAD_CHARS)
  const chrome = CHROME.exec(head)
  if (chrome) {
    // The number in brackets is the URL's length, so a URL holding " -->" is read whole.
    const start = chrome.index + chrome[0].length
    const url = httpUrl(head.slice(start, start + Number(chrome[1])))
    if (url) return { sourceUrl: url, capturedAt: null }
  }
  const singleFile = SINGLEFILE.exec(head)?.index ?? -1
  if (singleFile !== -1) {
    const end = head.indexOf('-->', singleFile)
    const comment = head.slice(singleFile, end === -1 ? undefined : end)
    const field = (name: string) => new RegExp(`^[ \\t]*${name}:[ \\t]*(.*)$`, 'm').exec(comment)?.[1]?.trim() ?? null
    return { sourceUrl: httpUrl(field('url')), capturedAt: savedDate(field('saved date')) }
  }
  return { sourceUrl: null, capturedAt: null }
}

/** Reads the saving tool's meta tags and attributes (given the page's metas by lower-case name). */
export function readSavedMarkup(meta: ReadonlyMap<string, string>, root: Element | null): SavedPage {
  return {
    sourceUrl: httpUrl(meta.get('savepage-url')) ?? httpUrl(root?.getAttribute('data-scrapbook-source')),
    capturedAt: savedDate(meta.get('savepage-date')) ?? savedDate(root?.getAttribute('data-scrapbook-create')),
  }
}
