import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../../helpers/run-cli'
import { makeTempLibrary, sampleText, type TempDir } from '../../helpers/temp-library'

const BODY = 'The harbour board met on Tuesday. Workers said the new crane would double the quay capacity.'

let lib: TempDir
beforeEach(() => {
  lib = makeTempLibrary()
  lib.write('port/crane.txt', sampleText('Crane arrives', BODY))
  lib.write('port/market.txt', sampleText('Market day', 'Stallholders sold apples and pears at dawn.'))
})
afterEach(() => lib.remove())

const cli = (args: string[]) => runCliCaptured(['--library', lib.root, ...args])

async function idOf(path: string): Promise<string> {
  const list = JSON.parse((await cli(['list', '--json'])).stdout) as { id: string; path: string }[]
  return list.find((item) => item.path === path)!.id
}

describe('annotations command', () => {
  it('lists one article’s highlights as JSON, and every highlight without an id', async () => {
    const crane = await idOf('port/crane.txt')
    const market = await idOf('port/market.txt')
    await cli(['annotate', crane, '--quote', 'double the quay capacity', '--note', 'ask for figures'])
    await cli(['annotate', market, '--quote', 'apples and pears'])
    const one = JSON.parse((await cli(['annotations', crane, '--json'])).stdout)
    expect(one.map((h: { quote: string }) => h.quote)).toEqual(['double the quay capacity'])
    expect(Object.keys(one[0]).sort()).toEqual(
      ['articleId', 'created', 'id', 'modified', 'note', 'prefix', 'quote', 'range', 'status', 'suffix', 'tags'].sort(),
    )
    const all = JSON.parse((await cli(['annotations', '--json'])).stdout)
    expect(all).toHaveLength(2)
  })

  it('keeps a highlight through an edit of the file and lists it as orphaned when its passage is gone', async () => {
    const crane = await idOf('port/crane.txt')
    await cli(['annotate', crane, '--quote', 'double the quay capacity', '--note', 'key claim'])
    await cli(['annotate', crane, '--quote', 'harbour board met'])
    lib.write('port/crane.txt', sampleText('Crane arrives', 'Update: the harbour board met on Monday. Nothing more.'))
    const run = await cli(['annotations', crane])
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Crane arrives')
    expect(run.stdout).toMatch(
      /\[orphaned\] "double the quay capacity" {2}\(not found in the current text\)\n {4}note: key claim/,
    )
    expect(run.stdout).toMatch(/\[moved\] "harbour board met"/)
    expect(run.stdout).toContain('2 highlights, 1 orphaned')
  })

  it('sets a damaged annotations file aside, says so, and lists the readable highlights', async () => {
    const crane = await idOf('port/crane.txt')
    await cli(['annotate', crane, '--quote', 'harbour board'])
    lib.write('.broadsheet/annotations.jsonl', lib.read('.broadsheet/annotations.jsonl') + '{broken\n')
    const run = await cli(['annotations', '--json'])
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout).map((h: { quote: string }) => h.quote)).toEqual(['harbour board'])
    expect(run.stderr).toMatch(/The highlights file had 1 unreadable line .*moved to annotations\.jsonl\.corrupt-/)
  })

  it('fails clearly for an id nothing knows', async () => {
    const run = await cli(['annotations', 'nope'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('no article with id "nope"')
  })
})
