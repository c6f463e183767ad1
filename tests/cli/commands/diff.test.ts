import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../../helpers/run-cli'
import { makeTempDir, sampleText, type TempDir } from '../../helpers/temp-library'

let lib: TempDir

beforeEach(() => {
  lib = makeTempDir()
  lib.write('v1.txt', sampleText('Bridge opens', 'The bridge opened on Monday.'))
  lib.write('v2.txt', sampleText('Bridge opens late', 'The bridge opened on Tuesday.'))
})

afterEach(() => lib.remove())

const cli = (args: string[]) => runCliCaptured(['--library', lib.root, ...args])

async function ids(): Promise<[string, string]> {
  const out = JSON.parse((await cli(['list', '--json'])).stdout)
  const items: { id: string; title: string }[] = out.items ?? out
  const byTitle = (t: string) => items.find((i) => i.title === t)!.id
  return [byTitle('Bridge opens'), byTitle('Bridge opens late')]
}

describe('diff command', () => {
  it('prints the word ops and the changed fields as JSON', async () => {
    const [a, b] = await ids()
    const run = await cli(['diff', a, b, '--json'])
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out.ops).toContainEqual(['-', 'Monday'])
    expect(out.ops).toContainEqual(['+', 'Tuesday'])
    expect(out.fields.title).toEqual({ before: 'Bridge opens', after: 'Bridge opens late' })
  })

  it('marks changes in its readable output and refuses an unknown id', async () => {
    const [a, b] = await ids()
    expect((await cli(['diff', a, b])).stdout).toContain('[-Monday-]{+Tuesday+}')
    const bad = await cli(['diff', a, 'nope'])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('no article with id "nope"')
  })
})
