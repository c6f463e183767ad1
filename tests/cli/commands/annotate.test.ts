import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../../helpers/run-cli'
import { makeTempLibrary, sampleText, type TempDir } from '../../helpers/temp-library'

const BODY = 'The harbour board met on Tuesday. Workers said the new crane would double the quay capacity.'

let lib: TempDir
beforeEach(() => {
  lib = makeTempLibrary()
  lib.write('port/crane.txt', sampleText('Crane arrives', BODY))
})
afterEach(() => lib.remove())

const cli = (args: string[]) => runCliCaptured(['--library', lib.root, ...args])

async function idOf(path: string): Promise<string> {
  const list = JSON.parse((await cli(['list', '--json'])).stdout) as { id: string; path: string }[]
  return list.find((item) => item.path === path)!.id
}

describe('annotate command', () => {
  it('highlights a quote with a note and tags and prints the highlight as JSON', async () => {
    const id = await idOf('port/crane.txt')
    const run = await cli([
      'annotate',
      id,
      '--quote',
      'double the quay',
      '--note',
      'check',
      '--tag',
      'a',
      '--tag',
      'b',
      '--json',
    ])
    expect(run.status).toBe(0)
    const h = JSON.parse(run.stdout)
    expect(h).toMatchObject({
      articleId: id,
      quote: 'double the quay',
      note: 'check',
      tags: ['a', 'b'],
      status: 'exact',
    })
    expect(h.id).toMatch(/^urn:uuid:/)
    const stored = JSON.parse(lib.read('.broadsheet/annotations.jsonl').trim())
    expect(stored.target).toMatchObject({ source: id })
    expect(stored.motivation).toBe('commenting')
  })

  it('says in words what it highlighted', async () => {
    const run = await cli(['annotate', await idOf('port/crane.txt'), '--quote', 'harbour board'])
    expect(run.stdout).toMatch(/^Highlighted "harbour board" in Crane arrives \(\d+–\d+\); id urn:uuid:/)
  })

  it('fails clearly for an absent quote, a repeated one, an unknown id and a missing --quote', async () => {
    const id = await idOf('port/crane.txt')
    const absent = await cli(['annotate', id, '--quote', 'tunnel'])
    expect(absent.status).toBe(1)
    expect(absent.stderr).toContain(`The quote "tunnel" is not in the article's text.`)
    const repeated = await cli(['annotate', id, '--quote', 'the'])
    expect(repeated.status).toBe(1)
    expect(repeated.stderr).toMatch(/appears \d+ times in the article/)
    const unknown = await cli(['annotate', 'nope', '--quote', 'crane'])
    expect(unknown.stderr).toContain('no article with id "nope"')
    const usage = await cli(['annotate', id])
    expect(usage.status).toBe(2)
    expect(usage.stderr).toContain('annotate needs --quote')
  })
})
