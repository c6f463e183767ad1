/**
 * `verify`: re-hashes an export (a folder or a ZIP) against its `MANIFEST.sha256` and says which files match, which
 * differ, which are missing and which are extra. Reads only; never changes the export.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import { err, ok, type Result } from '../../shared/result'
import type { VerifyReport } from '../../shared/workbench'
import { MANIFEST_FILE, parseManifest, type Manifest } from './export/manifest'

async function hashStream(stream: Readable): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of stream) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Every file under a folder, relative with forward slashes (symlinks are listed, never followed). */
async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = []
  const visit = async (dir: string, rel: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) await visit(path.join(dir, entry.name), childRel)
      else out.push(childRel)
    }
  }
  await visit(root, '')
  return out
}

/** The report from the manifest and a lookup of each file's actual hash (undefined: not there). */
async function compare(
  manifest: Manifest,
  present: readonly string[],
  hashOf: (rel: string) => Promise<string | undefined>,
): Promise<VerifyReport> {
  const report: VerifyReport = { ok: false, matched: [], differ: [], missing: [], extra: [] }
  for (const [rel, expected] of manifest) {
    const actual = await hashOf(rel)
    if (actual === undefined) report.missing.push(rel)
    else if (actual === expected) report.matched.push(rel)
    else report.differ.push(rel)
  }
  report.extra = present.filter((rel) => rel !== MANIFEST_FILE && !manifest.has(rel)).sort()
  report.ok = report.differ.length === 0 && report.missing.length === 0 && report.extra.length === 0
  return report
}

function readManifest(text: string, where: string): Result<Manifest> {
  try {
    return ok(parseManifest(text))
  } catch (e) {
    return err('invalid-argument', `${where} is not a manifest this tool can read: ${(e as Error).message}`)
  }
}

async function verifyFolder(root: string): Promise<Result<VerifyReport>> {
  const manifestPath = path.join(root, MANIFEST_FILE)
  const text = await fs.readFile(manifestPath, 'utf8').catch(() => null)
  if (text === null) return err('not-found', `${root} has no ${MANIFEST_FILE}: it is not a Broadsheet export`)
  const manifest = readManifest(text, manifestPath)
  if (!manifest.ok) return manifest
  const present = await filesUnder(root)
  const presentSet = new Set(present)
  return ok(
    await compare(manifest.value, present, async (rel) =>
      presentSet.has(rel) ? hashStream(createReadStream(path.join(root, ...rel.split('/')))) : undefined,
    ),
  )
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, decodeStrings: true }, (e, zip) => (e ? reject(e) : resolve(zip))),
  )
}

/** Hashes every file entry of a ZIP, one at a time; the manifest's text is kept whole. */
async function hashZip(file: string): Promise<{ hashes: Map<string, string>; manifest: string | null }> {
  const zip = await openZip(file)
  const hashes = new Map<string, string>()
  let manifest: string | null = null
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', () => resolve())
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry()
      zip.openReadStream(entry, (e, stream) => {
        if (e) return reject(e)
        const chunks: Buffer[] = []
        const isManifest = entry.fileName === MANIFEST_FILE
        const hash = createHash('sha256')
        stream.on('data', (chunk: Buffer) => {
          hash.update(chunk)
          if (isManifest) chunks.push(chunk)
        })
        stream.on('error', reject)
        stream.on('end', () => {
          hashes.set(entry.fileName, hash.digest('hex'))
          if (isManifest) manifest = Buffer.concat(chunks).toString('utf8')
          zip.readEntry()
        })
      })
    })
    zip.readEntry()
  })
  zip.close()
  return { hashes, manifest }
}

async function verifyZip(file: string): Promise<Result<VerifyReport>> {
  let read: { hashes: Map<string, string>; manifest: string | null }
  try {
    read = await hashZip(file)
  } catch (e) {
    return err('invalid-argument', `${file} is not a readable ZIP: ${(e as Error).message}`)
  }
  if (read.manifest === null) return err('not-found', `${file} has no ${MANIFEST_FILE}: it is not a Broadsheet export`)
  const manifest = readManifest(read.manifest, `${MANIFEST_FILE} in ${file}`)
  if (!manifest.ok) return manifest
  return ok(await compare(manifest.value, [...read.hashes.keys()], async (rel) => read.hashes.get(rel)))
}

/** Verifies an export folder or ZIP against its manifest. */
export async function verifyExport(target: string): Promise<Result<VerifyReport>> {
  const stat = await fs.stat(target).catch(() => null)
  if (!stat) return err('not-found', `${target} does not exist`)
  return stat.isDirectory() ? verifyFolder(target) : verifyZip(target)
}
