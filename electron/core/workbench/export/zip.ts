/**
 * Packs a finished export folder into a ZIP with yazl, one file at a time (yazl opens each file only when its turn
 * comes, so 10,000 originals never hold 10,000 descriptors).
 */
import { createWriteStream } from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'

/** Writes `files` (relative to `root`) into a new ZIP at `target`. */
export async function zipFolder(root: string, files: readonly string[], target: string): Promise<void> {
  const zip = new yazl.ZipFile()
  for (const rel of files) zip.addFile(path.join(root, ...rel.split('/')), rel)
  zip.end()
  await pipeline(zip.outputStream, createWriteStream(target, { flags: 'wx' }))
}
