/**
 * Exports for analysis: CSV (R, pandas, Excel), JSON (an array of objects) and Markdown (one file per article with
 * YAML front matter, for Obsidian and static-site tools).
 *
 * CSV is RFC 4180 (every field quoted when it holds a quote, comma or line break; CRLF between records) in UTF-8 with
 * a byte-order mark, because Excel reads UTF-8 without one as the local code page and mangles Cyrillic; pandas
 * (`encoding='utf-8-sig'`) and R's readr drop the mark. JSON is one array (`pandas.read_json`, `jsonlite::fromJSON`
 * read it whole), written article by article.
 */
import type { Article } from '../../../shared/models'
import { shortId } from '../cite'
import type { ExportOutput } from './output'
import type { FormatWriter } from './writer'

/** The CSV's columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'site',
  'author',
  'published',
  'capturedAt',
  'url',
  'language',
  'flags',
  'words',
  'sha256',
] as const

/** One analysis record of an article: the CSV's columns and the JSON's fields. */
export function analysisRecord(article: Article): Record<(typeof CSV_COLUMNS)[number], string | number | null> {
  return {
    id: article.id,
    title: article.title,
    site: article.site,
    author: article.author,
    published: article.published,
    capturedAt: article.capturedAt,
    url: article.url,
    language: article.language,
    flags: article.flags.join(';'),
    words: article.wordCount,
    sha256: article.hash,
  }
}

/** One RFC 4180 field. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** `articles.csv`. */
export async function csvWriter(out: ExportOutput): Promise<FormatWriter> {
  const csv = await out.text('articles.csv')
  await csv.write('\uFEFF' + CSV_COLUMNS.join(',') + '\r\n')
  return {
    async add(batch) {
      let chunk = ''
      for (const article of batch) {
        const record = analysisRecord(article)
        chunk += CSV_COLUMNS.map((c) => csvField(record[c])).join(',') + '\r\n'
      }
      await csv.write(chunk)
    },
    finish: () => csv.close(),
  }
}

/** `articles.json`: an array of the analysis records plus category, disclaimers, dates of import and the text. */
export async function jsonWriter(out: ExportOutput): Promise<FormatWriter> {
  const json = await out.text('articles.json')
  await json.write('[')
  let first = true
  return {
    async add(batch) {
      let chunk = ''
      for (const article of batch) {
        const record = {
          ...analysisRecord(article),
          flags: article.flags,
          category: article.category,
          disclaimers: article.disclaimers,
          sourceUrl: article.sourceUrl,
          importedAt: article.importedAt,
          path: article.path,
          text: article.text,
        }
        chunk += (first ? '\n' : ',\n') + JSON.stringify(record)
        first = false
      }
      await json.write(chunk)
    },
    async finish() {
      await json.write(first ? ']\n' : '\n]\n')
      await json.close()
    },
  }
}

/** Characters no file system takes in a name (Windows' set, which covers the others), and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g

/** Names Windows keeps for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i

/** A safe Markdown file name for an article: its title (letters of any script kept), then the id's start. */
export function markdownName(article: Article): string {
  let stem = article.title.normalize('NFC').replace(UNSAFE_NAME, ' ').replace(/\s+/g, ' ').trim()
  stem = [...stem]
    .slice(0, 80)
    .join('')
    .replace(/[. ]+$/, '')
    .replace(/^[. ]+/, '')
  if (!stem || RESERVED.test(stem)) stem = 'article'
  return `${stem} (${shortId(article.id)}).md`
}

/** A YAML scalar: JSON's quoting is valid YAML and keeps every character. */
function yaml(value: string | number | null | readonly string[]): string {
  if (value === null) return 'null'
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`
  return JSON.stringify(value)
}

/** One article as Markdown with YAML front matter. */
export function markdownOf(article: Article): string {
  const front: [string, string | number | null | readonly string[]][] = [
    ['title', article.title],
    ['id', article.id],
    ['site', article.site],
    ['author', article.author],
    ['published', article.published],
    ['capturedAt', article.capturedAt],
    ['importedAt', article.importedAt],
    ['url', article.url],
    ['sourceUrl', article.sourceUrl],
    ['language', article.language],
    ['category', article.category],
    ['flags', article.flags],
    ['disclaimers', article.disclaimers],
    ['words', article.wordCount],
    ['sha256', article.hash],
    ['file', article.path],
  ]
  const lines = front.map(([k, v]) => `${k}: ${yaml(v)}`)
  return `---\n${lines.join('\n')}\n---\n\n# ${article.title.replace(/\s+/g, ' ')}\n\n${article.text}\n`
}

/** One Markdown file per article under `articles/` (two articles of one title differ by their ids). */
export async function markdownWriter(out: ExportOutput): Promise<FormatWriter> {
  const used = new Set<string>()
  return {
    async add(batch) {
      for (const article of batch) {
        let name = markdownName(article)
        // Short ids collide only by rare chance; the whole id settles it.
        if (used.has(name.toLowerCase())) name = name.replace(/\([^)]*\)\.md$/, `(${article.id}).md`)
        used.add(name.toLowerCase())
        await out.file(`articles/${name}`, markdownOf(article))
      }
    },
    finish: async () => {},
  }
}
