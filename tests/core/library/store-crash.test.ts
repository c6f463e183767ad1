import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary, type OpenedLibrary } from '../../../electron/core/library/library'
import { parseFile } from '../../../electron/core/formats/index'
import { makeTempDir, sampleText, type TempDir } from '../../helpers/temp-library'

let lib: TempDir
let library: OpenedLibrary | undefined

beforeEach(() => {
  lib = makeTempDir()
})

afterEach(async () => {
  await library?.close()
  library = undefined
  lib.remove()
})

/** Runs the child until it has imported `count` articles, then kills it with SIGKILL (no chance to flush). */
function importThenKill(count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'store-crash-child.ts'), lib.root],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.stdout.on('data', (chunk: Buffer) => {
      const last = /imported (\d+)\n$/.exec(chunk.toString())
      if (last && Number(last[1]) >= count) child.kill('SIGKILL')
    })
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`the child stopped on its own: ${stderr}`)),
    )
  })
}

describe('the article store after kill -9', () => {
  it('serves every article with its file’s own text after the writer was killed mid-import', async () => {
    for (let i = 0; i < 40; i++) lib.write(`news/${i}.txt`, sampleText(`Story ${i}`, `Body of story ${i}.`))
    await importThenKill(60)

    library = await openLibrary(lib.root, { parseThreads: 0 })
    await library.settled()
    const items = library.list()
    expect(lib.files().filter((rel) => rel.endsWith('.txt'))).toHaveLength(items.length)
    expect(items.length).toBeGreaterThanOrEqual(100)
    for (const item of items) {
      const outcome = await parseFile(new TextEncoder().encode(lib.read(item.path)), item.path)
      const expected = outcome.ok ? outcome.articles[0]!.article.text : 'unparseable'
      expect((await library.get(item.id))?.text).toBe(expected)
    }
  }, 60_000)
})
