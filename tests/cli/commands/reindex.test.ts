import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured, writeSearchLibrary } from '../../helpers/run-cli'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

let lib: TempDir

beforeEach(() => {
  lib = makeTempDir()
  writeSearchLibrary(lib)
})

afterEach(() => lib.remove())

const cli = (args: string[]) => runCliCaptured(['--library', lib.root, ...args])

describe('reindex command', () => {
  it('rebuilds the index and prints the counts', async () => {
    const run = await cli(['reindex', '--json'])
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out.articles).toBe(3)
    expect(out.shards).toBeGreaterThanOrEqual(1)
    const again = await cli(['search', 'quay', '--json'])
    expect(JSON.parse(again.stdout).total).toBe(1)
  })
})
