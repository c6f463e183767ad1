/**
 * Runs an export: resolves the selection to article ids, writes the format's files into a hidden temp folder beside
 * the destination, adds `MANIFEST.sha256`, and only then moves the result into place (or packs it into the ZIP).
 *
 * A failure midway removes the temp folder, so no half-written export ever sits under the chosen name. Articles are
 * read from the store a batch at a time and every file is streamed, so memory stays flat for 10,000 articles.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Article } from '../../../shared/models'
import { assertNever, err, ok, type Result } from '../../../shared/result'
import type { ExportSelection, ExportSummary, Highlight } from '../../../shared/workbench'
import { log } from '../../logger'
import { isInside } from '../../library/paths'
import type { Library } from '../../library/types'
import type { SearchIndex } from '../../search/types'
import type { Stories } from '../../stories/types'
import type { ExportJob } from '../types'
import { csvWriter, jsonWriter, markdownWriter } from './analysis'
import { evidenceWriter } from './evidence'
import { ExportOutput } from './output'
import type { FormatWriter } from './writer'
import { zipFolder } from './zip'

/** Articles read from the store at once; progress is told after each batch. */
export const EXPORT_BATCH = 100

/** What an export reads from: the library and, for its selections, the search index, stories and saved searches. */
export interface ExportSources {
  library: Library
  search: SearchIndex
  stories: Stories | null
  highlightsOf(ids: readonly string[]): Promise<Highlight[]>
  savedIds(name: string): Promise<Result<string[]>>
}

/** The ids a selection stands for, in order, without repeats; unknown ids are an error naming them. */
async function selectIds(sources: ExportSources, selection: ExportSelection): Promise<Result<string[]>> {
  let ids: string[]
  switch (selection.kind) {
    case 'ids': {
      const unknown = selection.ids.filter((id) => sources.library.pathOf(id) === undefined)
      if (unknown.length > 0) {
        return err('not-found', `no article with id ${unknown.map((id) => `"${id}"`).join(', ')} in the library`)
      }
      ids = selection.ids
      break
    }
    case 'search': {
      const found = await sources.search.matchingIds(selection.request)
      if (!found.ok) return found
      ids = found.value
      break
    }
    case 'story': {
      if (!sources.stories) return err('invalid-argument', 'stories are not available for this library')
      const members = sources.stories.members(selection.story)
      if (!members) return err('not-found', `no story with id "${selection.story}"`)
      ids = [...members]
      break
    }
    case 'saved': {
      const found = await sources.savedIds(selection.name)
      if (!found.ok) return found
      ids = found.value
      break
    }
    default:
      return assertNever(selection, 'selectIds')
  }
  ids = [...new Set(ids)]
  if (ids.length === 0) return err('invalid-argument', 'nothing to export: the selection holds no articles')
  return ok(ids)
}

/** Why a destination cannot take the export, or null when it can (new, or an empty folder). */
async function refusal(to: string, zip: boolean): Promise<string | null> {
  const stat = await fs.lstat(to).catch(() => null)
  if (!stat) return null
  if (zip) return `${to} already exists: choose a new file name`
  if (!stat.isDirectory()) return `${to} is a file: choose an empty or new folder`
  if ((await fs.readdir(to)).length > 0) return `${to} is not empty: choose an empty or new folder`
  return null
}

/** A title for the export's index page. */
function titleOf(selection: ExportSelection): string {
  switch (selection.kind) {
    case 'ids':
      return 'Broadsheet evidence export'
    case 'search':
      return `Broadsheet evidence export: search “${selection.request.query}”`
    case 'story':
      return `Broadsheet evidence export: story ${selection.story}`
    case 'saved':
      return `Broadsheet evidence export: saved search “${selection.name}”`
    default:
      return assertNever(selection, 'titleOf')
  }
}

async function writerFor(job: ExportJob, out: ExportOutput, sources: ExportSources, total: number) {
  switch (job.format) {
    case 'evidence':
      return evidenceWriter(out, sources.library, sources.highlightsOf, titleOf(job.selection), total)
    case 'csv':
      return csvWriter(out)
    case 'json':
      return jsonWriter(out)
    case 'markdown':
      return markdownWriter(out)
    default:
      return assertNever(job.format, 'writerFor')
  }
}

/** Exports a selection in a format to a new (or empty) folder, or to a new ZIP file. */
export async function runExport(sources: ExportSources, job: ExportJob): Promise<Result<ExportSummary>> {
  const to = path.resolve(job.to)
  const selected = await selectIds(sources, job.selection)
  if (!selected.ok) return selected
  const ids = selected.value
  // Inside the library the export's copies of the originals would be read back in as articles of their own.
  if (isInside(sources.library.root, to)) {
    return err('not-allowed', `${to} is inside the library: choose a folder outside it`)
  }
  const refused = await refusal(to, job.zip)
  if (refused) return err('not-allowed', refused)

  const parent = path.dirname(to)
  const temp = path.join(parent, `.${path.basename(to)}.partial-${randomBytes(4).toString('hex')}`)
  try {
    await fs.mkdir(parent, { recursive: true })
    await fs.mkdir(temp)
  } catch (e) {
    return err('write-failed', `cannot write in ${parent}: ${(e as Error).message}`)
  }
  const out = new ExportOutput(temp)
  let articles = 0
  try {
    const writer: FormatWriter = await writerFor(job, out, sources, ids.length)
    job.onProgress?.({ done: 0, total: ids.length })
    for (let i = 0; i < ids.length; i += EXPORT_BATCH) {
      const slice = ids.slice(i, i + EXPORT_BATCH)
      const batch: Article[] = await sources.library.getMany(slice)
      if (batch.length < slice.length) {
        const found = new Set(batch.map((a) => a.id))
        const gone = slice.filter((id) => !found.has(id))
        throw new Error(`article ${gone.map((id) => `"${id}"`).join(', ')} left the library during the export`)
      }
      await writer.add(batch)
      articles += batch.length
      job.onProgress?.({ done: articles, total: ids.length })
    }
    await writer.finish()
    await out.manifest()
    if (job.zip) {
      const partialZip = `${temp}.zip`
      try {
        await zipFolder(
          temp,
          out.files.map((f) => f.rel),
          partialZip,
        )
        await fs.rename(partialZip, to)
      } finally {
        await fs.rm(partialZip, { force: true })
      }
      await fs.rm(temp, { recursive: true, force: true })
    } else {
      // An empty destination folder gives way to the finished export (rename cannot replace it on every system).
      await fs.rmdir(to).catch(() => undefined)
      await fs.rename(temp, to)
    }
  } catch (e) {
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined)
    log.error(`export to ${to} failed`, e)
    return err('write-failed', `the export to ${to} failed and was removed: ${(e as Error).message}`)
  }
  const bytes = job.zip ? (await fs.stat(to)).size : out.bytes
  return ok({ path: to, articles, files: out.files.length, bytes })
}
