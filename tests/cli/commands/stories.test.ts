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

describe('stories command', () => {
  it('lists clusters with ids, sizes, sites and first seen as JSON', async () => {
    const run = await cli(['stories', '--json'])
    expect(run.status).toBe(0)
    const { stories } = JSON.parse(run.stdout)
    expect(stories).toHaveLength(1)
    expect(stories[0]).toMatchObject({ size: 2, title: 'Port opens' })
    expect(stories[0].id).toMatch(/^s-/)
    expect(stories[0].members).toHaveLength(2)
    expect(stories[0]).toHaveProperty('sites')
    expect(stories[0]).toHaveProperty('firstSeen')
  })

  it('prints a table a person can read, and the story filters a search', async () => {
    const run = await cli(['stories'])
    expect(run.stdout).toMatch(/^STORY\s+SIZE\s+FIRST SEEN\s+SITES\s+TITLE/)
    const id = JSON.parse((await cli(['stories', '--json'])).stdout).stories[0].id as string
    const search = JSON.parse((await cli(['search', `story:${id}`, '--json'])).stdout)
    expect(search.total).toBe(2)
    expect(search.hits.map((h: { title: string }) => h.title)).toEqual(['Port opens', 'Port opens'])
  })

  it('collapses copies in a search and says how many', async () => {
    const json = JSON.parse((await cli(['search', 'cranes', '--collapse', '--json'])).stdout)
    expect(json.total).toBe(1)
    expect(json.hits[0].copies).toBe(1)
    const run = await cli(['search', 'cranes', '--collapse'])
    expect(run.stdout).toContain('Port opens  +1 copy')
  })

  it('refuses a date that is not one', async () => {
    const run = await cli(['stories', '--from', 'yesterday'])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--from must be a date such as 2024-05-01')
  })
})
