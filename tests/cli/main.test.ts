import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../helpers/run-cli'
import { makeTempDir, sampleText, type TempDir } from '../helpers/temp-library'

let lib: TempDir
let src: TempDir

beforeEach(() => {
  lib = makeTempDir()
  src = makeTempDir()
})

afterEach(() => {
  lib.remove()
  src.remove()
})

const cli = runCliCaptured

describe('runCli', () => {
  it("takes a command's option before the command name", async () => {
    src.write('a.txt', sampleText('Alpha'))
    const run = await cli(['--library', lib.root, '--into', 'news', 'import', src.path('a.txt'), '--json'])
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout).results[0].status).toBe('imported')
    const list = await cli(['--library', lib.root, 'list', '--json'])
    expect(JSON.parse(list.stdout).map((a: { collection: string }) => a.collection)).toEqual(['news'])
  })

  it('imports and prints a summary line with each failure and its reason', async () => {
    src.write('a.txt', sampleText('Alpha'))
    src.write('b.txt', sampleText('Alpha'))
    src.write('c.odt', 'x')
    const run = await cli(['--library', lib.root, 'import', src.path('a.txt'), src.path('b.txt'), src.path('c.odt')])
    expect(run.status).toBe(0)
    expect(run.stdout.split('\n')[0]).toBe('1 imported, 1 duplicate, 1 failed')
    expect(run.stdout).toContain(`failed: ${src.path('c.odt')}: unsupported file type ".odt"`)
    expect(run.stdout).toMatch(new RegExp(`duplicate: ${src.path('b.txt')}: already in the library as [0-9a-f]{16}`))
    expect(run.stderr).toBe('')
  })

  it('lists articles in aligned columns', async () => {
    lib.write('desk/a.txt', sampleText('First title'))
    lib.write('b.txt', sampleText('Second title'))
    const run = await cli(['--library', lib.root, 'list'])
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^ID\s+PUBLISHED\s+COLLECTION\s+TITLE$/)
    const titleColumn = lines[0]!.indexOf('TITLE')
    expect(lines.slice(1, 3).map((line) => line.slice(titleColumn))).toEqual(
      expect.arrayContaining(['First title', 'Second title']),
    )
    expect(lines.at(-1)).toBe('2 articles')
  })

  it('takes the library from BROADSHEET_LIBRARY', async () => {
    lib.write('a.txt', sampleText('From env'))
    const run = await cli(['list', '--json'], { BROADSHEET_LIBRARY: lib.root })
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout).map((item: { title: string }) => item.title)).toEqual(['From env'])
  })

  it('creates a missing library folder on import, but only when its parent exists', async () => {
    src.write('a.txt', sampleText('A'))
    const fresh = path.join(lib.root, 'fresh')
    expect((await cli(['--library', fresh, 'import', src.path('a.txt')])).status).toBe(0)
    expect(lib.exists('fresh/a.txt')).toBe(true)
    const deep = await cli(['--library', path.join(lib.root, 'no/such/place'), 'import', src.path('a.txt')])
    expect(deep.status).toBe(2)
    expect(deep.stderr).toMatch(/^broadsheet: Cannot create the library folder .*\n$/)
  })

  it.each([
    [['list'], /no library folder/],
    [['--library', '/x'], /no command given/],
    [['--library', '/x', 'frobnicate'], /unknown command "frobnicate"/],
    [['--library', '/x', 'list', '--nope'], /Unknown option '--nope'/],
    [['--library', '/x', 'show'], /missing argument: show ID/],
    [['--library', '/x', 'list', 'extra'], /too many arguments/],
    [['--library', '/x', 'import', 'a.txt', '--into', '../up'], /--into "..\/up" is not a collection/],
  ])('exits 2 with one line on stderr for a bad invocation: %j', async (args, message) => {
    const run = await cli(args)
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('exits 2 for a library folder that is missing or a file', async () => {
    const missing = await cli(['--library', path.join(lib.root, 'missing'), 'list'])
    expect(missing).toMatchObject({ status: 2, stderr: expect.stringMatching(/does not exist/) })
    const file = lib.write('file.txt', 'x')
    const notDir = await cli(['--library', file, 'show', 'abc'])
    expect(notDir).toMatchObject({ status: 2, stderr: expect.stringMatching(/not a folder/) })
  })

  it('prints usage for --help', async () => {
    const run = await cli(['--help'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Usage: broadsheet --library DIR <command>/)
    expect(run.stdout).toContain('import PATH… [--into COLLECTION]')
    const command = await cli(['show', '--help'])
    expect(command.stdout).toMatch(/^Usage: broadsheet --library DIR show ID/)
  })
})
