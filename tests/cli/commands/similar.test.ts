import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../../helpers/run-cli'
import { makeTempDir, sampleText, type TempDir } from '../../helpers/temp-library'

const BODY =
  'The river port opened on Monday with two new cranes after three years of work. Dock workers said the quay ' +
  'could now take ships twice as large, and the council expects trade through the harbour to grow next year.'

let lib: TempDir

beforeEach(() => {
  lib = makeTempDir()
  lib.write('wire/port.txt', sampleText('Port opens', BODY))
  lib.write('reprints/port.txt', sampleText('Port opens', BODY).replace('Politics', 'Business'))
  lib.write('other/market.txt', sampleText('Market protest', 'Stallholders protested against a rent rise.'))
})

afterEach(() => lib.remove())

const cli = (args: string[]) => runCliCaptured(['--library', lib.root, ...args])

async function idOf(path: string): Promise<string> {
  const list = JSON.parse((await cli(['list', '--json'])).stdout) as { id: string; path: string }[]
  return list.find((item) => item.path === path)!.id
}

describe('similar command', () => {
  it('prints the copies, versions and story as the JSON contract says', async () => {
    const id = await idOf('reprints/port.txt')
    const run = await cli(['similar', id, '--json'])
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(Object.keys(out).sort()).toEqual(['duplicates', 'story', 'versions'])
    expect(out.duplicates).toHaveLength(1)
    expect(out.duplicates[0].id).toBe(await idOf('wire/port.txt'))
    expect(Object.keys(out.duplicates[0]).sort()).toEqual(['id', 'similarity', 'site', 'title'])
    expect(out.duplicates[0].similarity).toBeGreaterThanOrEqual(0.9)
    expect(out.versions).toEqual([])
    expect(out.story.size).toBe(2)
  })

  it('says so in words when an article has no copies', async () => {
    const run = await cli(['similar', await idOf('other/market.txt')])
    expect(run.stdout).toContain('No copies.')
    expect(run.stdout).toContain('Not part of a story with others.')
  })

  it('fails with a clear message for an unknown id', async () => {
    const run = await cli(['similar', 'nope'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('no article with id "nope"')
  })
})
