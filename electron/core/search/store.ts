/**
 * The persisted index in `<library>/.broadsheet/search/`: one file per shard and a manifest naming
 * them with the (id, hash) of every document. Anything damaged, foreign or of another version is
 * reported so the caller can throw it away and rebuild; nothing here throws for bad files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { log } from '../logger'
import { DATA_DIR } from '../library/paths'
import type { Shard } from './engine'
import {
  encodeSegment,
  openSegmentFile,
  SEGMENT_FORMAT,
  useFileTexts,
  verifySegmentFile,
  type Segment,
} from './segment'

/** Bumped when the manifest's meaning changes; a different version is discarded and rebuilt. */
export const INDEX_VERSION = 1

interface Manifest {
  version: number
  format: number
  shards: { file: string; docs: [id: string, hash: string][]; deleted?: string[] }[]
}

/** The search folder of a library. */
export function searchDir(libraryRoot: string): string {
  return join(libraryRoot, DATA_DIR, 'search')
}

/** What a load found. */
export type LoadOutcome =
  { kind: 'loaded'; shards: Shard[] } | { kind: 'missing' } | { kind: 'unusable'; reason: string }

const SHARD_FILE = /^shard-[a-z0-9-]+\.bin$/

/** Reads and writes one library's shard files. */
export class ShardStore {
  readonly dir: string
  #files = new WeakMap<Segment, string>()
  #counter = 0

  constructor(dir: string) {
    this.dir = dir
  }

  /** Loads every shard the manifest names (reading several at once), checking versions, structure and the manifest's lists. */
  async load(): Promise<LoadOutcome> {
    const manifestPath = join(this.dir, 'manifest.json')
    if (!existsSync(manifestPath)) return { kind: 'missing' }
    let manifest: Manifest
    try {
      manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest
    } catch (e) {
      return { kind: 'unusable', reason: `the manifest is unreadable: ${e instanceof Error ? e.message : String(e)}` }
    }
    if (manifest?.version !== INDEX_VERSION || manifest.format !== SEGMENT_FORMAT) {
      return { kind: 'unusable', reason: 'the index was written by another version' }
    }
    if (!Array.isArray(manifest.shards)) return { kind: 'unusable', reason: 'the manifest is malformed' }
    const settled = await Promise.allSettled(
      manifest.shards.map(async (entry) => {
        if (typeof entry?.file !== 'string' || !SHARD_FILE.test(entry.file) || !Array.isArray(entry.docs)) {
          throw new Error('a manifest entry is malformed')
        }
        const segment = await openSegmentFile(join(this.dir, entry.file))
        const deleted = new Set(Array.isArray(entry.deleted) ? entry.deleted.map(String) : [])
        return { entry, shard: { segment, deleted } }
      }),
    )
    const opened = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.shard] : []))
    try {
      const failed = settled.find((s) => s.status === 'rejected')
      if (failed) throw failed.reason
      const seen = new Set<string>()
      for (const s of settled) {
        if (s.status !== 'fulfilled') continue
        const { entry, shard } = s.value
        const { segment, deleted } = shard
        this.#files.set(segment, entry.file)
        if (segment.docs.length !== entry.docs.length) throw new Error(`${entry.file} does not match the manifest`)
        const ids = new Set<string>()
        segment.docs.forEach((d, i) => {
          const [id, hash] = entry.docs[i] ?? []
          if (d.id !== id || d.hash !== hash) throw new Error(`${entry.file} does not match the manifest`)
          ids.add(d.id)
          // Only a live copy must be unique; a tombstoned one may have moved to another shard.
          if (deleted.has(d.id)) return
          if (seen.has(d.id)) throw new Error(`${d.id} is in two shards`)
          seen.add(d.id)
        })
        for (const id of deleted) if (!ids.has(id)) throw new Error(`${entry.file} has a stray tombstone`)
      }
      return { kind: 'loaded', shards: opened }
    } catch (e) {
      for (const s of opened) s.segment.texts.close()
      return { kind: 'unusable', reason: e instanceof Error ? e.message : String(e) }
    }
  }

  /** Writes the shards not yet on disk, then the manifest, then removes files no longer named. */
  save(shards: readonly Shard[]): void {
    mkdirSync(this.dir, { recursive: true })
    const manifest: Manifest = { version: INDEX_VERSION, format: SEGMENT_FORMAT, shards: [] }
    for (const { segment, deleted } of shards) {
      let file = this.#files.get(segment)
      if (!file) {
        file = `shard-${Date.now().toString(36)}-${process.pid.toString(36)}-${(this.#counter++).toString(36)}.bin`
        const path = join(this.dir, file)
        const bytes = segment.encoded ?? encodeSegment(segment)
        delete segment.encoded
        writeFileSync(path + '.tmp', bytes)
        renameSync(path + '.tmp', path)
        this.#files.set(segment, file)
        useFileTexts(segment, path, bytes.length)
      }
      manifest.shards.push({
        file,
        docs: segment.docs.map((d) => [d.id, d.hash]),
        ...(deleted && deleted.size > 0 ? { deleted: [...deleted] } : {}),
      })
    }
    const manifestPath = join(this.dir, 'manifest.json')
    writeFileSync(manifestPath + '.tmp', JSON.stringify(manifest))
    renameSync(manifestPath + '.tmp', manifestPath)
    const named = new Set(manifest.shards.map((s) => s.file))
    for (const name of readdirSync(this.dir)) {
      if ((SHARD_FILE.test(name) && !named.has(name)) || name.endsWith('.bin.tmp')) {
        try {
          rmSync(join(this.dir, name))
        } catch (e) {
          log.warn(`search: cannot remove the old shard ${name}`, e)
        }
      }
    }
  }

  /** The loaded shards whose files fail their checksums (checked in the background after a load). */
  async damaged(shards: readonly Shard[]): Promise<Shard[]> {
    const out: Shard[] = []
    for (const shard of shards) {
      const file = this.#files.get(shard.segment)
      if (file && !(await verifySegmentFile(join(this.dir, file)))) out.push(shard)
    }
    return out
  }

  /** Removes every file of the persisted index (only this folder's own files). */
  clear(): void {
    if (!existsSync(this.dir)) return
    for (const name of readdirSync(this.dir)) {
      if (SHARD_FILE.test(name) || name === 'manifest.json' || name.endsWith('.tmp'))
        rmSync(join(this.dir, name), { force: true })
    }
  }
}
