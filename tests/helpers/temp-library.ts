/**
 * Temp folders for tests: a library (and source folders beside it) made fresh and removed afterwards.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A temp folder with helpers to write and read files inside it. */
export interface TempDir {
  /** Absolute path of the folder. */
  root: string
  /** Absolute path of a relative path inside the folder. */
  path(rel: string): string
  /** Writes a file (making its folders); returns its absolute path. */
  write(rel: string, content: string | Uint8Array): string
  read(rel: string): string
  exists(rel: string): boolean
  /** Every file under the folder (relative, sorted), hidden ones included when `hidden` is true. */
  files(options?: { hidden?: boolean }): string[]
  remove(): void
}

/** Makes an empty temp folder; call `remove()` (e.g. in afterEach) when done. */
export function makeTempDir(prefix = 'broadsheet-test-'): TempDir {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)))
  const abs = (rel: string) => path.join(root, ...rel.split('/'))
  return {
    root,
    path: abs,
    write(rel, content) {
      const file = abs(rel)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, content)
      return file
    },
    read: (rel) => fs.readFileSync(abs(rel), 'utf8'),
    exists: (rel) => fs.existsSync(abs(rel)),
    files({ hidden = false } = {}) {
      const out: string[] = []
      const visit = (dir: string, rel: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          if (!hidden && entry.name.startsWith('.')) continue
          const childRel = rel ? `${rel}/${entry.name}` : entry.name
          if (entry.isDirectory()) visit(path.join(dir, entry.name), childRel)
          else out.push(childRel)
        }
      }
      visit(root, '')
      return out.sort()
    },
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  }
}

/** Makes a temp library folder (alias of makeTempDir with a library prefix). */
export function makeTempLibrary(): TempDir {
  return makeTempDir('broadsheet-lib-')
}

/** A synthetic plain-text article in the style of the scrapes Broadsheet reads. */
export function sampleText(title: string, body = 'The council met on Tuesday to discuss the harbour plan.'): string {
  return `${title}\n\n${body}\n\nThe vote is expected next month.\n\nPolitics\n\nBack to top button\n`
}
