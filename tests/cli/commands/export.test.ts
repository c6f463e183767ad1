import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured, writeSearchLibrary } from '../../helpers/run-cli'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

let lib: TempDir
let out: TempDir

beforeEach(() => {
  lib = makeTempDir()
  out = makeTempDir('broadsheet-out-')
  writeSearchLibrary(lib)
})
afterEach(() => {
  lib.remove()
  out.remove()
})

const cli = (args: string[]) => runCliCaptured(['--library', lib.root, ...args])

async function ids(): Promise<Record<string, string>> {
  const list = JSON.parse((await cli(['list', '--json'])).stdout) as { id: string; path: string }[]
  return Object.fromEntries(list.map((a) => [a.path, a.id]))
}

describe('export command', () => {
  it('exports the matches of a query as an evidence folder that sha256sum -c accepts', async () => {
    const run = await cli(['export', '--query', 'port', '--site', 'nowhere.example', '--to', out.path('none')])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('nothing to export: the selection holds no articles')

    const ok = await cli(['export', '--query', 'river', '--to', out.path('bundle'), '--json'])
    expect(ok.status).toBe(0)
    const summary = JSON.parse(ok.stdout)
    expect(summary).toMatchObject({ path: out.path('bundle'), articles: 2 })
    const originals = out.files().filter((f) => f.startsWith('bundle/originals/'))
    expect(originals).toEqual(['bundle/originals/harbour/port.txt', 'bundle/originals/harbour/quay.txt'])
    const check = execFileSync('sha256sum', ['-c', 'MANIFEST.sha256'], { cwd: out.path('bundle'), encoding: 'utf8' })
    expect(check).toContain('originals/harbour/port.txt: OK')
  })

  it('exports several ids as a CSV in a ZIP', async () => {
    const byPath = await ids()
    const run = await cli([
      'export',
      '--ids',
      byPath['ru/most.txt']!,
      byPath['harbour/quay.txt']!,
      '--format',
      'csv',
      '--zip',
      '--to',
      out.path('two.zip'),
    ])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Exported 2 articles, 2 files, .* to .*two\.zip\n$/)
    expect(fs.existsSync(out.path('two.zip'))).toBe(true)
    const verify = await cli(['verify', out.path('two.zip')])
    expect(verify.status).toBe(0)
  })

  it('exports the matches of a saved search', async () => {
    expect((await cli(['saved', 'add', 'ports', 'river'])).status).toBe(0)
    const run = await cli(['export', '--saved', 'ports', '--format', 'json', '--to', out.path('saved'), '--json'])
    expect(run.status).toBe(0)
    const titles = JSON.parse(out.read('saved/articles.json')).map((a: { title: string }) => a.title)
    expect(titles.sort()).toEqual(['Quay repairs', 'River port opens'])
  })

  it('refuses a folder that is not empty', async () => {
    out.write('full/keep.txt', 'mine')
    const run = await cli(['export', '--query', 'river', '--to', out.path('full')])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`${out.path('full')} is not empty: choose an empty or new folder`)
    expect(out.files({ hidden: true })).toEqual(['full/keep.txt'])
  })

  it('asks for exactly one selection and a destination', async () => {
    const none = await cli(['export', '--to', out.path('x')])
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('give exactly one of --ids ID…, --query "QUERY" or --saved NAME')
    const noTo = await cli(['export', '--query', 'river'])
    expect(noTo.status).toBe(2)
    expect(noTo.stderr).toContain('--to DIR is required')
  })

  it('narrows a query by publication date with --since and --until, as --to is the destination', async () => {
    const dredging = (title: string, date: string) =>
      JSON.stringify({ title, date, text: `The dredger worked the channel for a week. ${title}.` })
    lib.write('dredging/march.json', dredging('Dredging begins', '2024-03-01'))
    lib.write('dredging/june.json', dredging('Dredging resumes', '2024-06-10'))
    lib.write('dredging/august.json', dredging('Dredging ends', '2024-08-20'))
    const run = await cli([
      'export',
      '--query',
      'dredger',
      '--since',
      '2024-05-01',
      '--until',
      '2024-06-30',
      '--format',
      'json',
      '--to',
      out.path('june'),
      '--json',
    ])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const titles = JSON.parse(out.read('june/articles.json')).map((a: { title: string }) => a.title)
    expect(titles).toEqual(['Dredging resumes'])

    const bad = await cli(['export', '--query', 'dredger', '--until', 'June', '--to', out.path('bad')])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--until must be a date such as 2024-05-01')
    const notQuery = await cli(['export', '--saved', 'x', '--since', '2024-05-01', '--to', out.path('bad')])
    expect(notQuery.status).toBe(2)
    expect(notQuery.stderr).toContain('--since narrows a --query; it cannot narrow ids or a saved search')
    const searchSpelling = await cli(['export', '--query', 'dredger', '--from', '2024-05-01', '--to', out.path('bad')])
    expect(searchSpelling.status).toBe(2)
    expect(searchSpelling.stderr).toContain('export takes a query’s dates as --since D and --until D')
    expect(out.files()).toEqual(expect.not.arrayContaining([expect.stringMatching(/^bad/)]))
  })

  it('says in its help how to give the query’s dates', async () => {
    const help = await cli(['export', '--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('[--since D] [--until D]')
    expect(help.stdout).toContain('--since D and --until D (both inclusive): --to is the destination')
  })
})
