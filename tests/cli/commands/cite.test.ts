import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../../helpers/run-cli'
import { makeTempDir, sampleText, type TempDir } from '../../helpers/temp-library'

let lib: TempDir

beforeEach(() => {
  lib = makeTempDir()
  lib.write('ru/most.txt', sampleText('Мост открыт', 'Строительство моста через реку завершено.'))
})
afterEach(() => lib.remove())

const cli = (args: string[]) => runCliCaptured(['--library', lib.root, ...args])

async function onlyId(): Promise<string> {
  return (JSON.parse((await cli(['list', '--json'])).stdout) as { id: string }[])[0]!.id
}

describe('cite command', () => {
  it('prints a BibTeX entry with the hash of the offline copy', async () => {
    const id = await onlyId()
    const run = await cli(['cite', id, '--format', 'bibtex'])
    expect(run.status).toBe(0)
    const hash = createHash('sha256').update(lib.read('ru/most.txt')).digest('hex')
    expect(run.stdout).toMatch(/^@article\{/)
    expect(run.stdout).toContain('title = {Мост открыт}')
    expect(run.stdout).toContain(`sha256:${hash} of the offline copy`)
  })

  it('answers --json with the id, format and citation', async () => {
    const id = await onlyId()
    const run = await cli(['cite', id, '--format', 'csl', '--json'])
    const out = JSON.parse(run.stdout)
    expect(Object.keys(out)).toEqual(['id', 'format', 'citation'])
    expect(JSON.parse(out.citation)[0].title).toBe('Мост открыт')
  })

  it('refuses an unknown format and names an unknown id', async () => {
    const bad = await cli(['cite', 'x', '--format', 'harvard'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--format must be one of apa, chicago, mla, bibtex, ris, csl')
    const unknown = await cli(['cite', 'nope'])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('no article with id "nope"')
  })
})
