import { execFile } from 'node:child_process'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir, sampleText, type TempDir } from '../helpers/temp-library'

const repo = path.resolve(import.meta.dirname, '../..')
const tsx = path.join(repo, 'node_modules/.bin/tsx')
const entry = path.join(repo, 'electron/cli/index.ts')

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

function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      [entry, ...args],
      { cwd: src.root, env: { ...process.env, BROADSHEET_LIBRARY: '' } },
      (error, stdout, stderr) => {
        resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
      },
    )
  })
}

// Each test starts tsx child processes: slow on a busy machine, so a generous limit.
const SLOW = 90_000

describe('broadsheet CLI (child process)', () => {
  it(
    'imports with --json: one result per input file, with the exact shape',
    async () => {
      src.write('in/one.txt', sampleText('One'))
      src.write('in/sub/two.txt', sampleText('Two'))
      src.write('in/sub/again.txt', sampleText('One'))
      src.write('in/bad.odt', 'not supported')
      const run = await cli(['--library', lib.root, 'import', 'in', '--into', 'desk', '--json'])
      expect(run.status).toBe(0)
      expect(run.stderr).toBe('')
      const { results } = JSON.parse(run.stdout) as { results: Record<string, unknown>[] }
      expect(results).toEqual([
        {
          file: path.join('in', 'bad.odt'),
          status: 'failed',
          articles: [],
          error: expect.stringMatching(/^unsupported file type "\.odt"/),
          warnings: [],
        },
        {
          file: path.join('in', 'one.txt'),
          status: 'imported',
          articles: [expect.stringMatching(/^[0-9a-f]{16}$/)],
          warnings: [],
        },
        {
          file: path.join('in', 'sub', 'again.txt'),
          status: 'duplicate',
          articles: [],
          duplicateOf: (results[1]!.articles as string[])[0],
          warnings: [],
        },
        { file: path.join('in', 'sub', 'two.txt'), status: 'imported', articles: [expect.any(String)], warnings: [] },
      ])
      expect(lib.files()).toEqual(['desk/in/one.txt', 'desk/in/sub/two.txt'])
    },
    SLOW,
  )

  it(
    'lists summaries and shows a whole article with --json; an unknown id exits 1',
    async () => {
      lib.write('news/a.txt', sampleText('Harbour plan', 'The harbour plan was approved.'))
      const list = await cli(['--library', lib.root, 'list', '--json'])
      expect(list.status).toBe(0)
      const items = JSON.parse(list.stdout) as Record<string, unknown>[]
      expect(items).toHaveLength(1)
      expect(items[0]).toMatchObject({ title: 'Harbour plan', collection: 'news', path: 'news/a.txt', read: false })
      expect(items[0]).not.toHaveProperty('text')
      expect(items[0]).not.toHaveProperty('html')

      const show = await cli(['--library', lib.root, 'show', items[0]!.id as string, '--json'])
      expect(show.status).toBe(0)
      expect(JSON.parse(show.stdout)).toMatchObject({
        id: items[0]!.id,
        title: 'Harbour plan',
        text: expect.stringContaining('approved'),
        html: null,
      })

      const unknown = await cli(['--library', lib.root, 'show', 'deadbeef', '--json'])
      expect(unknown.status).toBe(1)
      expect(unknown.stdout).toBe('')
      expect(unknown.stderr).toBe(`broadsheet: no article with id "deadbeef" in ${lib.root}\n`)
    },
    SLOW,
  )

  it(
    'exits 2 with one line on stderr for an unknown command and a missing library',
    async () => {
      const bad = await cli(['--library', lib.root, 'nonsense'])
      expect(bad.status).toBe(2)
      expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1)
      const missing = await cli(['--library', path.join(lib.root, 'nope'), 'list', '--json'])
      expect(missing).toMatchObject({ status: 2, stdout: '' })
      expect(missing.stderr).toMatch(/^broadsheet: The library folder does not exist: .*nope\n$/)
    },
    SLOW,
  )
})
