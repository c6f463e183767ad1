/**
 * Names in every spelling: a query word that is a known name expands to its other spellings (the library's
 * editable alias table, `.broadsheet/aliases.json`, seeded from a bundled list), and a Cyrillic word to its
 * Russian and Ukrainian transliterations (cyrillic-to-translit-js).
 */
import fs from 'node:fs'
import path from 'node:path'
import cyrillicToTranslit from 'cyrillic-to-translit-js'
import { log } from '../../logger'
import { SEED_ALIASES } from './seed'

/** The alias file's name inside the library's `.broadsheet/` folder. */
export const ALIAS_FILE = 'aliases.json'

/** Each spelling (lower case) to its whole group of spellings. */
export type AliasTable = Map<string, readonly string[]>

const CYRILLIC = /\p{Script=Cyrillic}/u
const translit = [cyrillicToTranslit({ preset: 'ru' }), cyrillicToTranslit({ preset: 'uk' })]

/** Indexes groups of spellings by each of their members, lower case. */
export function aliasTable(groups: readonly (readonly string[])[]): AliasTable {
  const table: AliasTable = new Map()
  for (const group of groups) for (const name of group) table.set(name.toLowerCase(), group)
  return table
}

function isGroups(value: unknown): value is string[][] {
  return Array.isArray(value) && value.every((g) => Array.isArray(g) && g.every((n) => typeof n === 'string'))
}

/**
 * Reads the library's alias table, writing the bundled one on first use. A file that is not a JSON array of
 * arrays of strings is set aside (renamed `.broken-<time>`) with a log line, and the bundled list is used.
 */
export function loadAliases(dataDir: string): AliasTable {
  const file = path.join(dataDir, ALIAS_FILE)
  let text: string | null = null
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    text = null
  }
  if (text !== null) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (isGroups(parsed)) return aliasTable(parsed)
      throw new Error('expected an array of arrays of names')
    } catch (e) {
      const aside = `${file}.broken-${Date.now()}`
      log.warn(
        `alias table ${file} is unreadable (${(e as Error).message}); set aside as ${aside}, using the bundled list`,
      )
      try {
        fs.renameSync(file, aside)
      } catch {
        return aliasTable(SEED_ALIASES)
      }
    }
  }
  try {
    fs.mkdirSync(dataDir, { recursive: true })
    fs.writeFileSync(file, `${JSON.stringify(SEED_ALIASES, null, 2)}\n`)
  } catch (e) {
    log.warn(`could not write the alias table ${file}: ${(e as Error).message}`)
  }
  return aliasTable(SEED_ALIASES)
}

/** Other spellings of a query word (never the word itself), from the alias table and transliteration. */
export function nameVariants(word: string, table: AliasTable): string[] {
  const lower = word.toLowerCase()
  const out = new Map<string, string>()
  const add = (w: string) => {
    const key = w.toLowerCase()
    if (key !== lower && !out.has(key)) out.set(key, w)
  }
  const group = table.get(lower)
  for (const name of group ?? []) add(name)
  for (const name of [word, ...(group ?? [])])
    if (CYRILLIC.test(name))
      for (const t of translit) {
        // A preset leaves letters it does not know (ы in Ukrainian) in Cyrillic: such a half spelling is dropped.
        const latin = t.transform(name)
        if (!CYRILLIC.test(latin)) add(latin)
      }
  return [...out.values()]
}
