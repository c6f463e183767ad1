/**
 * A saved page's own files: the `page_files/` folder that "Save page as… Web page, complete" writes beside
 * `page.html`, and the images in it that the reader may draw.
 *
 * Such a folder is part of its page, not a collection: scans skip it, an import copies it with its page (renamed
 * with the page, `page (2).html` beside `page (2)_files/`), and images are served from it only when they really lie
 * inside the library.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { IMAGE_TYPES } from '../../shared/media'
import { log } from '../logger'
import { isHiddenName, isInside } from './paths'
import { walk } from './walk'

/** The suffix browsers give a saved page's folder of assets. */
const ASSETS_SUFFIX = '_files'

/** Page extensions that may have a folder of assets beside them. */
const PAGE_EXTENSIONS = ['.html', '.htm']

/** The name of the assets folder that belongs to a saved page's file name (`page.html` → `page_files`), or null. */
export function assetFolderOf(pageName: string): string | null {
  const dot = pageName.lastIndexOf('.')
  if (dot <= 0 || !PAGE_EXTENSIONS.includes(pageName.slice(dot).toLowerCase())) return null
  return `${pageName.slice(0, dot)}${ASSETS_SUFFIX}`
}

/** Whether a folder named `name` is the assets folder of a page among `siblings` (the names beside it). */
export function isAssetFolder(name: string, siblings: Iterable<string>): boolean {
  if (!name.endsWith(ASSETS_SUFFIX) || name === ASSETS_SUFFIX) return false
  for (const sibling of siblings) if (assetFolderOf(sibling) === name) return true
  return false
}

/** The MIME type of an image the reader may draw, by its file name; null for anything else. */
export function imageTypeOf(name: string): string | null {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? (IMAGE_TYPES[name.slice(dot).toLowerCase()] ?? null) : null
}

/** The checked parts of an image's relative path, or null when it could leave its folder or is not an image. */
function imageParts(relativePath: string): string[] | null {
  if (relativePath.includes('\0') || relativePath.includes('\\')) return null
  const parts = relativePath.split('/')
  if (parts.some((part) => part === '' || part === '.' || part === '..' || isHiddenName(part))) return null
  return imageTypeOf(parts[parts.length - 1]!) ? parts : null
}

/** An image file to serve and its type. */
export interface LocalImage {
  file: string
  type: string
}

/**
 * The image at `relativePath` beside the article file `articleFile`, confined to the library `root`: its real path
 * (symlinks resolved) must lie inside the real root, outside any hidden folder, and be a regular image file.
 *
 * A reference into another page's assets folder (`page_files/…` from `page (2).html`, the copy numbered at import)
 * is looked up in the article's own assets folder first.
 */
export async function resolveLocalImage(
  root: string,
  articleFile: string,
  relativePath: string,
): Promise<LocalImage | null> {
  const parts = imageParts(relativePath)
  if (!parts) return null
  const dir = path.dirname(articleFile)
  const candidates = [parts]
  const own = assetFolderOf(path.basename(articleFile))
  if (own && parts.length > 1 && parts[0]!.endsWith(ASSETS_SUFFIX) && parts[0] !== own) {
    candidates.unshift([own, ...parts.slice(1)])
  }
  let realRoot: string
  try {
    realRoot = await fs.realpath(root)
  } catch {
    return null
  }
  for (const candidate of candidates) {
    try {
      const real = await fs.realpath(path.resolve(dir, ...candidate))
      if (!isInside(realRoot, real) || real === realRoot) continue
      if (path.relative(realRoot, real).split(path.sep).some(isHiddenName)) continue
      const type = imageTypeOf(path.basename(real))
      if (!type || !(await fs.stat(real)).isFile()) continue
      return { file: real, type }
    } catch {
      // Missing or unreadable: try the next candidate.
    }
  }
  return null
}

/** One file of a page's assets folder, to copy at import. */
export interface AssetFile {
  /** Path inside the assets folder, with forward slashes. */
  rel: string
  size?: number
  load(): Promise<Uint8Array>
}

/** A saved page's assets folder as found at import: its name and its files. */
export interface PageAssets {
  folder: string
  files: AssetFile[]
}

/** The assets folder beside a page file on disk (walked without hidden names, never following links out), if any. */
export async function assetsBeside(pageFile: string): Promise<PageAssets | undefined> {
  const folder = assetFolderOf(path.basename(pageFile))
  if (!folder) return undefined
  const dir = path.join(path.dirname(pageFile), folder)
  try {
    if (!(await fs.stat(dir)).isDirectory()) return undefined
    const found = await walk(dir, { confineTo: await fs.realpath(dir) })
    const files = found.files.map((file) => ({
      rel: file.rel,
      size: file.size,
      load: () => fs.readFile(path.join(dir, ...file.rel.split('/'))),
    }))
    return { folder, files }
  } catch {
    return undefined
  }
}

/** An import item as far as assets go: where it goes, its name, and how to read it. */
export interface AssetCandidate {
  targetDir: string
  name: string
  failure?: string
  load?: () => Promise<Uint8Array>
  size?: number
  assets?: () => Promise<PageAssets | undefined>
}

/**
 * Takes the files of dropped assets folders (a browser sends a dropped folder as files named by relative path) out
 * of the items and gives them to their page: `x/page_files/a.png` belongs to `x/page.html` of the same drop.
 */
export function gatherDroppedAssets<T extends AssetCandidate>(items: T[]): T[] {
  const pages = new Map<string, T>()
  for (const item of items) {
    const folder = assetFolderOf(item.name)
    if (folder && !item.failure) pages.set(item.targetDir ? `${item.targetDir}/${folder}` : folder, item)
  }
  if (pages.size === 0) return items
  const gathered = new Map<T, PageAssets>()
  const kept: T[] = []
  for (const item of items) {
    const dir = item.targetDir.split('/')
    let owner: T | undefined
    let depth = 0
    for (let i = dir.length; i > 0 && !owner; i--) {
      owner = pages.get(dir.slice(0, i).join('/'))
      depth = i
    }
    if (!owner || !item.load || item.failure) {
      kept.push(item)
      continue
    }
    let assets = gathered.get(owner)
    if (!assets) gathered.set(owner, (assets = { folder: dir[depth - 1]!, files: [] }))
    assets.files.push({ rel: [...dir.slice(depth), item.name].join('/'), size: item.size, load: item.load })
  }
  for (const [page, assets] of gathered) page.assets = async () => assets
  return kept
}

/** What copying a page's assets needs from the import. */
export interface AssetCopy {
  realRoot: string
  maxFileBytes: number
}

/**
 * Copies a page's assets into the folder the page was copied to, named after the page's final name
 * (`page (2).html` gets `page (2)_files/`). Never overwrites and never fails the page: what cannot be copied is a
 * warning. Answers the warnings.
 */
export async function copyAssets(
  assets: PageAssets,
  pageDir: string,
  pageName: string,
  options: AssetCopy,
): Promise<string[]> {
  const folder = assetFolderOf(pageName)
  if (!folder || assets.files.length === 0) return []
  const warnings: string[] = []
  let copied = 0
  for (const file of assets.files) {
    const parts = file.rel.split('/')
    if (parts.some((part) => part === '' || part === '.' || part === '..' || isHiddenName(part))) continue
    try {
      if ((file.size ?? 0) > options.maxFileBytes) throw new Error('larger than the import limit')
      const target = path.join(pageDir, folder, ...parts)
      await fs.mkdir(path.dirname(target), { recursive: true })
      if (!isInside(options.realRoot, await fs.realpath(path.dirname(target)))) throw new Error('outside the library')
      const bytes = await file.load()
      if (bytes.length > options.maxFileBytes) throw new Error('larger than the import limit')
      await fs.writeFile(target, bytes, { flag: 'wx' })
      copied += 1
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'a file of that name is there already' : error
      log.warn(`import: asset ${assets.folder}/${file.rel} not copied`, error)
      warnings.push(`${assets.folder}/${file.rel}: not copied (${reason instanceof Error ? reason.message : reason})`)
    }
  }
  log.debug(`import: copied ${copied} of ${assets.files.length} files of ${assets.folder} into ${folder}`)
  return warnings
}
