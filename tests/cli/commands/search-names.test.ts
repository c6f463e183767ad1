import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../../helpers/run-cli'
import { makeTempDir, sampleText, type TempDir } from '../../helpers/temp-library'

let lib: TempDir

beforeEach(() => {
  lib = makeTempDir()
  lib.write('en/kyiv.txt', sampleText('Council meets', 'The council met in Kyiv on Monday.'))
  lib.write('ru/kiev.txt', sampleText('Совет собрался', 'Совет собрался в Киеве в понедельник.'))
  lib.write('uk/kyiv.txt', sampleText('Рада зібралася', 'Рада зібралася у Києві в понеділок.'))
})

afterEach(() => lib.remove())

const cli = (args: string[]) => runCliCaptured(['--library', lib.root, ...args])

describe('search for a name', () => {
  it('finds its other spellings and lists them in the JSON as variants', async () => {
    const run = await cli(['search', 'kyiv', '--json'])
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out.total).toBe(3)
    expect(out.hits[0].title).toBe('Council meets')
    expect(out.variants).toEqual(expect.arrayContaining(['Киев', 'Київ']))
  })

  it('says what else matched in its readable output, and a quoted name stays exact', async () => {
    const run = await cli(['search', 'kyiv'])
    expect(run.stdout).toMatch(/also matched: .*Киев/)
    const exact = JSON.parse((await cli(['search', '"Kyiv"', '--json'])).stdout)
    expect(exact.total).toBe(1)
    expect(exact.variants).toBeUndefined()
  })
})
