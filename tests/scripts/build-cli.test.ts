import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as {
  bin: Record<string, string>
  scripts: Record<string, string>
}

describe('the broadsheet command', () => {
  it('is installed by package.json bin as built JavaScript with a node shebang', () => {
    const file = path.resolve(pkg.bin.broadsheet!)
    expect(fs.existsSync(file), `${file} is missing: npm install (prepare) or npm run build makes it`).toBe(true)
    expect(fs.readFileSync(file, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(pkg.scripts.prepare).toContain('scripts/build-cli.mjs')
  })

  it('leaves no chunk of an earlier build behind', () => {
    const stale = path.resolve('dist/cli/chunk-STALE000.js')
    fs.mkdirSync(path.dirname(stale), { recursive: true })
    fs.writeFileSync(stale, '')
    const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' })
    expect(built.status, built.stderr).toBe(0)
    expect(fs.existsSync(stale)).toBe(false)
    expect(fs.existsSync(path.resolve(pkg.bin.broadsheet!))).toBe(true)
  })

  it('prints its help and searches a library without tsx', () => {
    const file = path.resolve(pkg.bin.broadsheet!)
    const help = spawnSync(process.execPath, [file, '--help'], { encoding: 'utf8' })
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^Usage: broadsheet --library DIR <command>/)
    const library = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'broadsheet-bin-'))
    try {
      fs.writeFileSync(
        path.join(library, 'ferry.txt'),
        'Ferry timetable for winter\n\nThe ferry runs every two hours.\n',
      )
      const search = spawnSync(process.execPath, [file, '--library', library, 'search', 'ferry', '--json'], {
        encoding: 'utf8',
      })
      expect(search.status, search.stderr).toBe(0)
      expect(JSON.parse(search.stdout).hits.map((h: { title: string }) => h.title)).toEqual([
        'Ferry timetable for winter',
      ])
    } finally {
      fs.rmSync(library, { recursive: true, force: true })
    }
  })
})
