import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ALIAS_FILE, aliasTable, loadAliases, nameVariants } from '../../../electron/core/search/names/index'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

let dir: TempDir | null = null
afterEach(() => {
  dir?.remove()
  dir = null
})

describe('nameVariants', () => {
  const table = aliasTable([
    ['Kyiv', 'Kiev', 'Киев', 'Київ'],
    ['Navalny', 'Navalnyi', 'Навальный', 'Навальний'],
  ])

  it('expands a name to its other spellings in every script', () => {
    expect(nameVariants('Kyiv', table)).toEqual(expect.arrayContaining(['Kiev', 'Киев', 'Київ']))
    expect(nameVariants('kyiv', table)).not.toContain('Kyiv')
    expect(nameVariants('Навальный', table)).toEqual(expect.arrayContaining(['Navalny', 'Navalnyi', 'Навальний']))
  })

  it('transliterates a Cyrillic word that is not in the table', () => {
    expect(nameVariants('Житомир', table)).toContain('Zhytomyr')
  })

  it('leaves an ordinary Latin word alone', () => {
    expect(nameVariants('bridge', table)).toEqual([])
  })
})

describe('loadAliases', () => {
  it('seeds the library with the bundled list on first use and reads the user’s edits after', () => {
    dir = makeTempDir()
    const seeded = loadAliases(dir.root)
    expect(seeded.get('kharkov')).toContain('Харків')
    expect(dir.exists(ALIAS_FILE)).toBe(true)
    dir.write(ALIAS_FILE, JSON.stringify([['Bilhorod', 'Белгород']]))
    const edited = loadAliases(dir.root)
    expect(edited.get('белгород')).toEqual(['Bilhorod', 'Белгород'])
    expect(edited.has('kyiv')).toBe(false)
  })

  it('sets a broken file aside and uses the bundled list', () => {
    dir = makeTempDir()
    dir.write(ALIAS_FILE, '{ not json')
    const table = loadAliases(dir.root)
    expect(table.get('kyiv')).toContain('Київ')
    const aside = fs.readdirSync(dir.root).filter((f) => f.startsWith(`${ALIAS_FILE}.broken-`))
    expect(aside).toHaveLength(1)
    expect(fs.readFileSync(path.join(dir.root, aside[0]!), 'utf8')).toBe('{ not json')
  })
})
