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

describe('search command', () => {
  it('prints JSON with total, hits with match ranges, and facets', async () => {
    const run = await cli(['search', '"river port"', '--json'])
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out.total).toBe(1)
    expect(Object.keys(out.hits[0]).sort()).toEqual(
      ['flags', 'id', 'language', 'matches', 'published', 'score', 'site', 'snippet', 'title', 'titleMatches'].sort(),
    )
    expect(out.hits[0].titleMatches).toEqual([[0, 10]])
    expect(out.hits[0].title).toBe('River port opens')
    expect(out.hits[0].matches.length).toBeGreaterThan(0)
    expect(out.facets.collection).toEqual({ harbour: 1 })
  })

  it('finds Russian words in other forms', async () => {
    const run = await cli(['search', 'мост', '--json'])
    expect(JSON.parse(run.stdout).hits.map((h: { title: string }) => h.title)).toEqual(['Мост открыт'])
  })

  it('prints readable hits with the matched words in brackets', async () => {
    const run = await cli(['search', 'cranes'])
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('River port opens')
    expect(run.stdout).toContain('[cranes]')
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 article found (showing 1–1)')
  })

  it('says on stderr why nothing was found and what to try, exiting 0', async () => {
    const run = await cli(['search', 'cranes AND quay'])
    expect(run.status).toBe(0)
    expect(run.stdout.trimEnd()).toBe('0 articles found')
    expect(run.stderr).toContain('No article matches "cranes AND quay"')
    expect(run.stderr).toContain('cranes OR quay')
  })

  it('puts the notice in the JSON for a query of stop words', async () => {
    const run = await cli(['search', 'the of', '--json'])
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out.total).toBe(0)
    expect(out.notice).toMatchObject({ code: 'stop-words-only', suggestions: [] })
    expect(out.notice.message).toContain('too common')
  })

  it('says when a fuzzy edit distance was capped', async () => {
    const run = await cli(['search', 'crane~9', '--json'])
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout).adjustments).toEqual([expect.stringContaining('capped at 2')])
    const text = await cli(['search', 'crane~9'])
    expect(text.stderr).toContain('capped at 2')
  })

  it('exits 1 with one line pointing at a query syntax error', async () => {
    const run = await cli(['search', 'river nosuch:port'])
    expect(run.status).toBe(1)
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr).toContain('character 7 ("nosuch")')
  })

  it('rejects an unknown flag name as a usage error', async () => {
    const run = await cli(['search', 'port', '--flag', 'nonsense'])
    expect(run.status).toBe(2)
  })
})
