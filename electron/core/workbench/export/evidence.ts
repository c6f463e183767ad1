/**
 * The evidence export: the original files byte for byte, the extracted articles, the annotations, citations and a
 * readable index, all listed with their hashes in the manifest.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Article } from '../../../shared/models'
import type { Highlight } from '../../../shared/workbench'
import { log } from '../../logger'
import { assetFolderOf } from '../../library/media'
import { walk } from '../../library/walk'
import type { Library } from '../../library/types'
import { toWebAnnotation, type WebAnnotation } from '../annotations'
import { citation, cslItem } from '../cite'
import { HTML_END, htmlArticle, htmlStart } from './html'
import type { ExportOutput, TextStream } from './output'
import type { FormatWriter } from './writer'

/** Where an article's original lies inside the export. */
export function originalPath(article: Article): string {
  return `originals/${article.path}`
}

/** An orphaned highlight's annotation: its quote alone, marked as such. */
type OrphanAnnotation = Omit<WebAnnotation, 'target'> & {
  target: { source: string; selector: [WebAnnotation['target']['selector'][0]] }
  status: 'orphaned'
}

/** A highlight as a W3C Web Annotation on the article's exported text (an orphan keeps only its quote). */
export function exportedAnnotation(h: Highlight): WebAnnotation | OrphanAnnotation {
  const [start, end] = h.range ?? [0, 0]
  const anno = toWebAnnotation({ ...h, start, end })
  if (h.range) return anno
  return { ...anno, target: { source: h.articleId, selector: [anno.target.selector[0]] }, status: 'orphaned' }
}

/** The line of `articles.jsonl`: the extracted article without its reading HTML, with where its original is. */
function articleLine(article: Article, original: string, copiedHash: string): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { html, ...rest } = article
  const line = { ...rest, original, originalSha256: copiedHash, changedSinceImport: copiedHash !== article.hash }
  return JSON.stringify(line) + '\n'
}

/** Writes the evidence export's files. */
export async function evidenceWriter(
  out: ExportOutput,
  library: Library,
  highlightsOf: (ids: readonly string[]) => Promise<Highlight[]>,
  title: string,
  total: number,
): Promise<FormatWriter> {
  const articles = await out.text('articles.jsonl')
  const annotations = await out.text('annotations.jsonl')
  const bib = await out.text('citations.bib')
  const csl = await out.text('citations.json')
  const html = await out.text('index.html')
  await html.write(htmlStart(title, total, new Date().toISOString()))
  await csl.write('[')
  const streams: TextStream[] = [articles, annotations, bib, csl, html]
  /** Files copied so far (a file holding several articles is copied once), with the hash of its copy. */
  const copied = new Map<string, string>()
  let first = true

  async function copyOriginal(article: Article): Promise<string> {
    const known = copied.get(article.path)
    if (known) return known
    const source = library.pathOf(article.id)
    if (!source) throw new Error(`the file of article ${article.id} is no longer in the library`)
    const hex = await out.copy(source, originalPath(article))
    copied.set(article.path, hex)
    if (hex !== article.hash) log.warn(`export: ${article.path} changed since it was imported`)
    // A saved page's assets folder belongs to it: copy it too, inside the library only.
    const folder = assetFolderOf(path.basename(source))
    if (folder) {
      const dir = path.join(path.dirname(source), folder)
      const stat = await fs.stat(dir).catch(() => null)
      if (stat?.isDirectory()) {
        const found = await walk(dir, { confineTo: await fs.realpath(library.root) })
        const base = path.posix.join(path.posix.dirname(originalPath(article)), folder)
        for (const file of found.files) await out.copy(path.join(dir, ...file.rel.split('/')), `${base}/${file.rel}`)
      }
    }
    return hex
  }

  return {
    async add(batch) {
      for (const article of batch) {
        const original = originalPath(article)
        const hex = await copyOriginal(article)
        await articles.write(articleLine(article, original, hex))
        await bib.write(citation(article, 'bibtex') + '\n')
        await csl.write((first ? '\n' : ',\n') + JSON.stringify(cslItem(article)))
        await html.write(htmlArticle(article, original, hex))
        first = false
      }
      for (const h of await highlightsOf(batch.map((a) => a.id))) {
        await annotations.write(JSON.stringify(exportedAnnotation(h)) + '\n')
      }
    },
    async finish() {
      await csl.write(first ? ']\n' : '\n]\n')
      await html.write(HTML_END)
      for (const stream of streams) await stream.close()
    },
  }
}
