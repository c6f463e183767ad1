/**
 * Citations of one article: APA, Chicago and MLA as text; BibTeX, RIS and CSL-JSON for reference managers.
 *
 * Every format carries the title, author, site, publication date, URL, the capture date (or, when the format did not
 * record one, the import date labelled as accessed) and a note `sha256:<hex> of the offline copy`. The publication
 * date is only ever `published`; the capture or import date only ever the access date: never one for the other.
 */
import cyrillicToTranslit from 'cyrillic-to-translit-js'
import type { Article } from '../../shared/models'
import { assertNever } from '../../shared/result'
import type { CitationFormat } from '../../shared/workbench'

/** A CSL-JSON item (the fields Broadsheet fills). */
export interface CslItem {
  id: string
  type: 'article-newspaper'
  title: string
  author?: CslName[]
  'container-title'?: string
  issued?: { 'date-parts': number[][] }
  accessed?: { 'date-parts': number[][] }
  URL?: string
  language?: string
  note: string
}

/** A CSL name: a person split into family and given names, or an organisation as a literal. */
export type CslName = { family: string; given?: string } | { literal: string }

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** [year, month, day] of an ISO 8601 date as written (no time-zone shift), or null. */
function dateParts(iso: string | null): [number, number, number] | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null
}

/** The access date of a citation: when the offline copy was captured, else when it came into the library. */
function accessOf(article: Article): { parts: [number, number, number] | null; label: 'Captured' | 'Accessed' } {
  const captured = dateParts(article.capturedAt)
  return captured ? { parts: captured, label: 'Captured' } : { parts: dateParts(article.importedAt), label: 'Accessed' }
}

/** The URL a reader can follow: the article's own, else where the offline copy was captured from. */
function urlOf(article: Article): string | null {
  return article.url ?? article.sourceUrl
}

/** The hash note every citation carries. */
export function hashNote(article: Article): string {
  return `sha256:${article.hash} of the offline copy`
}

/** The people (or organisation) of an article's byline. */
export function authorsOf(article: Article): CslName[] {
  const byline = article.author?.replace(/^(by|автор:?)\s+/i, '').trim()
  if (!byline) return []
  return byline
    .split(/\s*;\s*|\s+(?:and|и|&)\s+/i)
    .filter(Boolean)
    .map((name): CslName => {
      const comma = name.indexOf(',')
      if (comma > 0) return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() }
      const words = name.split(/\s+/)
      // One word or more than three is more likely an organisation ("Reuters", "BBC News Russian Service").
      if (words.length < 2 || words.length > 3) return { literal: name }
      return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') }
    })
}

/** Ends a citation part with one full stop (a name that ends in an initial already has it). */
function stop(text: string): string {
  return text.endsWith('.') ? text : `${text}.`
}

function initials(given: string): string {
  return given
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((g) => `${[...g][0]}.`)
    .join(' ')
}

function joinNames(names: string[], and: string): string {
  if (names.length <= 1) return names.join('')
  if (names.length === 2) return `${names[0]} ${and} ${names[1]}`
  return `${names.slice(0, -1).join(', ')}, ${and} ${names[names.length - 1]}`
}

function longDate(parts: [number, number, number]): string {
  return `${MONTHS[parts[1] - 1]} ${parts[2]}, ${parts[0]}`
}

function dayMonthYear(parts: [number, number, number]): string {
  return `${parts[2]} ${MONTHS[parts[1] - 1]} ${parts[0]}`
}

function apa(article: Article): string {
  const names = authorsOf(article).map((n) =>
    'literal' in n ? n.literal : n.given ? `${n.family}, ${initials(n.given)}` : n.family,
  )
  const p = dateParts(article.published)
  const date = p ? `(${p[0]}, ${MONTHS[p[1] - 1]} ${p[2]})` : '(n.d.)'
  const access = accessOf(article)
  const parts = names.length
    ? [`${stop(joinNames(names, '&'))} ${date}.`, stop(article.title)]
    : [`${stop(article.title)} ${date}.`]
  if (article.site) parts.push(`${article.site}.`)
  const url = urlOf(article)
  if (access.parts) parts.push(`${access.label} ${longDate(access.parts)}${url ? ', from' : '.'}`)
  if (url) parts.push(url)
  return `${parts.join(' ')} (${hashNote(article)})`
}

function chicago(article: Article): string {
  const names = authorsOf(article).map((n, i) =>
    'literal' in n ? n.literal : i === 0 && n.given ? `${n.family}, ${n.given}` : [n.given, n.family].join(' ').trim(),
  )
  const p = dateParts(article.published)
  const access = accessOf(article)
  const url = urlOf(article)
  const parts: string[] = []
  if (names.length) parts.push(stop(joinNames(names, 'and')))
  parts.push(`“${article.title}.”`)
  parts.push(`${article.site ?? ''}${article.site ? ', ' : ''}${p ? longDate(p) : 'n.d.'}.`)
  if (access.parts) parts.push(`${access.label} ${longDate(access.parts)}.`)
  if (url) parts.push(`${url}.`)
  parts.push(`${hashNote(article)}.`)
  return parts.join(' ')
}

function mla(article: Article): string {
  const people = authorsOf(article)
  const names = people.map((n, i) =>
    'literal' in n ? n.literal : i === 0 && n.given ? `${n.family}, ${n.given}` : [n.given, n.family].join(' ').trim(),
  )
  const author = names.length > 2 ? `${names[0]}, et al` : joinNames(names, 'and')
  const p = dateParts(article.published)
  const access = accessOf(article)
  const url = urlOf(article)
  const container = [article.site, p ? dayMonthYear(p) : null, url].filter(Boolean).join(', ')
  const parts: string[] = []
  if (author) parts.push(stop(author))
  parts.push(`“${article.title}.”`)
  if (container) parts.push(`${container}.`)
  if (access.parts) parts.push(`${access.label} ${dayMonthYear(access.parts)}.`)
  parts.push(`${hashNote(article)}.`)
  return parts.join(' ')
}

/** A short, still unique form of an article id: the path part's first 8 characters and any record number. */
export function shortId(id: string): string {
  const dash = id.indexOf('-')
  return dash < 0 ? id.slice(0, 8) : `${id.slice(0, Math.min(dash, 8))}${id.slice(dash)}`
}

/** A stable BibTeX key: the first author's (or site's) name in ASCII, the year, and the article id's start. */
export function bibtexKey(article: Article): string {
  const first = authorsOf(article)[0]
  const name = first ? ('literal' in first ? first.literal : first.family) : (article.site ?? 'article')
  const ascii = cyrillicToTranslit()
    .transform(name)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase()
  const year = dateParts(article.published)?.[0] ?? 'nd'
  return `${ascii.slice(0, 24) || 'article'}${year}-${shortId(article.id)}`
}

/** Escapes text for a braced BibTeX field (LaTeX's special characters). */
function bibEscape(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (c) => {
    if (c === '\\') return '\\textbackslash{}'
    if (c === '^') return '\\^{}'
    if (c === '~') return '\\~{}'
    return `\\${c}`
  })
}

function isoDay(parts: [number, number, number]): string {
  return parts.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-')
}

function bibtex(article: Article): string {
  const p = dateParts(article.published)
  const access = accessOf(article)
  const url = urlOf(article)
  const names = authorsOf(article).map((n) =>
    'literal' in n ? `{${bibEscape(n.literal)}}` : `${bibEscape(n.family)}${n.given ? `, ${bibEscape(n.given)}` : ''}`,
  )
  const note = `${hashNote(article)}${access.parts ? `; ${access.label.toLowerCase()} ${isoDay(access.parts)}` : ''}`
  const fields: [string, string | null][] = [
    ['entrysubtype', 'newspaper'],
    ['title', bibEscape(article.title)],
    ['author', names.length ? names.join(' and ') : null],
    ['journaltitle', article.site ? bibEscape(article.site) : null],
    ['date', p ? isoDay(p) : null],
    ['url', url],
    ['urldate', access.parts ? isoDay(access.parts) : null],
    ['langid', article.language],
    ['note', bibEscape(note)],
  ]
  const body = fields.flatMap(([k, v]) => (v === null ? [] : [`  ${k} = {${v}},`]))
  // biblatex's newspaper article: readers map `journaltitle` to the site and keep url/urldate.
  return `@article{${bibtexKey(article)},\n${body.join('\n')}\n}\n`
}

/** RIS lines `TAG  - value` (values on one line). */
function ris(article: Article): string {
  const p = dateParts(article.published)
  const access = accessOf(article)
  const url = urlOf(article)
  const one = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ')
  const lines: [string, string][] = [
    ['TY', url ? 'ELEC' : 'NEWS'],
    ['TI', one(article.title)],
  ]
  for (const n of authorsOf(article)) {
    lines.push(['AU', one('literal' in n ? n.literal : n.given ? `${n.family}, ${n.given}` : n.family)])
  }
  if (article.site) lines.push(['T2', one(article.site)])
  if (p) lines.push(['PY', String(p[0])], ['DA', p.map((n) => String(n).padStart(2, '0')).join('/')])
  if (url) lines.push(['UR', url])
  if (access.parts) lines.push(['Y2', access.parts.map((n) => String(n).padStart(2, '0')).join('/')])
  if (article.language) lines.push(['LA', article.language])
  lines.push([
    'N1',
    `${hashNote(article)}${access.parts ? `; ${access.label.toLowerCase()} ${isoDay(access.parts)}` : ''}`,
  ])
  lines.push(['ER', ''])
  return lines.map(([tag, value]) => `${tag}  - ${value}`.trimEnd()).join('\r\n') + '\r\n'
}

/** The CSL-JSON item of an article (what Zotero imports). */
export function cslItem(article: Article): CslItem {
  const p = dateParts(article.published)
  const access = accessOf(article)
  const url = urlOf(article)
  const authors = authorsOf(article)
  return {
    id: bibtexKey(article),
    type: 'article-newspaper',
    title: article.title,
    ...(authors.length ? { author: authors } : {}),
    ...(article.site ? { 'container-title': article.site } : {}),
    ...(p ? { issued: { 'date-parts': [p] } } : {}),
    ...(access.parts ? { accessed: { 'date-parts': [access.parts] } } : {}),
    ...(url ? { URL: url } : {}),
    ...(article.language ? { language: article.language } : {}),
    note: `${hashNote(article)}${access.parts ? `; ${access.label.toLowerCase()} ${isoDay(access.parts)}` : ''}`,
  }
}

/** An article's citation in one format (CSL-JSON as a one-item array, the shape Zotero imports). */
export function citation(article: Article, format: CitationFormat): string {
  switch (format) {
    case 'apa':
      return apa(article)
    case 'chicago':
      return chicago(article)
    case 'mla':
      return mla(article)
    case 'bibtex':
      return bibtex(article)
    case 'ris':
      return ris(article)
    case 'csl':
      return JSON.stringify([cslItem(article)], null, 2)
    default:
      return assertNever(format, 'citation')
  }
}
